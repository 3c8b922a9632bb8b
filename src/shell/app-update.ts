/**
 * When the kiosk looks for a new app version, and how a failed update reads in the staff log:
 * pure rules on monotonic time, no timers or workers (sw-bridge.ts wires them to workbox-window).
 */
import type { InstallFailureFacts } from '../sw/messages';

export interface UpdateTimings {
  /** Look at least this often, whatever the visitors do (ms). */
  everyMs: number;
  /** Look again on a return to idle once the last look is this old (ms). */
  idleEveryMs: number;
}

/** Idle ticks (every 250 ms while nobody is there) further apart than this: someone came by. */
export const IDLE_SPELL_GAP_MS = 2_000;
/** After failed installs the looks are spaced out (each failure doubles the gap), up to a day. */
export const MAX_BACKOFF_MS = 24 * 3600_000;

/**
 * The clock of update checks. A broken version on the server would otherwise be downloaded and
 * fail again at every check, so each failure doubles the time to the next look; a good install
 * ends the back-off.
 */
export class UpdateSchedule {
  #timings: UpdateTimings;
  #lastCheck: number;
  #lastIdleTick = -Infinity;
  #failures = 0;

  /** `now`: when the page loaded, which itself looked for a new worker. */
  constructor(timings: UpdateTimings, now: number) {
    this.#timings = timings;
    this.#lastCheck = now;
  }

  /** True once `everyMs` (spaced out after failures) has passed since the last look. */
  due(now: number): boolean {
    return now - this.#lastCheck >= this.#spaced(this.#timings.everyMs);
  }

  /**
   * Call on every tick while the kiosk is idle. True when it is time to look: the first tick of a
   * new idle spell with the last look older than `idleEveryMs`, or the regular look falls due.
   */
  idleTick(now: number): boolean {
    const newSpell = now - this.#lastIdleTick > IDLE_SPELL_GAP_MS;
    this.#lastIdleTick = now;
    return (
      (newSpell && now - this.#lastCheck >= this.#spaced(this.#timings.idleEveryMs)) ||
      this.due(now)
    );
  }

  /** A look started at `now`. */
  checked(now: number): void {
    this.#lastCheck = now;
  }

  /** What came of the last version found: installed (back-off ends) or failed (it grows). */
  installed(ok: boolean): void {
    this.#failures = ok ? 0 : this.#failures + 1;
  }

  #spaced(ms: number): number {
    return Math.min(Math.max(ms, MAX_BACKOFF_MS), ms * 2 ** this.#failures);
  }
}

/** A staff log entry about the app itself. */
export interface AppLogLine {
  level: 'info' | 'warn' | 'error';
  code: string;
  message: string;
}

const STAYS = 'stays and keeps working, offline too; the kiosk tries the update again later';

/**
 * The staff log line for a new version whose install failed. `facts` is what its worker said
 * (null when it said nothing); `running` is the version on screen, or null on a first install.
 */
export function installFailedLine(
  facts: InstallFailureFacts | null,
  running: string | null,
): AppLogLine {
  const why = facts ? installCause(facts) : 'its service worker stopped while installing';
  if (running === null)
    return {
      level: 'error',
      code: 'app-install-failed',
      message: `the app could not be stored for offline use: ${why}. It runs from the network until this is fixed; check that the web server holds the complete app, then restart the kiosk.`,
    };
  const which = facts ? `app version ${facts.version}` : 'a new app version';
  return {
    level: 'error',
    code: 'app-update-failed',
    message: `${which} could not be installed: ${why}. Version ${running} ${STAYS}.`,
  };
}

function installCause(f: InstallFailureFacts): string {
  const file = f.url ? fileName(f.url) : null;
  if (file && f.status !== undefined)
    return `its file ${file} answered HTTP ${f.status} (the web server seems to hold an incomplete copy of the new app)`;
  if (f.name === 'QuotaExceededError') return "the kiosk's storage is full";
  if (f.name === 'TypeError' && /fetch|network/i.test(f.message))
    return `one of its files could not be downloaded (${f.message})`;
  return `${f.name}: ${f.message}`;
}

/** A URL as staff would look for it on the server: its path. */
function fileName(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * The staff log line for a look that failed before any install began (`registration.update()`
 * rejected), or null when the kiosk simply could not reach the server: being offline is logged
 * by the feed's checks already, and a hall offline for weeks must not fill the log.
 */
export function checkFailedLine(error: unknown, running: string): AppLogLine | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/evaluation failed|threw an exception/i.test(message))
    return {
      level: 'error',
      code: 'app-update-failed',
      message: `a new app version could not be installed: its service worker (sw.js) fails to start (${message}). Version ${running} ${STAYS}.`,
    };
  const status = /bad HTTP response code \((\d+)\)/i.exec(message)?.[1];
  if (status)
    return {
      level: 'warn',
      code: 'app-update-check',
      message: `the web server answered HTTP ${status} for the app's sw.js, so no new app version can be found; version ${running} keeps running. Check that the complete app is on the server.`,
    };
  return null;
}
