/**
 * How long a movement of the wall lasts. At once when the visitor's system asks for reduced motion;
 * when motion is calm (elderly mode, or staff's calm setting: `data-calm` on the page's root), half
 * as long again, so that an older visitor can follow where the wall is going.
 */
export function glideSeconds(seconds: number, reducedSeconds = 0.01): number {
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return reducedSeconds;
  return document.documentElement.hasAttribute('data-calm') ? seconds * CALM_FACTOR : seconds;
}

/** Calm movements take this many times as long. */
export const CALM_FACTOR = 1.6;
