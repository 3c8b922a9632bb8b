// Unit tests for the stall decision: a film that should move and does not is caught, a paused one never.
import { describe, expect, it } from 'vitest';
import { StallWatch } from './film-watch';

describe('StallWatch', () => {
  it('catches a playhead that stays put while the film should play', () => {
    const w = new StallWatch(6000, 0);
    expect(w.look(0, true, 0)).toBe(false);
    expect(w.look(0, true, 5999)).toBe(false);
    expect(w.look(0, true, 6000)).toBe(true);
  });
  it('starts the wait again whenever the playhead moves', () => {
    const w = new StallWatch(6000, 0);
    w.look(0, true, 0);
    expect(w.look(1.2, true, 5000)).toBe(false);
    expect(w.look(1.2, true, 10_000)).toBe(false);
    expect(w.look(1.2, true, 11_000)).toBe(true);
  });
  it('never counts a film the visitor paused, and waits afresh once it should move again', () => {
    const w = new StallWatch(6000, 0);
    w.look(3, true, 0);
    expect(w.look(3, false, 60_000)).toBe(false);
    expect(w.look(3, true, 60_500)).toBe(false);
    expect(w.look(3, true, 65_900)).toBe(false);
    expect(w.look(3, true, 66_000)).toBe(true);
  });
  it('counts a film that never started (no first frame) from the watch’s start', () => {
    const w = new StallWatch(6000, 1000);
    expect(w.look(0, true, 4000)).toBe(false);
    expect(w.look(0, true, 7000)).toBe(true);
  });
});
