// Unit tests for the wall's 3D layouts: no two cards on top of each other, everyone reachable, filters and scale.
import { describe, expect, it } from 'vitest';
import { WALL_LAYOUTS } from '../content/schema';
import { CARD_W, layoutShape, viewOfCard } from './layouts';
import { WallMotion } from './wall-motion';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Smallest distance between two shown card centres (brute force on a sample). */
function closest(pos: Float32Array, shown: Int32Array, sample = 400): number {
  let best = Infinity;
  const list = Array.from(shown).slice(0, sample);
  for (let a = 0; a < list.length; a++)
    for (let b = a + 1; b < list.length; b++) {
      const i = list[a]! * 4;
      const j = list[b]! * 4;
      best = Math.min(
        best,
        Math.hypot(pos[i]! - pos[j]!, pos[i + 1]! - pos[j + 1]!, pos[i + 2]! - pos[j + 2]!),
      );
    }
  return best;
}

describe('layoutShape', () => {
  for (const kind of WALL_LAYOUTS)
    for (const n of [1, 7, 40, 1000, 5000])
      it(`${kind} of ${n}: cards do not overlap and every value is finite`, () => {
        const shape = layoutShape(kind, all(n), n, 16 / 9);
        expect(shape.pos.every(Number.isFinite)).toBe(true);
        expect(shape.rot.every(Number.isFinite)).toBe(true);
        if (n > 1) expect(closest(shape.pos, all(n))).toBeGreaterThan(CARD_W * 0.9);
        for (let i = 0; i < n; i++) expect(shape.pos[i * 4 + 3]).toBe(1);
        expect(shape.delay.every((d) => d >= 0 && d <= 1)).toBe(true);
      });

  it('a grid of a few dozen fits one landscape screen; thousands run sideways in a band', () => {
    const small = layoutShape('grid', all(40), 40, 16 / 9);
    expect(small.nav.panX[1] - small.nav.panX[0]).toBeLessThan(small.frame.width);
    const big = layoutShape('grid', all(5000), 5000, 16 / 9);
    const rows = new Set(Array.from({ length: 5000 }, (_, i) => big.pos[i * 4 + 1]!.toFixed(3)));
    expect(rows.size).toBe(10);
    expect(big.nav.panX[1] - big.nav.panX[0]).toBeGreaterThan(100);
  });

  it('a portrait grid runs downwards', () => {
    const big = layoutShape('grid', all(5000), 5000, 9 / 16);
    const columns = new Set(Array.from({ length: 5000 }, (_, i) => big.pos[i * 4]!.toFixed(3)));
    expect(columns.size).toBe(8);
    expect(big.nav.panY[1] - big.nav.panY[0]).toBeGreaterThan(100);
  });

  it('hidden cards shrink where they stood and shown ones close ranks', () => {
    const before = layoutShape('grid', all(100), 100, 16 / 9);
    const odd = Int32Array.from({ length: 50 }, (_, k) => k * 2 + 1);
    const after = layoutShape('grid', odd, 100, 16 / 9, before.pos);
    expect(after.pos[0 * 4 + 3]).toBe(0);
    expect(after.pos[0]).toBe(before.pos[0]);
    expect(after.pos[1 * 4 + 3]).toBe(1);
    expect(closest(after.pos, odd)).toBeGreaterThan(CARD_W * 0.9);
  });

  it('the view of a card brings it to the middle of the screen', () => {
    for (const kind of WALL_LAYOUTS) {
      const shape = layoutShape(kind, all(300), 300, 16 / 9);
      const v = viewOfCard(shape, 123);
      expect(Number.isFinite(v.spin + v.tilt + v.panX + v.panY)).toBe(true);
      if (kind === 'grid')
        expect([v.panX, v.panY]).toEqual([shape.pos[123 * 4], shape.pos[123 * 4 + 1]]);
      if (kind === 'sphere') expect(v.tilt).toBeCloseTo(shape.rot[123 * 2 + 1]!, 6);
    }
  });

  it('lays out 25,000 cards in well under a second', () => {
    const t = performance.now();
    for (const kind of WALL_LAYOUTS) layoutShape(kind, all(25_000), 25_000, 16 / 9);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('WallMotion', () => {
  it('moves from one layout to another, each card turning the short way', () => {
    const grid = layoutShape('grid', all(50), 50, 16 / 9);
    const globe = layoutShape('sphere', all(50), 50, 16 / 9);
    const m = new WallMotion(50);
    m.jump(grid);
    const here = new Float32Array(6);
    m.current(10, here);
    expect(here[0]).toBe(grid.pos[40]);
    m.retarget(globe);
    expect(m.mix).toBe(0);
    m.current(10, here);
    expect(here[0]).toBeCloseTo(grid.pos[40]!, 5);
    for (let i = 0; i < 50; i++)
      expect(Math.abs(m.toRot[i * 2]! - m.fromRot[i * 2]!)).toBeLessThanOrEqual(Math.PI + 1e-6);
    m.mix = 1;
    m.current(10, here);
    expect(here[1]).toBeCloseTo(globe.pos[41]!, 5);
  });

  it('an entrance starts with every card unseen and ends with all in place', () => {
    const grid = layoutShape('grid', all(20), 20, 16 / 9);
    const m = new WallMotion(20);
    m.jump(grid, 2);
    const here = new Float32Array(6);
    m.current(5, here);
    expect(here[3]).toBe(0);
    m.mix = 1;
    m.current(5, here);
    expect(here[3]).toBe(1);
  });
});

describe('a few cards on a globe or a drum', () => {
  // A globe of a few and a drum of two or three lay their cards on a facing arc (a
  // drum of five is already a ring the visitor turns, as designed).
  for (const [kind, sizes] of [
    ['sphere', [2, 3, 5]],
    ['cylinder', [2, 3]],
  ] as const)
    for (const n of sizes)
      it(`${kind} of ${n}: every card faces the visitor at the start (none behind or edge-on)`, () => {
        const shape = layoutShape(kind, all(n), n, 16 / 9);
        for (let k = 0; k < n; k++) {
          const z = shape.pos[k * 4 + 2]!;
          const pitch = shape.rot[k * 2 + 1]!;
          expect(z, `card ${k} is in front`).toBeGreaterThan(0);
          expect(Math.abs(pitch), `card ${k} is upright`).toBeLessThan(0.3);
        }
      });
});
