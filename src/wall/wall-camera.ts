/** The wall's perspective camera, placed so one world unit at the wall plane (z = 0) is one CSS pixel. */

import { MathUtils, PerspectiveCamera } from 'three';

/** A narrow field of view keeps the perspective a hint: the wall should read as a wall, not a tunnel. */
const FOV = 30;

export function createWallCamera(): PerspectiveCamera {
  return new PerspectiveCamera(FOV, 1, 10, 10000);
}

/** Re-aims the camera for a viewport of width × height CSS px. */
export function fitWallCamera(camera: PerspectiveCamera, width: number, height: number): void {
  const distance = height / 2 / Math.tan(MathUtils.degToRad(FOV / 2));
  camera.aspect = width / Math.max(1, height);
  camera.position.set(0, 0, distance);
  camera.near = distance * 0.1;
  camera.far = distance * 3;
  camera.lookAt(0, 0, 0);
  camera.updateProjectionMatrix();
}
