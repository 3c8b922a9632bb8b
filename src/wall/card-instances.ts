/**
 * GPU side of the cards: one InstancedMesh per face page (plus one for people without a face), fed from
 * WallMotion's arrays; per-card face and detail rectangles; textures swapped in as pages load.
 */
import {
  BufferAttribute,
  DynamicDrawUsage,
  Group,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  PlaneGeometry,
  type ShaderMaterial,
  type Texture,
} from 'three';
import type { FacesIndex } from '../feed/faces';
import { ATTR, createCardMaterial } from './card-shader';
import { CARD_H } from './layouts';
import type { WallMotion } from './wall-motion';

export interface CardInstances {
  group: Group;
  /** Copies the motion's from/to/delay arrays to the GPU (after retarget or jump). */
  upload(motion: WallMotion): void;
  /** Transition progress for every card. */
  setMix(mix: number): void;
  setPressed(card: number): void;
  /** Gives face page `page` its texture (or takes it away, e.g. when evicted). */
  setPage(page: number, texture: Texture | null): void;
  /** Shows card `card` from the detail atlas rectangle (u, v, width, height; y down), or its plain face when null. */
  setDetail(card: number, rect: readonly [number, number, number, number] | null): void;
  /** The face page of each card (-1 when it has none). */
  pageOf(card: number): number;
  drawCalls(): number;
  dispose(): void;
}

interface Batch {
  mesh: InstancedMesh;
  material: ShaderMaterial;
  cards: Int32Array;
  attrs: Record<keyof typeof ATTR, InstancedBufferAttribute>;
}

/**
 * Builds the meshes for `ids` (wall order). `faces` says which page holds each person's face; the
 * detail texture is shared by all batches.
 */
export function createCardInstances(
  ids: readonly string[],
  faces: FacesIndex | null,
  detail: Texture,
): CardInstances {
  const group = new Group();
  const pageCount = faces?.pages.length ?? 0;
  const pageOf = new Int32Array(ids.length).fill(-1);
  const members: number[][] = Array.from({ length: pageCount + 1 }, () => []);
  ids.forEach((id, i) => {
    const cell = faces && Object.hasOwn(faces.faces, id) ? faces.faces[id] : undefined;
    const page = cell ? cell[0] : -1;
    pageOf[i] = page;
    members[page < 0 ? pageCount : page]!.push(i);
  });

  const where = new Int32Array(ids.length * 2); // batch, instance
  const batches: (Batch | null)[] = members.map((cards, b) => {
    if (cards.length === 0) return null;
    const geometry = new PlaneGeometry(1, 1);
    const n = cards.length;
    const attr = (size: number) => {
      const a = new InstancedBufferAttribute(new Float32Array(n * size), size);
      a.setUsage(DynamicDrawUsage);
      return a;
    };
    const attrs = {
      fromPos: attr(4),
      fromRot: attr(2),
      toPos: attr(4),
      toRot: attr(2),
      delay: attr(1),
      id: attr(1),
      face: attr(4),
      detail: attr(4),
    };
    const page = b < pageCount ? faces!.pages[b]! : null;
    cards.forEach((card, k) => {
      where[card * 2] = b;
      where[card * 2 + 1] = k;
      attrs.id.setX(k, card);
      const cell = page ? faces!.faces[ids[card]!] : undefined;
      if (page && cell) {
        // Top-left origin UVs (pages upload without a flip).
        attrs.face.setXYZW(
          k,
          cell[1] / page.width,
          cell[2] / page.height,
          faces!.cell / page.width,
          faces!.cell / page.height,
        );
      }
    });
    for (const [key, a] of Object.entries(attrs))
      geometry.setAttribute(ATTR[key as keyof typeof ATTR], a);
    const material = createCardMaterial(detail, CARD_H);
    const mesh = new InstancedMesh(geometry, material, n);
    // Placement happens in the shader, so three's instance matrices stay identity and culling cannot know the bounds.
    mesh.frustumCulled = false;
    const identity = new Matrix4();
    for (let k = 0; k < n; k++) mesh.setMatrixAt(k, identity);
    group.add(mesh);
    return { mesh, material, cards: Int32Array.from(cards), attrs };
  });
  const live = batches.filter((b): b is Batch => b !== null);

  const touch = (a: BufferAttribute) => {
    a.needsUpdate = true;
  };

  return {
    group,
    upload(motion) {
      for (const b of live) {
        const { attrs, cards } = b;
        const fp = attrs.fromPos.array as Float32Array;
        const fr = attrs.fromRot.array as Float32Array;
        const tp = attrs.toPos.array as Float32Array;
        const tr = attrs.toRot.array as Float32Array;
        const dl = attrs.delay.array as Float32Array;
        for (let k = 0; k < cards.length; k++) {
          const c = cards[k]!;
          fp.set(motion.fromPos.subarray(c * 4, c * 4 + 4), k * 4);
          tp.set(motion.toPos.subarray(c * 4, c * 4 + 4), k * 4);
          fr.set(motion.fromRot.subarray(c * 2, c * 2 + 2), k * 2);
          tr.set(motion.toRot.subarray(c * 2, c * 2 + 2), k * 2);
          dl[k] = motion.delay[c]!;
        }
        [attrs.fromPos, attrs.fromRot, attrs.toPos, attrs.toRot, attrs.delay].forEach(touch);
      }
      this.setMix(motion.mix);
    },
    setMix(mix) {
      for (const b of live) b.material.uniforms.uMix!.value = mix;
    },
    setPressed(card) {
      for (const b of live) b.material.uniforms.uPressed!.value = card;
    },
    setPage(page, texture) {
      const b = batches[page];
      if (!b) return;
      b.material.uniforms.uFaces!.value = texture;
      b.material.uniforms.uHasFaces!.value = texture ? 1 : 0;
    },
    setDetail(card, rect) {
      const b = live.length ? batches[where[card * 2]!] : null;
      if (!b) return;
      const k = where[card * 2 + 1]!;
      if (rect) b.attrs.detail.setXYZW(k, rect[0], rect[1], rect[2], rect[3]);
      else b.attrs.detail.setXYZW(k, 0, 0, 0, 0);
      b.attrs.detail.needsUpdate = true;
    },
    pageOf: (card) => pageOf[card] ?? -1,
    drawCalls: () => live.length,
    dispose() {
      for (const b of live) {
        b.mesh.geometry.dispose();
        b.material.dispose();
        b.mesh.dispose();
        b.mesh.removeFromParent();
      }
      live.length = 0;
    },
  };
}
