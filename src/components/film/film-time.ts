/** Time arithmetic of the film player: clock text for the visitor, and where on the film a finger points. */

/** `seconds` as a clock a visitor reads: 7 → "0:07", 754 → "12:34", 3725 → "1:02:05"; unknown → "0:00". */
export function clockText(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The moment of the film under a finger at `x` on a bar spanning `left` to `left + width` (CSS px),
 * clamped to the film: a finger that slides past either end holds the start or the end.
 */
export function timeAtPoint(x: number, left: number, width: number, duration: number): number {
  if (!(width > 0) || !Number.isFinite(duration) || duration <= 0) return 0;
  return Math.min(1, Math.max(0, (x - left) / width)) * duration;
}

/** How far through the film `time` is, from 0 to 1 (0 while its length is unknown). */
export function fractionOf(time: number, duration: number): number {
  if (!Number.isFinite(duration) || duration <= 0 || !Number.isFinite(time)) return 0;
  return Math.min(1, Math.max(0, time / duration));
}
