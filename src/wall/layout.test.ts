// Unit tests for the honor wall's grid layout: no overlaps, everything reachable, tap-sized cards, both orientations.
import { describe, it, expect } from 'vitest';
import { layoutWall, type WallLayout } from './layout';

const LANDSCAPE = [1920, 1080] as const;
const PORTRAIT = [1080, 1920] as const;
const COUNTS = [1, 2, 3, 5, 8, 12, 17, 24, 36, 40, 41, 64, 120, 200];

/** Rectangles of every card in content space. */
function rects(l: WallLayout) {
  return l.slots.map((s) => ({
    left: s.x,
    top: s.y,
    right: s.x + l.cardWidth,
    bottom: s.y + l.cardHeight,
  }));
}

function expectNoOverlap(l: WallLayout) {
  const r = rects(l);
  for (let i = 0; i < r.length; i++) {
    for (let j = i + 1; j < r.length; j++) {
      const a = r[i]!;
      const b = r[j]!;
      // Apart by at least the gap on one axis (allowing for float rounding).
      const apart =
        a.right + l.gap <= b.left + 1e-6 ||
        b.right + l.gap <= a.left + 1e-6 ||
        a.bottom + l.gap <= b.top + 1e-6 ||
        b.bottom + l.gap <= a.top + 1e-6;
      expect(apart, `cards ${i} and ${j} overlap`).toBe(true);
    }
  }
}

/** Every card lies inside the content box, and inside the viewport across the axis that does not scroll. */
function expectInside(l: WallLayout, width: number, height: number) {
  for (const r of rects(l)) {
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(l.contentWidth + 1e-6);
    expect(r.bottom).toBeLessThanOrEqual(l.contentHeight + 1e-6);
    if (l.scrollAxis !== 'x') expect(r.right).toBeLessThanOrEqual(width);
    if (l.scrollAxis !== 'y') expect(r.bottom).toBeLessThanOrEqual(height);
  }
}

describe('layoutWall', () => {
  for (const [width, height] of [LANDSCAPE, PORTRAIT]) {
    describe(`${width}×${height}`, () => {
      for (const count of COUNTS) {
        it(`places ${count} cards without overlap, inside the wall, big enough to tap`, () => {
          const l = layoutWall(width, height, count);
          expect(l.slots).toHaveLength(count);
          expectNoOverlap(l);
          expectInside(l, width, height);
          expect(l.cardWidth).toBeGreaterThanOrEqual(160);
          expect(l.cardWidth / l.cardHeight).toBeCloseTo(0.75, 1);
        });
      }
    });
  }

  it('shows up to 40 cards on one 1920×1080 screen, each at least 160 px wide', () => {
    for (let count = 1; count <= 40; count++) {
      const l = layoutWall(1920, 1080, count);
      expect(l.scrollAxis, `${count} cards`).toBe('none');
      expect(l.maxScroll).toBe(0);
      expect(l.cardWidth, `${count} cards`).toBeGreaterThanOrEqual(160);
    }
  });

  it('scrolls sideways on landscape and downwards on portrait once cards would get too small', () => {
    const wide = layoutWall(...LANDSCAPE, 200);
    expect(wide.scrollAxis).toBe('x');
    expect(wide.contentHeight).toBe(1080);
    expect(wide.maxScroll).toBe(wide.contentWidth - 1920);
    expect(wide.cardWidth).toBeGreaterThanOrEqual(200);

    const tall = layoutWall(...PORTRAIT, 200);
    expect(tall.scrollAxis).toBe('y');
    expect(tall.contentWidth).toBe(1080);
    expect(tall.maxScroll).toBe(tall.contentHeight - 1920);
    expect(tall.cardWidth).toBeGreaterThanOrEqual(200);
  });

  it('uses the full width of a portrait screen: 36 cards in at least 4 columns', () => {
    const l = layoutWall(...PORTRAIT, 36);
    expect(l.columns).toBeGreaterThanOrEqual(4);
    const right = Math.max(...rects(l).map((r) => r.right));
    const left = Math.min(...rects(l).map((r) => r.left));
    expect(left).toBeCloseTo(1080 - right, 0); // centred
    expect(right - left).toBeGreaterThan(1080 * 0.85);
  });

  it('lets a scrolled wall reach its last card with the same margin as its first', () => {
    for (const [width, height] of [LANDSCAPE, PORTRAIT]) {
      const l = layoutWall(width, height, 120);
      const r = rects(l);
      if (l.scrollAxis === 'x') {
        const first = Math.min(...r.map((c) => c.left));
        const last = Math.max(...r.map((c) => c.right));
        expect(l.contentWidth - last).toBeCloseTo(first, 0);
        expect(last - l.maxScroll).toBeLessThanOrEqual(width);
      } else {
        const first = Math.min(...r.map((c) => c.top));
        const last = Math.max(...r.map((c) => c.bottom));
        expect(l.contentHeight - last).toBeCloseTo(first, 0);
        expect(last - l.maxScroll).toBeLessThanOrEqual(height);
      }
    }
  });

  it('keeps a handful of cards from swelling to fill the screen', () => {
    const l = layoutWall(...LANDSCAPE, 2);
    expect(l.cardWidth).toBeLessThanOrEqual(1080 * 0.36 + 1);
  });

  it('centres a partly filled last row', () => {
    const l = layoutWall(...LANDSCAPE, 7); // 4 + 3
    const lastRow = l.slots.slice(l.columns);
    const mid = (lastRow[0]!.x + lastRow[lastRow.length - 1]!.x + l.cardWidth) / 2;
    expect(mid).toBeCloseTo(1920 / 2, 0);
  });

  it('stays tappable on small and odd screens', () => {
    for (const [width, height] of [
      [1280, 800],
      [800, 600],
      [3840, 2160],
      [1920, 540],
      [600, 1600],
    ] as const) {
      for (const count of [1, 36, 200]) {
        const l = layoutWall(width, height, count);
        expectNoOverlap(l);
        expectInside(l, width, height);
        expect(l.cardWidth, `${width}×${height}, ${count} cards`).toBeGreaterThanOrEqual(160);
      }
    }
  });

  it('returns an empty wall for no cards', () => {
    const l = layoutWall(...LANDSCAPE, 0);
    expect(l.slots).toEqual([]);
    expect(l.scrollAxis).toBe('none');
    expect(l.maxScroll).toBe(0);
  });
});
