/** The glide of a drifting wall's still: the shift and scale that carry one view's cards onto another's. */
import { PerspectiveCamera, Group } from 'three';
import { describe, expect, it } from 'vitest';
import { fitGlide, glideCss, projectPoints } from './drift-stills';

describe('fitGlide', () => {
  it('finds a shift and a scale exactly when the points moved by one', () => {
    const from = [0, 0, 100, 0, 0, 50, 30, 70];
    const to = from.map((v, i) => v * 1.2 + (i % 2 ? -7 : 15));
    const g = fitGlide(from, to);
    expect(g.s).toBeCloseTo(1.2, 6);
    expect(g.x).toBeCloseTo(15, 6);
    expect(g.y).toBeCloseTo(-7, 6);
  });

  it('leaves out points behind the camera, and stands still with fewer than two', () => {
    const g = fitGlide([0, 0, NaN, 5, 10, 10], [3, 4, 1, 1, 13, 14]);
    expect(g).toEqual({ x: 3, y: 4, s: 1 });
    expect(fitGlide([0, 0], [9, 9])).toEqual({ x: 0, y: 0, s: 1 });
  });

  it('writes a transform CSS reads from the top left', () => {
    expect(glideCss({ x: 1.5, y: -2, s: 1.1 })).toBe('translate(1.50px, -2.00px) scale(1.10000)');
  });
});

describe('projectPoints', () => {
  it('carries a flat wall panned and zoomed by the camera as one shift and scale', () => {
    const camera = new PerspectiveCamera(30, 16 / 9, 0.1, 100);
    const root = new Group();
    const points = [-2, -1, 0, 2, -1, 0, -2, 1, 0, 2, 1, 0, 0, 0, 0];
    const look = (x: number, z: number) => {
      root.position.set(-x, 0, 0);
      root.updateMatrixWorld(true);
      camera.position.set(0, 0, z);
      camera.updateProjectionMatrix();
      camera.updateMatrixWorld();
      const out = new Float32Array(10);
      projectPoints(points, camera, root, 1600, 900, out);
      return out;
    };
    const a = look(0, 10);
    const b = look(0.5, 8);
    const g = fitGlide(a, b);
    // The centre card is at the middle of the picture, and the rest keep their places around it.
    expect(a[8]).toBeCloseTo(800, 3);
    expect(a[9]).toBeCloseTo(450, 3);
    expect(g.s).toBeCloseTo(10 / 8, 4);
    for (let i = 0; i < a.length; i++)
      expect(a[i]! * g.s + (i % 2 ? g.y : g.x)).toBeCloseTo(b[i]!, 2);
    // Behind the camera: no place on the picture.
    const behind = new Float32Array(2);
    projectPoints([0, 0, 20], camera, root, 1600, 900, behind);
    expect(behind[0]).toBeNaN();
  });
});
