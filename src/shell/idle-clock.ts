/** The idle clock: pure time arithmetic for "nobody has touched the screen for a while". */

export interface IdleStatus {
  /** Milliseconds since the last touch. */
  idleMs: number;
  /** `active` while in use; `countdown` in the last stretch before reset; `expired` once reset is due. */
  phase: 'active' | 'countdown' | 'expired';
  /** Whole seconds left before reset (0 when expired). */
  secondsLeft: number;
}

/**
 * Times are from a monotonic clock (`performance.now()`): a wall clock that jumps back (NTP, a
 * dead RTC battery) would freeze the idle timer for hours, one that jumps forward would reset a
 * visitor mid-story.
 */
export class IdleClock {
  #last: number;

  /** `timeoutMs`: from the last touch to reset; `countdownMs`: how long the gentle countdown shows. */
  constructor(
    readonly timeoutMs: number,
    readonly countdownMs: number,
    now: number,
  ) {
    if (countdownMs > timeoutMs) throw new Error('countdown must not be longer than the timeout');
    this.#last = now;
  }

  /** A visitor touched the screen at `now`. */
  touch(now: number): void {
    this.#last = Math.max(this.#last, now);
  }

  /**
   * Where the clock stands at `now`. `timeoutMs` may be a scene's own and `countdownMs` longer for
   * a visitor who asked for more time (elderly mode); the timeout is never below the countdown.
   */
  status(now: number, timeoutMs = this.timeoutMs, countdownMs = this.countdownMs): IdleStatus {
    const timeout = Math.max(timeoutMs, countdownMs);
    const idleMs = Math.max(0, now - this.#last);
    const left = timeout - idleMs;
    const phase = left <= 0 ? 'expired' : left <= countdownMs ? 'countdown' : 'active';
    return { idleMs, phase, secondsLeft: Math.max(0, Math.ceil(left / 1000)) };
  }
}
