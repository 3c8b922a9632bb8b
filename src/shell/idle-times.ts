/** How long a scene waits untouched before the idle countdown, and how long that countdown shows. */
export interface IdleTimes {
  /** From the last touch to the idle reset, in ms (the countdown included). */
  timeoutMs: number;
  /** The gentle countdown at the end of it, in ms. */
  countdownMs: number;
}

/** The settings it reads (settings.ts's `Settings` has them; kept apart so Node tests need no build globals). */
export interface IdleSettings {
  idleSeconds: number;
  countdownSeconds: number;
  sceneIdleSeconds: Partial<Record<string, number>>;
  elderlyIdleFactor: number;
}

/**
 * The idle times of `scene`: its own idle seconds where staff gave it some (a long story), else the
 * kiosk's. A visitor in elderly mode reads and moves more slowly, so both the wait and the countdown
 * are `elderlyIdleFactor` times as long.
 */
export function idleTimes(settings: IdleSettings, scene: string, elderly: boolean): IdleTimes {
  const own = settings.sceneIdleSeconds[scene];
  const factor = elderly ? settings.elderlyIdleFactor : 1;
  return {
    timeoutMs: (own ?? settings.idleSeconds) * factor * 1000,
    countdownMs: settings.countdownSeconds * factor * 1000,
  };
}
