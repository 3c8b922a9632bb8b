import { describe, expect, it } from 'vitest';
import type { WallLayoutName } from '../content/schema';
import { layoutShape, type WallShape } from './layouts';
import { DRIFT_EASE_IN_S, DRIFT_SPEED, driftNav, sweep, type DriftFrame } from './wall-drift';
import { WallView, copyNav, type NavState } from './wall-view';

/** The drift of a real layout of `n` cards on a `width`×`height` screen, as the wall would frame it. */
function frameOf(kind: WallLayoutName, n: number, width = 1920, height = 1080) {
  const shape = layoutShape(
    kind,
    Int32Array.from({ length: n }, (_, i) => i),
    n,
    width / height,
  );
  const view = new WallView(() => {});
  view.setSize(width, height);
  const frame: DriftFrame = {
    shape,
    aspect: width / height,
    overviewZ: view.overviewZ(shape),
    nearZ: view.nearZ(shape),
    tanHalfFov: Math.tan((view.camera.fov / 2) * (Math.PI / 180)),
  };
  const start: NavState = { ...shape.start, cameraZ: frame.overviewZ };
  return { shape, frame, start };
}

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo - 1e-6 && v <= hi + 1e-6;

/** How far the wall's surface moves between two views (pan, plus turn and tilt at the front). */
function surfaceStep(a: NavState, b: NavState, shape: WallShape): number {
  const r = Math.max(1, shape.front);
  return Math.hypot(b.panX - a.panX, b.panY - a.panY, (b.spin - a.spin) * r, (b.tilt - a.tilt) * r);
}

const CASES: [WallLayoutName, number][] = [
  ['grid', 26],
  ['grid', 5000],
  ['cylinder', 14],
  ['cylinder', 5000],
  ['helix', 40],
  ['helix', 3000],
  ['sphere', 5],
  ['sphere', 2000],
];

describe('driftNav', () => {
  it.each(CASES)('%s of %i: starts where the view stood, stays inside the limits', (kind, n) => {
    const { shape, frame, start } = frameOf(kind, n);
    expect(driftNav(frame, 0, start)).toEqual(copyNav(start));
    for (let t = 0; t < 600; t += 0.5) {
      const nav = driftNav(frame, t, start);
      expect(within(nav.panX, shape.nav.panX), `panX at ${t}s`).toBe(true);
      expect(within(nav.panY, shape.nav.panY), `panY at ${t}s`).toBe(true);
      expect(within(nav.tilt, shape.nav.tilt), `tilt at ${t}s`).toBe(true);
      expect(within(nav.spin, shape.nav.spin), `spin at ${t}s`).toBe(true);
      expect(within(nav.cameraZ, [frame.nearZ, frame.overviewZ]), `zoom at ${t}s`).toBe(true);
    }
  });

  it.each(CASES)('%s of %i: moves slowly, and keeps moving', (kind, n) => {
    const { shape, frame, start } = frameOf(kind, n);
    const dt = 1 / 30;
    let prev = driftNav(frame, DRIFT_EASE_IN_S, start);
    let travelled = 0;
    for (let t = DRIFT_EASE_IN_S + dt; t < 300; t += dt) {
      const nav = driftNav(frame, t, start);
      const step = surfaceStep(prev, nav, shape);
      // Pan and turn together, each bounded by DRIFT_SPEED (a globe's nod by half of it).
      expect(step / dt).toBeLessThanOrEqual(DRIFT_SPEED * 1.5 + 1e-6);
      travelled += step;
      prev = nav;
    }
    // Over five minutes the picture changes: never a still photograph on the screen.
    expect(travelled).toBeGreaterThan(5);
  });

  it('eases in from wherever the view was, without a jump', () => {
    const { frame, start } = frameOf('grid', 5000);
    const away = { ...start, panX: start.panX + 3, cameraZ: frame.nearZ };
    const a = driftNav(frame, 0, away);
    const b = driftNav(frame, 1 / 30, away);
    expect(a).toEqual(away);
    expect(Math.abs(b.panX - a.panX)).toBeLessThan(0.01);
  });

  it('pans a long flat wall from its start to its far end and back', () => {
    const { shape, frame, start } = frameOf('grid', 5000);
    const xs = Array.from({ length: 4000 }, (_, i) => driftNav(frame, i, start).panX);
    expect(Math.max(...xs)).toBeGreaterThan(shape.nav.panX[1] * 0.8);
    expect(Math.min(...xs)).toBeLessThan(shape.nav.panX[0] * 0.8);
  });

  it('is the same view for the same moment (every loop looks alike)', () => {
    const { frame, start } = frameOf('cylinder', 300);
    expect(driftNav(frame, 123.4, start)).toEqual(driftNav(frame, 123.4, start));
  });
});

describe('sweep', () => {
  it('goes from a to b and back, starting at a', () => {
    expect(sweep(2, 10, 1, 0)).toBe(2);
    const values = Array.from({ length: 200 }, (_, i) => sweep(2, 10, 1, i * 0.25));
    expect(Math.max(...values)).toBeCloseTo(10, 1);
    expect(Math.min(...values)).toBe(2);
  });
  it('stays put on an empty range', () => {
    expect(sweep(3, 3, 1, 50)).toBe(3);
  });
});
