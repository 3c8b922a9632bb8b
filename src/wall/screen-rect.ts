/** Projects a card's world-space corners to a client-space rectangle (getBoundingClientRect space), or null when off screen. */

import type { Camera, Vector3 } from 'three';

export interface ClientRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Bounding box of `corners` as seen by `camera` on `canvas`, whose drawing size is width × height CSS px.
 * The corners are projected in place. A card partly on screen still gets its whole rectangle, so a host can
 * animate from where the card truly is.
 */
export function projectToClient(
  corners: Vector3[],
  camera: Camera,
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): ClientRect | null {
  camera.updateMatrixWorld();
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const c of corners) {
    c.project(camera);
    const x = ((c.x + 1) / 2) * width;
    const y = ((1 - c.y) / 2) * height;
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  if (right <= 0 || bottom <= 0 || left >= width || top >= height) return null;
  const rect = canvas.getBoundingClientRect();
  // The canvas may be shown at another size than it lays out at (CSS transforms); scale into client space.
  const sx = rect.width / width;
  const sy = rect.height / height;
  return {
    x: rect.left + left * sx,
    y: rect.top + top * sy,
    width: (right - left) * sx,
    height: (bottom - top) * sy,
  };
}
