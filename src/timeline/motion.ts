/** How much the story and history scenes may move: the OS's reduced-motion wish, then staff's calm setting. */

/**
 * `full`: the designed motion. `calm`: slower and fewer moves (no slides, a gentler image drift).
 * `still`: nothing travels or zooms; chapters cross-fade and numbers are simply set.
 */
export type MotionMode = 'full' | 'calm' | 'still';

/** The mode for this screen now: the visitor-facing OS setting wins over the kiosk's own. */
export function motionMode(calmSetting: boolean): MotionMode {
  if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches)
    return 'still';
  return calmSetting ? 'calm' : 'full';
}

/** Multiplier on animation durations: calm motion takes longer over the same move. */
export const durationScale = (mode: MotionMode): number =>
  mode === 'full' ? 1 : mode === 'calm' ? 1.6 : 0.5;

/** Multiplier on distances and zooms: calm motion moves less, still motion not at all. */
export const travelScale = (mode: MotionMode): number =>
  mode === 'full' ? 1 : mode === 'calm' ? 0.35 : 0;

/**
 * How long autoplay leaves a chapter on screen: time to read it at an unhurried pace (about four
 * Chinese characters or three English words a second, for older visitors), between 8 and 40 s, a
 * little longer in calm mode.
 */
export function readingSeconds(text: string, locale: string, mode: MotionMode): number {
  const units =
    locale === 'en'
      ? text.split(/\s+/).filter(Boolean).length / 3
      : [...text.replace(/\s/g, '')].length / 4;
  const base = Math.min(40, Math.max(8, 4 + units));
  return mode === 'calm' ? Math.min(48, base * 1.25) : base;
}
