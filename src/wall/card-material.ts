/** Unlit card material: samples the atlas at each instance's own UV rectangle, with per-instance fade and a faint turn shade. */

import { DoubleSide, ShaderMaterial, type Texture } from 'three';

/** Attribute names shared with card-meshes.ts. */
export const UV_RECT_ATTRIBUTE = 'instanceUvRect';
export const FADE_ATTRIBUTE = 'instanceFade';

const vertexShader = /* glsl */ `
attribute vec4 ${UV_RECT_ATTRIBUTE};
attribute float ${FADE_ATTRIBUTE};
varying vec2 vUv;
varying float vFade;
varying float vShade;

void main() {
  vUv = ${UV_RECT_ATTRIBUTE}.xy + uv * ${UV_RECT_ATTRIBUTE}.zw;
  vFade = ${FADE_ATTRIBUTE};
  mat4 world = modelMatrix * instanceMatrix;
  // Cards turned towards the centre by the wall's curve catch a little less light, which sells the depth.
  vec3 facing = normalize(mat3(world) * vec3(0.0, 0.0, 1.0));
  vShade = clamp(1.0 - (1.0 - facing.z) * 5.0, 0.8, 1.0);
  gl_Position = projectionMatrix * viewMatrix * world * vec4(position, 1.0);
}
`;

const fragmentShader = /* glsl */ `
uniform sampler2D map;
varying vec2 vUv;
varying float vFade;
varying float vShade;

void main() {
  // The atlas is uploaded premultiplied, so fading scales all four channels alike.
  vec4 texel = texture2D(map, vUv);
  gl_FragColor = vec4(texel.rgb * vShade, texel.a) * vFade;
}
`;

/**
 * Creates the material for one atlas page.
 * Colours pass through untouched (no colour-space conversion) so the cards show exactly what the 2D canvas drew,
 * matching the CSS-coloured UI around the wall.
 */
export function createCardMaterial(map: Texture): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { map: { value: map } },
    vertexShader,
    fragmentShader,
    transparent: true,
    premultipliedAlpha: true,
    depthWrite: false,
    side: DoubleSide,
  });
}
