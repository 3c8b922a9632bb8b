/** Turns pointer events on the wall's canvas into press, drag, release and tap gestures; returns a disposer. */

/** Movement (CSS px) beyond which a touch is a drag, never a tap. */
export const TAP_SLOP = 10;

export interface GestureHandlers {
  /** A finger or mouse went down at client coordinates. */
  press(x: number, y: number): void;
  /** The pointer has moved beyond the tap slop: from now on this gesture scrolls. */
  dragStart(): void;
  /** Total movement since the press, in CSS px. */
  drag(dx: number, dy: number): void;
  /** A drag ended with this velocity (px/ms). */
  release(vx: number, vy: number): void;
  /** Down and up within the slop: a tap at client coordinates. */
  tap(x: number, y: number): void;
  /** The gesture ended without a tap or drag (cancelled by the browser, or lost capture). */
  cancel(): void;
  /** A wheel or trackpad scroll, in CSS px. */
  wheel(dx: number, dy: number): void;
  /** Two fingers spread (> 1) or pinched (< 1) by this factor since the last call. */
  pinch?(scale: number): void;
}

interface Sample {
  x: number;
  y: number;
  t: number;
}

/** Listens on `element`; follows one pointer at a time so a second finger cannot hijack a drag. */
export function attachGestures(element: HTMLElement, handlers: GestureHandlers): () => void {
  let active: number | null = null;
  let start: Sample = { x: 0, y: 0, t: 0 };
  let dragging = false;
  let samples: Sample[] = [];
  // Other fingers on the element, for a two-finger pinch (the browser's own zoom is switched off).
  const others = new Map<number, { x: number; y: number }>();
  let pinchSpan = 0;
  const span = (e: PointerEvent) => {
    const o = others.values().next().value;
    return o ? Math.hypot(e.clientX - o.x, e.clientY - o.y) : 0;
  };

  const onDown = (e: PointerEvent) => {
    if (active !== null && e.pointerType === 'touch' && handlers.pinch) {
      // A second finger: the gesture becomes a pinch; the first finger's drag or tap is over.
      others.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (dragging) handlers.release(0, 0);
      else handlers.cancel();
      dragging = false;
      pinchSpan = 0;
      return;
    }
    if (active !== null || (e.pointerType === 'mouse' && e.button !== 0)) return;
    active = e.pointerId;
    dragging = false;
    start = { x: e.clientX, y: e.clientY, t: e.timeStamp };
    samples = [start];
    // Capture keeps the gesture ours when the finger slides off the canvas onto an overlay.
    try {
      element.setPointerCapture(e.pointerId);
    } catch {
      /* synthetic events have no capturable pointer; the gesture still works */
    }
    handlers.press(e.clientX, e.clientY);
  };

  const onMove = (e: PointerEvent) => {
    const other = others.get(e.pointerId);
    if (other) {
      other.x = e.clientX;
      other.y = e.clientY;
      return;
    }
    if (e.pointerId !== active) return;
    if (others.size > 0) {
      const now = span(e);
      if (pinchSpan > 0 && now > 0) handlers.pinch?.(now / pinchSpan);
      pinchSpan = now;
      return;
    }
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!dragging && Math.hypot(dx, dy) >= TAP_SLOP) {
      dragging = true;
      handlers.dragStart();
    }
    samples.push({ x: e.clientX, y: e.clientY, t: e.timeStamp });
    // Only the last ~100 ms describe the flick speed at release.
    while (samples.length > 2 && e.timeStamp - (samples[0]?.t ?? 0) > 100) samples.shift();
    if (dragging) handlers.drag(dx, dy);
  };

  const finish = (e: PointerEvent, cancelled: boolean) => {
    if (others.delete(e.pointerId)) return;
    if (e.pointerId !== active) return;
    active = null;
    if (others.size > 0) {
      // The first finger lifted mid-pinch: the gesture ends here, without a tap.
      others.clear();
      dragging = false;
      return;
    }
    if (dragging) {
      const first = samples[0] ?? start;
      const latest = samples[samples.length - 1] ?? start;
      const span = e.timeStamp - first.t;
      // A finger that rested before lifting means no flick. Moves arrive once per frame, so on a slow
      // (software-rendered) screen the quiet gap before release is judged against the frame pace, not a fixed 80 ms.
      const pace = samples.length > 1 ? span / (samples.length - 1) : 16;
      const flick = span > 0 && e.timeStamp - latest.t <= Math.max(80, pace * 1.5);
      const vx = flick ? (e.clientX - first.x) / span : 0;
      const vy = flick ? (e.clientY - first.y) / span : 0;
      handlers.release(vx, vy);
    } else if (!cancelled && Math.hypot(e.clientX - start.x, e.clientY - start.y) < TAP_SLOP) {
      handlers.tap(e.clientX, e.clientY);
    } else {
      handlers.cancel();
    }
    dragging = false;
  };

  const onUp = (e: PointerEvent) => finish(e, false);
  const onCancel = (e: PointerEvent) => finish(e, true);
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const scale = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? 800 : 1;
    handlers.wheel(e.deltaX * scale, e.deltaY * scale);
  };
  // A long press would open the context menu on some touch screens.
  const onContextMenu = (e: Event) => e.preventDefault();

  element.addEventListener('pointerdown', onDown);
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerup', onUp);
  element.addEventListener('pointercancel', onCancel);
  element.addEventListener('lostpointercapture', onCancel);
  element.addEventListener('wheel', onWheel, { passive: false });
  element.addEventListener('contextmenu', onContextMenu);
  return () => {
    element.removeEventListener('pointerdown', onDown);
    element.removeEventListener('pointermove', onMove);
    element.removeEventListener('pointerup', onUp);
    element.removeEventListener('pointercancel', onCancel);
    element.removeEventListener('lostpointercapture', onCancel);
    element.removeEventListener('wheel', onWheel);
    element.removeEventListener('contextmenu', onContextMenu);
  };
}
