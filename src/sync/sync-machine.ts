/** The sync state machine as pure functions: phases, when to activate, and when to check again. */

export type SyncPhase =
  'idle' | 'checking' | 'downloading' | 'verifying' | 'waiting-for-idle' | 'activating';

export type SyncOutcome = 'activated' | 'up-to-date' | 'rejected' | 'failed';

/** The transitions a sync run may take; anything else is a bug in the orchestrator. */
const NEXT: Record<SyncPhase, readonly SyncPhase[]> = {
  idle: ['checking'],
  checking: ['downloading', 'idle'],
  downloading: ['verifying', 'idle'],
  verifying: ['waiting-for-idle', 'activating', 'idle'],
  'waiting-for-idle': ['activating', 'idle'],
  activating: ['idle'],
};

/** Returns `to` when the move is allowed; throws otherwise. */
export function advance(from: SyncPhase, to: SyncPhase): SyncPhase {
  if (!NEXT[from].includes(to)) throw new Error(`sync cannot go from ${from} to ${to}`);
  return to;
}

/**
 * A verified pack goes live at once when nothing is live yet (first boot) or staff asked for it;
 * otherwise it waits until no visitor is interacting, so a story never changes mid-visit.
 */
export function activationMode(opts: {
  hasActive: boolean;
  staffPresent: boolean;
}): 'now' | 'when-idle' {
  return !opts.hasActive || opts.staffPresent ? 'now' : 'when-idle';
}

export interface Schedule {
  /** Consecutive runs that ended `failed` or `rejected`. */
  failures: number;
  /** When the next check should start (ms since epoch). */
  nextAt: number;
}

export interface ScheduleConfig {
  intervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_SCHEDULE: ScheduleConfig = {
  intervalMs: 15 * 60_000,
  retryBaseMs: 30_000,
  retryMaxMs: 15 * 60_000,
};

/**
 * After a run: success waits the normal interval; a failure retries sooner, doubling each time
 * up to the cap, with ±20 % jitter from `random` so a hall of kiosks does not stampede the server.
 */
export function nextCheck(
  prev: Schedule,
  outcome: SyncOutcome,
  now: number,
  config: ScheduleConfig = DEFAULT_SCHEDULE,
  random: () => number = Math.random,
): Schedule {
  if (outcome === 'activated' || outcome === 'up-to-date')
    return { failures: 0, nextAt: now + config.intervalMs };
  const failures = prev.failures + 1;
  const base = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** (failures - 1));
  const jitter = 1 + (random() * 0.4 - 0.2);
  return { failures, nextAt: now + Math.round(Math.min(config.retryMaxMs, base * jitter)) };
}
