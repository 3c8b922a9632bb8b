/** GPU side of the cards: one InstancedMesh per atlas page, per-instance UV rectangle and fade, hit testing and corners. */

import {
  CanvasTexture,
  DynamicDrawUsage,
  Group,
  InstancedBufferAttribute,
  InstancedMesh,
  LinearFilter,
  LinearMipmapLinearFilter,
  Matrix4,
  NoColorSpace,
  PlaneGeometry,
  Vector3,
  type Raycaster,
  type Texture,
} from 'three';
import { releasePage, type CardAtlas } from './card-atlas';
import { createCardMaterial, FADE_ATTRIBUTE, UV_RECT_ATTRIBUTE } from './card-material';

export interface CardMeshes {
  /** Add to the scene; holds every page's mesh. */
  group: Group;
  /** Sets card `index`'s world matrix and opacity; call commit() after a batch. */
  place(index: number, matrix: Matrix4, fade: number): void;
  /** Uploads the batch of place() calls. */
  commit(): void;
  /** Index of the nearest visible card the ray hits, or -1. */
  hit(raycaster: Raycaster): number;
  /** Card's four world-space corners, or null if the index is unknown. */
  corners(index: number): Vector3[] | null;
  /** Opacity last given to place() for this card. */
  fadeOf(index: number): number;
  dispose(): void;
}

interface Page {
  mesh: InstancedMesh;
  fade: InstancedBufferAttribute;
  /** Card index of each instance. */
  cards: number[];
}

/** Builds meshes for an atlas; each page's canvas is released once uploaded, so the pixels live only on the GPU. */
export function createCardMeshes(atlas: CardAtlas, maxAnisotropy: number): CardMeshes {
  const group = new Group();
  const pages: Page[] = [];
  const where: { page: Page; instance: number }[] = [];
  const fades: number[] = [];

  atlas.pages.forEach((canvas, p) => {
    const texture = new CanvasTexture(canvas);
    // The 2D canvas already holds display colours; premultiplying avoids dark fringes at the rounded corners.
    texture.colorSpace = NoColorSpace;
    texture.premultiplyAlpha = true;
    texture.generateMipmaps = true;
    texture.minFilter = LinearMipmapLinearFilter;
    texture.magFilter = LinearFilter;
    texture.anisotropy = Math.min(4, maxAnisotropy);
    texture.onUpdate = () => releasePage(canvas);

    const cards: number[] = [];
    const rects: number[] = [];
    atlas.cells.forEach((cell, cardIndex) => {
      if (cell.page !== p) return;
      cards.push(cardIndex);
      rects.push(cell.u, cell.v, cell.uSize, cell.vSize);
    });
    // Each page owns its quad so its per-instance attributes cannot clash with another page's.
    // The quad is larger than the unit card by the shadow margin, so instance matrices still scale to card size.
    const geometry = new PlaneGeometry(atlas.quadScale.x, atlas.quadScale.y);
    geometry.setAttribute(
      UV_RECT_ATTRIBUTE,
      new InstancedBufferAttribute(new Float32Array(rects), 4),
    );
    const fade = new InstancedBufferAttribute(new Float32Array(cards.length), 1);
    fade.setUsage(DynamicDrawUsage);
    geometry.setAttribute(FADE_ATTRIBUTE, fade);

    const mesh = new InstancedMesh(geometry, createCardMaterial(texture), cards.length);
    mesh.instanceMatrix.setUsage(DynamicDrawUsage);
    // Matrices change while scrolling; culling would need a fresh bounding sphere every frame for nothing.
    mesh.frustumCulled = false;
    const page = { mesh, fade, cards };
    cards.forEach((cardIndex, instance) => {
      where[cardIndex] = { page, instance };
      fades[cardIndex] = 0;
    });
    pages.push(page);
    group.add(mesh);
  });

  const corner = [
    new Vector3(-0.5, -0.5, 0),
    new Vector3(0.5, -0.5, 0),
    new Vector3(0.5, 0.5, 0),
    new Vector3(-0.5, 0.5, 0),
  ];
  const m = new Matrix4();

  return {
    group,
    place(index, matrix, fade) {
      const w = where[index];
      if (!w) return;
      w.page.mesh.setMatrixAt(w.instance, matrix);
      w.page.fade.setX(w.instance, fade);
      fades[index] = fade;
    },
    commit() {
      for (const { mesh, fade } of pages) {
        mesh.instanceMatrix.needsUpdate = true;
        fade.needsUpdate = true;
        // Raycasting tests this sphere first; drop it so the next hit test recomputes it from the new matrices.
        mesh.boundingSphere = null;
      }
    },
    hit(raycaster) {
      const hits = raycaster.intersectObjects(
        pages.map((p) => p.mesh),
        false,
      );
      for (const h of hits) {
        const page = pages.find((p) => p.mesh === h.object);
        const index = h.instanceId === undefined ? undefined : page?.cards[h.instanceId];
        if (!h.uv || !onCard(h.uv.x, atlas.quadScale.x) || !onCard(h.uv.y, atlas.quadScale.y))
          continue; // in the shadow
        // A card still fading in is not yet there for a visitor, so it cannot be tapped either.
        if (index !== undefined && (fades[index] ?? 0) > 0.5) return index;
      }
      return -1;
    },
    corners(index) {
      const w = where[index];
      if (!w) return null;
      w.page.mesh.getMatrixAt(w.instance, m);
      m.premultiply(w.page.mesh.matrixWorld);
      return corner.map((c) => c.clone().applyMatrix4(m));
    },
    fadeOf: (index) => fades[index] ?? 0,
    dispose() {
      for (const { mesh } of pages) {
        const material = mesh.material as ReturnType<typeof createCardMaterial>;
        // Disposing a material leaves its textures alone; the atlas page must go explicitly.
        (material.uniforms.map?.value as Texture | undefined)?.dispose();
        material.dispose();
        mesh.geometry.dispose();
        mesh.dispose();
        mesh.removeFromParent();
      }
      pages.length = 0;
    },
  };
}

/** Whether a quad coordinate 0…1 falls on the card rather than in the shadow margin around it. */
function onCard(t: number, quadScale: number): boolean {
  const margin = (1 - 1 / quadScale) / 2;
  return t >= margin && t <= 1 - margin;
}
