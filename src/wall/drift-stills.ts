/**
 * On a software renderer a drifting wall is drawn as a still every few seconds, and between stills
 * its picture glides as one piece (a CSS transform the compositor plays alone), so neither WebGL nor
 * the page is busy when a visitor touches the screen. Here: the shift and scale that best carry the
 * cards of one view onto where they stand in another, and whether this renderer is a software one.
 */
import { Matrix4, Vector4, type Camera, type Object3D } from 'three';

/** A 2D move of a picture: each point p goes to s·p + (x, y) (CSS px, from the picture's top left). */
export interface Glide {
  x: number;
  y: number;
  s: number;
}

export const STILL: Glide = { x: 0, y: 0, s: 1 };

/**
 * The glide that best carries the points `from` onto `to` (x, y pairs; least squares).
 * Pairs with a NaN are left out; with fewer than two points left, the picture does not move.
 */
export function fitGlide(from: ArrayLike<number>, to: ArrayLike<number>): Glide {
  let n = 0;
  let px = 0;
  let py = 0;
  let qx = 0;
  let qy = 0;
  const ok = (i: number) => Number.isFinite(from[i]! + from[i + 1]! + to[i]! + to[i + 1]!);
  for (let i = 0; i + 1 < from.length; i += 2) {
    if (!ok(i)) continue;
    n++;
    px += from[i]!;
    py += from[i + 1]!;
    qx += to[i]!;
    qy += to[i + 1]!;
  }
  if (n < 2) return { ...STILL };
  px /= n;
  py /= n;
  qx /= n;
  qy /= n;
  let cross = 0;
  let spread = 0;
  for (let i = 0; i + 1 < from.length; i += 2) {
    if (!ok(i)) continue;
    const ax = from[i]! - px;
    const ay = from[i + 1]! - py;
    cross += ax * (to[i]! - qx) + ay * (to[i + 1]! - qy);
    spread += ax * ax + ay * ay;
  }
  const s = spread > 1e-9 ? cross / spread : 1;
  return { x: qx - s * px, y: qy - s * py, s };
}

/** The CSS transform of a glide (with `transform-origin: 0 0`). */
export function glideCss(g: Glide): string {
  return `translate(${g.x.toFixed(2)}px, ${g.y.toFixed(2)}px) scale(${g.s.toFixed(5)})`;
}

const m = new Matrix4();
const v = new Vector4();

/**
 * Projects points given in `root`'s own space (x, y, z triples) to px on a picture `width` ×
 * `height` seen by `camera` as it stands now, into `out` (x, y pairs); NaN for a point behind it.
 */
export function projectPoints(
  points: ArrayLike<number>,
  camera: Camera,
  root: Object3D,
  width: number,
  height: number,
  out: Float32Array,
): void {
  m.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).multiply(root.matrixWorld);
  for (let i = 0, j = 0; i + 2 < points.length; i += 3, j += 2) {
    v.set(points[i]!, points[i + 1]!, points[i + 2]!, 1).applyMatrix4(m);
    if (v.w <= 1e-6) {
      out[j] = out[j + 1] = NaN;
      continue;
    }
    out[j] = ((v.x / v.w + 1) / 2) * width;
    out[j + 1] = ((1 - v.y / v.w) / 2) * height;
  }
}

/** Whether WebGL is drawn by the CPU here (SwiftShader, llvmpipe and the like). */
export function softwareRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}
