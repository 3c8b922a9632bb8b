/**
 * Watches a visitor's film for the two ways it can die on screen: a media error, or a picture that
 * stops moving while it should play (a stall, a seek that never lands). Either is reported once.
 */

/**
 * Pure: decides a stall from looks at the playhead. Time comes in as a parameter, so tests need no
 * sleeps. A film that should not be moving (paused by the visitor, ended) is never stalled, and
 * the wait starts again when it should move once more.
 */
export class StallWatch {
  /** The playhead at the last look (null before the first: the wait counts from construction). */
  #position: number | null = null;
  #since: number;

  constructor(
    readonly stallMs: number,
    now: number,
  ) {
    this.#since = now;
  }

  /** One look at `now`: true when the film should have moved since `stallMs` ago and has not. */
  look(position: number, shouldMove: boolean, now: number): boolean {
    const moved = this.#position !== null && position !== this.#position;
    this.#position = position;
    if (!shouldMove || moved) {
      this.#since = now;
      return false;
    }
    return now - this.#since >= this.stallMs;
  }
}

export interface FilmWatchOptions {
  /** No movement this long while it should play counts as a failure. */
  stallMs: number;
  /** True while the film should be moving (not paused by the visitor, not ended). */
  shouldMove: () => boolean;
  /** Called at most once, with why the film cannot be played (for the staff log). */
  onFail: (reason: string) => void;
  /** How often the playhead is looked at. */
  everyMs?: number;
  now?: () => number;
}

/** Starts watching `el`; returns the disposer that stops watching (call it when the player goes). */
export function watchFilm(el: HTMLVideoElement, opts: FilmWatchOptions): () => void {
  const now = opts.now ?? (() => performance.now());
  const stall = new StallWatch(opts.stallMs, now());
  let done = false;
  const fail = (reason: string) => {
    if (done) return;
    done = true;
    stop();
    opts.onFail(reason);
  };
  const onError = () => {
    // An error on a player whose source was taken away on purpose is no failure of the film.
    if (!el.getAttribute('src')) return;
    const e = el.error;
    fail(e ? `media error ${e.code}${e.message ? `: ${e.message}` : ''}` : 'media error');
  };
  const timer = setInterval(() => {
    if (stall.look(el.currentTime, opts.shouldMove(), now()))
      fail(`no picture for ${Math.round(opts.stallMs / 1000)} s at ${el.currentTime.toFixed(1)} s`);
  }, opts.everyMs ?? 500);
  el.addEventListener('error', onError);
  const stop = () => {
    clearInterval(timer);
    el.removeEventListener('error', onError);
  };
  // An error may have come before the watch began (a film that fails at once).
  if (el.error) onError();
  return () => {
    done = true;
    stop();
  };
}
