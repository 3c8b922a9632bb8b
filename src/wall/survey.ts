/**
 * One pass over the shown cards from the camera's point of view: which face the visitor, which are large
 * enough to deserve full detail, and which face pages the view needs first. Runs a few times a second at most.
 */
import { MathUtils, Matrix4, Vector3, Vector4 } from 'three';
import { CARD_W } from './layouts';
import type { WallMotion } from './wall-motion';
import type { WallView } from './wall-view';

/** A card drawn at least this wide (CSS px) is drawn in full, name and all. */
export const DETAIL_MIN_PX = 70;

export interface Survey {
  /** Cards on (or just beside) the screen and turned towards the visitor. */
  facing: Int32Array;
  facingSet: Set<number>;
  /** Face pages, most needed first. */
  pages: number[];
  /** Cards to draw in full, largest on screen first. */
  detail: number[];
}

const m = new Matrix4();
const clip = new Vector4();
const normal = new Vector3();
const world = new Vector3();
const toEye = new Vector3();

export function surveyView(
  view: WallView,
  motion: WallMotion,
  shown: Int32Array,
  width: number,
  height: number,
  pageOf: (card: number) => number,
): Survey {
  const camera = view.camera;
  m.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).multiply(
    view.root.matrixWorld,
  );
  const rootM = view.root.matrixWorld;
  const tan = Math.tan(MathUtils.degToRad(camera.fov / 2));
  const st = new Float32Array(6);
  const facing: number[] = [];
  const big: { card: number; px: number; off: number }[] = [];
  const pageHits = new Map<number, number>();

  for (let k = 0; k < shown.length; k++) {
    const c = shown[k]!;
    motion.current(c, st);
    const s = st[3]!;
    if (s < 0.05) continue;
    clip.set(st[0]!, st[1]!, st[2]!, 1).applyMatrix4(m);
    if (clip.w <= camera.near) continue;
    const nx = clip.x / clip.w;
    const ny = clip.y / clip.w;
    // Half a card beyond the edge still counts: it is about to come into view.
    const halfPx = (s * CARD_W * height) / (2 * clip.w * tan);
    const mx = (halfPx * 2) / width + 0.02;
    const my = (halfPx * 2.7) / height + 0.02;
    if (nx < -1 - mx || nx > 1 + mx || ny < -1 - my || ny > 1 + my) continue;
    const yaw = st[4]!;
    const pitch = st[5]!;
    normal
      .set(Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), Math.cos(yaw) * Math.cos(pitch))
      .transformDirection(rootM);
    world.set(st[0]!, st[1]!, st[2]!).applyMatrix4(rootM);
    toEye.subVectors(camera.position, world).normalize();
    const f = normal.dot(toEye);
    if (f < 0.12) continue;
    facing.push(c);
    const page = pageOf(c);
    if (page >= 0) pageHits.set(page, (pageHits.get(page) ?? 0) + 1);
    const px = halfPx * 2 * Math.min(1, f * 1.2);
    if (f > 0.35 && px >= DETAIL_MIN_PX && Math.abs(nx) < 1 && Math.abs(ny) < 1)
      big.push({ card: c, px, off: nx * nx + ny * ny });
  }
  big.sort((a, b) => b.px - a.px || a.off - b.off);
  const pages = [...pageHits.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  // Then the pages beside those on screen, in wall order, so a drag finds its faces already there.
  const seen = new Set(pages);
  if (pages.length) {
    const centre = pages[0]!;
    const rest: number[] = [];
    for (let k = 0; k < shown.length; k++) {
      const p = pageOf(shown[k]!);
      if (p >= 0 && !seen.has(p)) {
        seen.add(p);
        rest.push(p);
      }
    }
    rest.sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
    pages.push(...rest);
  }
  const facingArr = Int32Array.from(facing);
  return { facing: facingArr, facingSet: new Set(facing), pages, detail: big.map((b) => b.card) };
}
