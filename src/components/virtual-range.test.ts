// Unit tests for the virtualised grid's arithmetic: few items rendered whatever the roster's size.
import { describe, expect, it } from 'vitest';
import { scrollFor, visibleRange } from './virtual-range';

describe('visibleRange', () => {
  const m = { columns: 4, rowHeight: 100, count: 25_000 };
  it('renders the rows on screen and a margin, not the roster', () => {
    const r = visibleRange(0, 800, m);
    expect(r.first).toBe(0);
    expect(r.last).toBe((8 + 2 + 1) * 4 - 1);
    const mid = visibleRange(500_000, 800, m);
    expect(mid.first).toBe((5000 - 2) * 4);
    expect(mid.last - mid.first + 1).toBeLessThan(60);
  });
  it('stops at the end and copes with nothing', () => {
    const end = visibleRange(10_000_000, 800, m);
    expect(end.last).toBe(24_999);
    expect(visibleRange(0, 800, { ...m, count: 0 }).last).toBe(-1);
  });
  it('scrolls an item to the middle', () => {
    expect(scrollFor(4000, 800, m)).toBe(1000 * 100 - 350);
    expect(scrollFor(0, 800, m)).toBe(0);
  });
});
