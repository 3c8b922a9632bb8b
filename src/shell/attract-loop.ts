/**
 * Sequencing of the attract loop: which segment plays, for how long, what comes next, and what to
 * do with a segment that cannot play (no WebGL, a film that will not start). Timers come in as
 * parameters, so tests step through hours of loop without waiting.
 */

/** Where the loop is: segment `index` of the playlist, in its `round`-th time round (from 0). */
export interface AttractPosition {
  index: number;
  round: number;
}

/** Seconds the loop rests on the invitation alone when no segment can play, before trying all again. */
export const REST_SECONDS = 60;

/**
 * The segment after `index` (wrapping round; -1 starts at the beginning) that is not `excluded`, or
 * null when every segment is.
 */
export function nextIndex(
  count: number,
  index: number,
  excluded: ReadonlySet<number>,
): number | null {
  for (let k = 1; k <= count; k++) {
    const i = (((index + k) % count) + count) % count;
    if (!excluded.has(i)) return i;
  }
  return null;
}

export interface AttractTimers {
  set(fn: () => void, ms: number): number;
  clear(handle: number): void;
}

const windowTimers: AttractTimers = {
  set: (fn, ms) => window.setTimeout(fn, ms),
  clear: (handle) => window.clearTimeout(handle),
};

export interface AttractLoopOptions {
  /** Seconds segment `index` lasts (a film that plays to its end gives its upper bound). */
  seconds: readonly number[];
  /** Shows a segment, or null for the invitation alone (nothing can play just now). */
  show(position: AttractPosition | null): void;
  /**
   * Where to begin (an index past the end wraps into the next round): the segment after the one a
   * visitor interrupted, so a busy hall does not see only the first segment all day.
   */
  start?: AttractPosition;
  timers?: AttractTimers;
}

export interface AttractLoop {
  /** The segment at `position` ended before its time (a film reached its end): the next one plays. */
  finish(position: AttractPosition): void;
  /**
   * The segment at `position` cannot play: the next one plays at once, and this one is left out
   * until the loop has rested (so a missing GPU is not asked for a context every round).
   */
  skip(position: AttractPosition): void;
  dispose(): void;
}

/** Starts the loop at `start` (its first segment by default); it runs until `dispose()`. */
export function startAttractLoop(options: AttractLoopOptions): AttractLoop {
  const { seconds, show } = options;
  const timers = options.timers ?? windowTimers;
  const count = seconds.length;
  const excluded = new Set<number>();
  let current: AttractPosition | null = null;
  let round = 0;
  let timer = 0;
  let disposed = false;

  function play(position: AttractPosition | null): void {
    timers.clear(timer);
    current = position;
    if (position) round = position.round;
    show(position);
    if (position) timer = timers.set(advance, seconds[position.index]! * 1000);
    else
      timer = timers.set(() => {
        // After a rest, everything gets another chance (a film may have been replaced meanwhile).
        excluded.clear();
        begin({ index: 0, round: round + 1 });
      }, REST_SECONDS * 1000);
  }

  function begin(from: AttractPosition): void {
    const wraps = count > 0 ? Math.floor(from.index / count) : 0;
    const at = count > 0 ? from.index % count : 0;
    const first = nextIndex(count, at - 1, excluded);
    play(
      first === null ? null : { index: first, round: from.round + wraps + (first < at ? 1 : 0) },
    );
  }

  function advance(): void {
    if (disposed || !current) return;
    const index = nextIndex(count, current.index, excluded);
    if (index === null) return play(null);
    play({ index, round: current.round + (index <= current.index ? 1 : 0) });
  }

  const isCurrent = (p: AttractPosition) =>
    !disposed && current !== null && current.index === p.index && current.round === p.round;

  begin(options.start ?? { index: 0, round: 0 });
  return {
    finish(position) {
      if (isCurrent(position)) advance();
    },
    skip(position) {
      if (!isCurrent(position)) return;
      excluded.add(position.index);
      // Not within the caller's own rendering: the failed segment leaves the page first.
      timers.clear(timer);
      timer = timers.set(advance, 0);
    },
    dispose() {
      disposed = true;
      timers.clear(timer);
    },
  };
}
