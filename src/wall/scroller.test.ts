// Unit tests for the wall's scroll physics: glides come to rest, never settle outside the wall, and drags rubber-band.
import { describe, it, expect } from 'vitest';
import { Scroller } from './scroller';

/** Steps at 60 Hz until the scroller rests; returns the number of frames it took. */
function settle(s: Scroller, dt = 16.7, limit = 2000): number {
  let frames = 0;
  while (s.step(dt) && frames < limit) frames++;
  return frames;
}

describe('Scroller', () => {
  it('glides on after a flick and comes to rest within a few seconds', () => {
    const s = new Scroller();
    s.setMax(5000);
    s.grab();
    s.drag(100);
    s.release(2); // px/ms
    const frames = settle(s);
    expect(frames).toBeGreaterThan(10);
    expect(frames * 16.7).toBeLessThan(4000);
    expect(s.position).toBeGreaterThan(600); // ~ 100 + 2 × 325
    expect(s.position).toBeLessThan(900);
    expect(s.step(16.7)).toBe(false);
  });

  it('resists a drag past either end and springs back to the edge', () => {
    const s = new Scroller();
    s.setMax(1000);
    s.grab();
    s.drag(-200);
    expect(s.position).toBeLessThan(0);
    expect(s.position).toBeGreaterThan(-200); // rubber band, not 1:1
    s.release(0);
    settle(s);
    expect(s.position).toBe(0);

    s.grab();
    s.drag(1500);
    s.release(3);
    settle(s);
    expect(s.position).toBe(1000);
  });

  it('rests at the end after a hard flick towards it, at any frame rate', () => {
    for (const dt of [8, 16.7, 70, 250]) {
      const s = new Scroller();
      s.setMax(800);
      s.grab();
      s.release(6);
      settle(s, dt);
      expect(s.position, `dt ${dt}`).toBe(800);
    }
  });

  it('catches a moving wall when grabbed', () => {
    const s = new Scroller();
    s.setMax(5000);
    s.release(3);
    s.step(16.7);
    const at = s.position;
    s.grab();
    expect(s.step(16.7)).toBe(false);
    expect(s.position).toBe(at);
  });

  it('nudges within bounds and clamps when the wall shrinks', () => {
    const s = new Scroller();
    s.setMax(300);
    s.nudge(500);
    expect(s.position).toBe(300);
    s.setMax(100);
    expect(s.position).toBe(100);
    s.nudge(-1000);
    expect(s.position).toBe(0);
  });
});
