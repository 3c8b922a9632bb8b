/**
 * Visible feedback at the moment of a touch: the control under a finger is marked `data-pressed`
 * on pointerdown (global styles press it in), because a touch screen applies `:active` only once
 * the browser has decided the touch is not a scroll, often after 100 ms or never for a quick tap.
 */

/** What counts as a control a finger can press. */
const PRESSABLE =
  'button:not(:disabled), [role="button"]:not([aria-disabled="true"]), [role="slider"], a[href]';

/** A quick tap still shows its press for a few frames, however soon the finger lifts. */
const MIN_SHOWN_MS = 150;

/** Listens on `target` (capture phase, before any scene's handler); returns the disposer. */
export function installPressFeedback(
  target: Window = window,
  now: () => number = () => performance.now(),
): () => void {
  let pressed: Element | null = null;
  let pointer = -1;
  let downAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const release = () => {
    clearTimeout(timer);
    timer = undefined;
    pressed?.removeAttribute('data-pressed');
    pressed = null;
    pointer = -1;
  };
  const onDown = (e: PointerEvent) => {
    if (!e.isPrimary) return; // a second finger (a pinch) presses nothing new
    release();
    const control = e.target instanceof Element ? e.target.closest(PRESSABLE) : null;
    if (!control) return;
    control.setAttribute('data-pressed', '');
    pressed = control;
    pointer = e.pointerId;
    downAt = now();
  };
  const onUp = (e: PointerEvent) => {
    if (!pressed || e.pointerId !== pointer || timer !== undefined) return;
    const left = MIN_SHOWN_MS - (now() - downAt);
    if (left > 0) timer = setTimeout(release, left);
    else release();
  };
  // A finger that turns into a scroll or a drag presses nothing: the browser cancels the pointer.
  const onCancel = (e: PointerEvent) => {
    if (e.pointerId === pointer) release();
  };

  target.addEventListener('pointerdown', onDown, { capture: true });
  target.addEventListener('pointerup', onUp, { capture: true });
  target.addEventListener('pointercancel', onCancel, { capture: true });
  return () => {
    release();
    target.removeEventListener('pointerdown', onDown, { capture: true });
    target.removeEventListener('pointerup', onUp, { capture: true });
    target.removeEventListener('pointercancel', onCancel, { capture: true });
  };
}
