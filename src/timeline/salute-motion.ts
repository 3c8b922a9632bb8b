/**
 * The salute's small acknowledgement: a warm glow leaves the button and the count settles into
 * place. Web Animations, each named `salute`, scaled by the motion mode (still: a glow, no travel).
 */
import { durationScale, travelScale, type MotionMode } from './motion';

/** Plays the acknowledgement on `glow` (a layer behind the button) and `figure` (the count). Returns a stop. */
export function playSalute(
  parts: { glow: HTMLElement; figure: HTMLElement },
  mode: MotionMode,
): () => void {
  const slow = durationScale(mode);
  const travel = travelScale(mode);
  const glow = parts.glow.animate(
    [
      { opacity: 0, transform: 'scale(1)' },
      { opacity: 0.85, transform: `scale(${1 + 0.06 * travel})`, offset: 0.25 },
      { opacity: 0, transform: `scale(${1 + 0.22 * travel})` },
    ],
    { duration: 1400 * slow, easing: 'cubic-bezier(0.22, 1, 0.36, 1)' },
  );
  const figure = parts.figure.animate(
    [
      { opacity: 0.25, transform: `translateY(${12 * travel}px)` },
      { opacity: 1, transform: 'none' },
    ],
    { duration: 800 * slow, easing: 'cubic-bezier(0.22, 1, 0.36, 1)' },
  );
  const animations = [glow, figure];
  for (const a of animations) a.id = 'salute';
  return () => animations.forEach((a) => a.cancel());
}
