import { describe, expect, it } from 'vitest';
import { countCornerTap } from './staff-gesture';

/** Feeds taps `[time, inZone]` through the counter; returns the times at which it completed. */
function run(taps: [number, boolean][]): number[] {
  let kept: number[] = [];
  const done: number[] = [];
  for (const [t, inZone] of taps) {
    const r = countCornerTap(kept, t, inZone);
    kept = r.kept;
    if (r.complete) done.push(t);
  }
  return done;
}

describe('the staff gesture', () => {
  it('five corner taps within 3 s complete it; four do not', () => {
    expect(run([0, 500, 1000, 1500, 2000].map((t) => [t, true]))).toEqual([2000]);
    expect(run([0, 500, 1000, 1500].map((t) => [t, true]))).toEqual([]);
  });

  it('taps spread over more than 3 s do not, but the last five of a longer run do', () => {
    expect(run([0, 800, 1600, 2400, 3200].map((t) => [t, true]))).toEqual([]);
    expect(run([0, 800, 1600, 2400, 3200, 3300].map((t) => [t, true]))).toEqual([3300]);
  });

  it('a tap elsewhere starts the count over', () => {
    expect(
      run([
        [0, true],
        [200, true],
        [400, false],
        [600, true],
        [800, true],
        [1000, true],
      ]),
    ).toEqual([]);
  });

  it('starts afresh after completing (a sixth tap is not a second gesture)', () => {
    expect(run([0, 100, 200, 300, 400, 500].map((t) => [t, true]))).toEqual([400]);
  });
});
