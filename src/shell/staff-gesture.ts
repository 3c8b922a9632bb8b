/** Staff's hidden way in: five quick taps in the screen's top-left corner, watched without blocking any tap. */

export interface GestureRule {
  taps: number;
  withinMs: number;
  /** Side of the invisible square zone at the top-left corner, in CSS px. */
  zonePx: number;
}

export const STAFF_GESTURE: GestureRule = { taps: 5, withinMs: 3000, zonePx: 96 };

/**
 * Pure: the corner-tap times to keep after a tap at `now` (monotonic ms), and whether the gesture is
 * complete. A tap elsewhere starts the count over; taps older than the window are forgotten.
 */
export function countCornerTap(
  earlier: readonly number[],
  now: number,
  inZone: boolean,
  rule: GestureRule = STAFF_GESTURE,
): { kept: number[]; complete: boolean } {
  if (!inZone) return { kept: [], complete: false };
  const kept = [...earlier.filter((t) => t <= now && now - t < rule.withinMs), now];
  return kept.length >= rule.taps ? { kept: [], complete: true } : { kept, complete: false };
}

/** Controls a visitor may be pressing (a back button near the corner): hammering them is no gesture. */
const CONTROLS = 'button, a, input, select, textarea, label, [role="button"]';

/**
 * Listens for the gesture on `win` and calls `onGesture` when it is made. The listener is passive
 * and in the capture phase: it never blocks or delays a tap, and the tap still counts as presence.
 * Returns the disposer.
 */
export function watchStaffGesture(
  onGesture: () => void,
  win: Window = window,
  rule: GestureRule = STAFF_GESTURE,
): () => void {
  let taps: number[] = [];
  const onDown = (e: PointerEvent) => {
    if (!e.isPrimary) return; // the second finger of a pinch is not a tap
    const onControl = e.target instanceof Element && e.target.closest(CONTROLS) !== null;
    const inZone = e.clientX < rule.zonePx && e.clientY < rule.zonePx && !onControl;
    // The touch's own time (monotonic): a main thread busy for a moment does not stretch the taps apart.
    const { kept, complete } = countCornerTap(taps, e.timeStamp, inZone, rule);
    taps = kept;
    if (complete) onGesture();
  };
  const opts = { capture: true, passive: true } as const;
  win.addEventListener('pointerdown', onDown, opts);
  return () => win.removeEventListener('pointerdown', onDown, opts);
}
