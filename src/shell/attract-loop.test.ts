import { describe, expect, it } from 'vitest';
import {
  REST_SECONDS,
  nextIndex,
  startAttractLoop,
  type AttractPosition,
  type AttractTimers,
} from './attract-loop';

/** A clock the test moves by hand: timers fire in time order as it passes them. */
function manualTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: AttractTimers = {
    set(fn, ms) {
      pending.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clear: (handle) => void pending.delete(handle),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { timers, advance, pending: () => pending.size };
}

function run(seconds: number[], start?: AttractPosition) {
  const clock = manualTimers();
  const shown: (AttractPosition | null)[] = [];
  const loop = startAttractLoop({
    seconds,
    show: (p) => shown.push(p),
    timers: clock.timers,
    start,
  });
  const last = () => shown[shown.length - 1] ?? null;
  return { ...clock, shown, loop, last };
}

describe('nextIndex', () => {
  it('goes round the playlist, leaving out excluded segments', () => {
    expect(nextIndex(3, -1, new Set())).toBe(0);
    expect(nextIndex(3, 0, new Set())).toBe(1);
    expect(nextIndex(3, 2, new Set())).toBe(0);
    expect(nextIndex(3, 0, new Set([1]))).toBe(2);
    expect(nextIndex(3, 2, new Set([0]))).toBe(1);
    expect(nextIndex(1, 0, new Set())).toBe(0);
  });
  it('is null when nothing is left', () => {
    expect(nextIndex(2, 0, new Set([0, 1]))).toBeNull();
    expect(nextIndex(0, -1, new Set())).toBeNull();
  });
});

describe('startAttractLoop', () => {
  it('plays each segment for its own seconds, in order, round after round', () => {
    const t = run([4, 10, 6]);
    expect(t.last()).toEqual({ index: 0, round: 0 });
    t.advance(3999);
    expect(t.shown).toHaveLength(1);
    t.advance(1);
    expect(t.last()).toEqual({ index: 1, round: 0 });
    t.advance(10_000);
    expect(t.last()).toEqual({ index: 2, round: 0 });
    t.advance(6000);
    expect(t.last()).toEqual({ index: 0, round: 1 });
    t.advance(20_000 * 3);
    expect(t.last()).toEqual({ index: 0, round: 4 });
  });

  it('moves on when a segment finishes early, and ignores word from a segment already gone', () => {
    const t = run([4, 600, 5]);
    t.advance(4000);
    expect(t.last()).toEqual({ index: 1, round: 0 });
    t.advance(30_000);
    t.loop.finish({ index: 1, round: 0 }); // the film reached its end after 30 s
    expect(t.last()).toEqual({ index: 2, round: 0 });
    t.loop.finish({ index: 1, round: 0 }); // a late echo from the film that left
    t.loop.skip({ index: 0, round: 0 });
    expect(t.last()).toEqual({ index: 2, round: 0 });
    t.advance(5000);
    expect(t.last()).toEqual({ index: 0, round: 1 });
  });

  it('skips a segment that cannot play at once, and leaves it out of later rounds', () => {
    const t = run([40, 8, 20]);
    t.loop.skip({ index: 0, round: 0 }); // no WebGL on this screen
    expect(t.last()).toEqual({ index: 0, round: 0 }); // not within the failing segment's own call
    t.advance(0);
    expect(t.last()).toEqual({ index: 1, round: 0 });
    t.advance(8000 + 20_000);
    expect(t.last()).toEqual({ index: 1, round: 1 });
    expect(t.shown.filter((p) => p?.index === 0)).toHaveLength(1);
  });

  it('rests on the invitation when nothing can play, then tries everything again', () => {
    const t = run([10, 10]);
    t.loop.skip({ index: 0, round: 0 });
    t.advance(0);
    t.loop.skip({ index: 1, round: 0 });
    t.advance(0);
    expect(t.last()).toBeNull();
    t.advance(REST_SECONDS * 1000 - 1);
    expect(t.last()).toBeNull();
    t.advance(1);
    expect(t.last()).toEqual({ index: 0, round: 1 });
  });

  it('an empty playlist shows the invitation alone', () => {
    const t = run([]);
    expect(t.shown).toEqual([null]);
    t.advance(REST_SECONDS * 1000 * 3);
    expect(t.shown.every((p) => p === null)).toBe(true);
  });

  it('a one-segment playlist starts it anew each round (the page sees a new position)', () => {
    const t = run([5]);
    t.advance(5000);
    t.advance(5000);
    expect(t.shown).toEqual([
      { index: 0, round: 0 },
      { index: 0, round: 1 },
      { index: 0, round: 2 },
    ]);
  });

  it('begins where it is told: after the segment a visitor interrupted, round continuing', () => {
    const t = run([4, 5, 6], { index: 2, round: 3 });
    expect(t.last()).toEqual({ index: 2, round: 3 });
    t.advance(6000);
    expect(t.last()).toEqual({ index: 0, round: 4 });
    // Past the end: the next round's first segment.
    expect(run([4, 5, 6], { index: 3, round: 3 }).last()).toEqual({ index: 0, round: 4 });
    // A playlist that got shorter since: still somewhere inside it.
    expect(run([4, 5], { index: 7, round: 0 }).last()).toEqual({ index: 1, round: 3 });
  });

  it('stops for good when disposed: no timer left behind', () => {
    const t = run([4, 4]);
    t.loop.dispose();
    expect(t.pending()).toBe(0);
    t.advance(60_000);
    t.loop.finish({ index: 0, round: 0 });
    expect(t.shown).toHaveLength(1);
  });
});
