/** Full-screen backdrop for the hall: a warm radial glow fading to the deep background colour, drawn without a texture. */

import { Color, Mesh, PlaneGeometry, ShaderMaterial } from 'three';

// The glow is computed per vertex of a fine grid and interpolated: a full-screen per-pixel shader costs about a
// fifth of the frame on a software rasteriser, and the gradient is smooth enough for vertex interpolation.
const vertexShader = /* glsl */ `
uniform vec3 edge;
uniform vec3 centre;
uniform float aspect;
varying vec3 vColour;

void main() {
  // Distance from a centre slightly above the middle, 0 there and about 1 in the corners, on any aspect.
  vec2 p = (uv - vec2(0.5, 0.55)) * vec2(aspect, 1.0);
  float d = length(p) / (0.5 * sqrt(aspect * aspect + 1.0));
  float glow = 1.0 - smoothstep(0.0, 1.05, d);
  vColour = mix(edge, centre, glow);
  // A faint band of light along the top, as from a lit cornice above the wall.
  vColour += vec3(0.054, 0.03, 0.009) * smoothstep(0.78, 1.0, uv.y);
  // Already in clip space: the backdrop ignores the camera and always fills the screen.
  gl_Position = vec4(position.xy, 0.999, 1.0);
}
`;

const fragmentShader = /* glsl */ `
varying vec3 vColour;
void main() {
  gl_FragColor = vec4(vColour, 1.0);
}
`;

export interface Backdrop {
  mesh: Mesh;
  setAspect(aspect: number): void;
  dispose(): void;
}

/** Creates the backdrop from the wall's background colour: edges darker than it, centre warmer and lighter. */
export function createBackdrop(background: string): Backdrop {
  // Work in the colour's sRGB values: the shader writes them straight out, like CSS would.
  const base = new Color().setStyle(background, 'srgb-linear');
  const edge = base.clone().multiplyScalar(0.62);
  const centre = base.clone().lerp(new Color(0.52, 0.16, 0.1), 0.45);
  const geometry = new PlaneGeometry(2, 2, 32, 32);
  const aspect = { value: 1 };
  const material = new ShaderMaterial({
    uniforms: { edge: { value: edge }, centre: { value: centre }, aspect },
    vertexShader,
    fragmentShader,
    depthTest: false,
    depthWrite: false,
  });
  const mesh = new Mesh(geometry, material);
  mesh.frustumCulled = false;
  mesh.renderOrder = -1;
  return {
    mesh,
    setAspect(ratio) {
      aspect.value = ratio;
    },
    dispose() {
      geometry.dispose();
      material.dispose();
    },
  };
}
