/** How long a scene waits untouched before the idle countdown, and how long that countdown shows. */
import type { Scene } from './kiosk.svelte';
import type { Settings } from './settings';

export interface IdleTimes {
  /** From the last touch to the idle reset, in ms (the countdown included). */
  timeoutMs: number;
  /** The gentle countdown at the end of it, in ms. */
  countdownMs: number;
}

type IdleSettings = Pick<
  Settings,
  'idleSeconds' | 'countdownSeconds' | 'sceneIdleSeconds' | 'elderlyIdleFactor'
>;

/**
 * The idle times of `scene`: its own idle seconds where staff gave it some (a long story), else the
 * kiosk's. A visitor in elderly mode reads and moves more slowly, so both the wait and the countdown
 * are `elderlyIdleFactor` times as long.
 */
export function idleTimes(
  settings: IdleSettings,
  scene: Scene['name'],
  elderly: boolean,
): IdleTimes {
  const own = settings.sceneIdleSeconds[scene];
  const factor = elderly ? settings.elderlyIdleFactor : 1;
  return {
    timeoutMs: (own ?? settings.idleSeconds) * factor * 1000,
    countdownMs: settings.countdownSeconds * factor * 1000,
  };
}
