/** Runs feed checks one at a time: at boot, on a schedule with back-off, and when staff ask. */
import type { FeedSource } from './feed-source';
import { syncFeed, type SyncProgress, type SyncResult } from './sync-feed';
import { DEFAULT_SCHEDULE, nextCheck, type Schedule, type SyncOutcome } from './sync-machine';

export interface SyncRunnerOptions {
  /** The hall's feed (normally the web server), checked on schedule and by "check now". */
  source: FeedSource;
  publicKey: string;
  /** Whether the live pointer's pack is the one on screen (false: it failed to load). */
  liveShown: () => boolean;
  intervalMs: number;
  whenIdle: (signal: AbortSignal) => Promise<void>;
  onProgress: (p: SyncProgress) => void;
  onResult: (r: SyncResult) => void | Promise<void>;
}

export class SyncRunner {
  #schedule: Schedule = { failures: 0, nextAt: 0 };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #current: { run: Promise<SyncResult>; abort: AbortController } | null = null;
  #disposed = false;

  constructor(private readonly opts: SyncRunnerOptions) {}

  /** First check now, then on schedule. */
  start(): void {
    void this.#run(false).catch(() => {});
  }

  /**
   * What staff's "check now" does: check, download, verify and activate at once. A scheduled run
   * that is under way (perhaps waiting for the visitor to leave) is cancelled; objects it already
   * stored are kept, so this run resumes by hash.
   */
  async checkNow(): Promise<SyncResult> {
    await this.#cancelCurrent();
    return this.#run(true);
  }

  /**
   * A feed staff brought on a USB stick or as a zip: verified by the very same stages as the
   * network, and activated at once (staff are at the kiosk). The schedule is not touched.
   */
  async importFrom(source: FeedSource): Promise<SyncResult> {
    await this.#cancelCurrent();
    return this.#run(true, source);
  }

  async #cancelCurrent(): Promise<void> {
    if (!this.#current) return;
    this.#current.abort.abort();
    await this.#current.run.catch(() => {});
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#current?.abort.abort();
  }

  #run(staffPresent: boolean, source = this.opts.source): Promise<SyncResult> {
    if (this.#current) return this.#current.run;
    clearTimeout(this.#timer);
    const abort = new AbortController();
    // One sync at a time across tabs too: garbage collection must not race another tab's download.
    const sync = () =>
      syncFeed({
        source,
        publicKey: this.opts.publicKey,
        staffPresent,
        liveShown: this.opts.liveShown(),
        whenIdle: this.opts.whenIdle,
        onProgress: this.opts.onProgress,
        signal: abort.signal,
      });
    const scheduled = source === this.opts.source;
    const locked = navigator.locks
      ? navigator.locks.request('kiosk-sync', { signal: abort.signal }, sync)
      : sync();
    const run = locked.then(async (result) => {
      await this.opts.onResult(result);
      return result;
    });
    const current = { run, abort };
    this.#current = current;
    // Whatever happens (even an unexpected error), the next check is scheduled; a run cancelled
    // by check-now leaves the scheduling to that run.
    run.then(
      // After an import the feed is next checked at the normal interval.
      (result) => this.#settle(current, scheduled ? result.outcome : 'up-to-date'),
      () => this.#settle(current, abort.signal.aborted ? null : 'failed'),
    );
    return run;
  }

  #settle(current: { run: Promise<SyncResult> }, outcome: SyncOutcome | null): void {
    if (this.#current === current) this.#current = null;
    if (outcome) this.#scheduleAfter(outcome);
  }

  #scheduleAfter(outcome: SyncOutcome): void {
    if (this.#disposed) return;
    const config = { ...DEFAULT_SCHEDULE, intervalMs: this.opts.intervalMs };
    this.#schedule = nextCheck(this.#schedule, outcome, Date.now(), config);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => void this.#run(false).catch(() => {}),
      // setTimeout misfires beyond 2^31-1 ms; the schedule never needs more than a day anyway.
      Math.min(2 ** 31 - 1, Math.max(1000, this.#schedule.nextAt - Date.now())),
    );
  }
}
