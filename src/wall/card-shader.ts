/**
 * The card material: places each instance between two layouts on the GPU and draws the plaque itself
 * (paper, gilded frame, soft shadow, face from the pack's atlas or a seal-like placeholder), or, for cards
 * near the camera, the fully drawn card from the detail atlas. One draw call per face page.
 */
import { FrontSide, ShaderMaterial, Vector2, type Texture } from 'three';
// The quad is larger than the card by the same shadow margin the detail drawing leaves around it.
import { SHADOW_MARGIN } from './card-face';

export const ATTR = {
  fromPos: 'aFromPos',
  fromRot: 'aFromRot',
  toPos: 'aToPos',
  toRot: 'aToRot',
  delay: 'aDelay',
  id: 'aId',
  face: 'aFace',
  detail: 'aDetail',
} as const;

const vertexShader = /* glsl */ `
attribute vec4 aFromPos;
attribute vec2 aFromRot;
attribute vec4 aToPos;
attribute vec2 aToRot;
attribute float aDelay;
attribute float aId;
attribute vec4 aFace;
attribute vec4 aDetail;
uniform float uMix;
uniform float uStagger;
uniform float uPressed;
uniform vec2 uQuad;
varying vec2 vUv;
varying vec4 vFace;
varying vec4 vDetail;
varying float vShade;

void main() {
  // Same curve as cardProgress() in layouts.ts, which hit tests and locate() rely on.
  float t = clamp(uMix * (1.0 + uStagger) - aDelay * uStagger, 0.0, 1.0);
  t = t * t * (3.0 - 2.0 * t);
  vec4 p = mix(aFromPos, aToPos, t);
  vec2 r = mix(aFromRot, aToRot, t);
  float s = p.w * (abs(aId - uPressed) < 0.5 ? 0.965 : 1.0);
  float cy = cos(r.x);
  float sy = sin(r.x);
  float cp = cos(r.y);
  float sp = sin(r.y);
  vec3 right = vec3(cy, 0.0, -sy);
  vec3 normal = vec3(sy * cp, sp, cy * cp);
  vec3 up = cross(normal, right);
  vec3 local = p.xyz + s * (right * position.x * uQuad.x + up * position.y * uQuad.y);
  vec4 world = modelMatrix * vec4(local, 1.0);
  vec3 n = normalize(mat3(modelMatrix) * normal);
  vec3 toEye = normalize(cameraPosition - world.xyz);
  // Cards turned away round a drum or globe sink into the dark, which is what makes it read as round.
  vShade = mix(0.35, 1.0, smoothstep(0.05, 0.75, dot(n, toEye)));
  vUv = uv;
  vFace = aFace;
  vDetail = aDetail;
  gl_Position = projectionMatrix * viewMatrix * world;
}
`;

const fragmentShader = /* glsl */ `
uniform sampler2D uFaces;
uniform float uHasFaces;
uniform sampler2D uDetail;
uniform vec2 uQuad;
uniform float uCardH;
varying vec2 vUv;
varying vec4 vFace;
varying vec4 vDetail;
varying float vShade;

float box(vec2 p, vec2 hsz, float r) {
  vec2 q = abs(p) - hsz + r;
  return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}

void main() {
  if (vDetail.z > 0.0) {
    // The detail atlas holds the whole quad (card and shadow), premultiplied, with y down.
    vec4 d = texture2D(uDetail, vDetail.xy + vec2(vUv.x, 1.0 - vUv.y) * vDetail.zw);
    gl_FragColor = vec4(d.rgb * vShade, d.a);
    return;
  }
  // Card space: x across -0.5…0.5, y up from -h/2 to h/2.
  vec2 p = (vUv - 0.5) * uQuad;
  vec2 hsz = vec2(0.5, uCardH * 0.5);
  float d = box(p, hsz, 0.035);
  float aa = fwidth(d) * 0.75 + 1e-4;
  float inside = 1.0 - smoothstep(-aa, aa, d);
  float shadow = (1.0 - smoothstep(0.0, 0.07, box(p + vec2(0.0, 0.022), hsz, 0.035))) * 0.55;

  vec3 paper = mix(vec3(0.937, 0.882, 0.765), vec3(0.984, 0.961, 0.902), (p.y + hsz.y) / uCardH);
  vec3 colour = paper;
  // Gilded frame: a diagonal sweep of light and dark gold reads as metal without lighting.
  float sweep = fract((p.x - p.y) * 0.9 + 0.35);
  vec3 gold = mix(vec3(0.561, 0.392, 0.125), vec3(0.949, 0.843, 0.549), abs(sweep * 2.0 - 1.0));
  colour = mix(colour, gold, 1.0 - smoothstep(-aa, aa, d + 0.018));
  float hair = abs(box(p, hsz - 0.042, 0.02));
  colour = mix(colour, vec3(0.63, 0.44, 0.16), (1.0 - smoothstep(0.0, aa * 1.5 + 0.003, hair)) * 0.55);

  // Portrait box, as drawn by card-face.ts: inset 0.08, 0.84 wide, 0.8 tall, from the top.
  vec2 top = vec2(-0.42, hsz.y - 0.08);
  vec2 q = vec2((p.x - top.x) / 0.84, (top.y - p.y) / 0.8);
  if (q.x >= 0.0 && q.x <= 1.0 && q.y >= 0.0 && q.y <= 1.0) {
    vec3 portrait;
    if (vFace.z > 0.0 && uHasFaces > 0.5) {
      // The square face covers the slightly wider-than-tall box: crop a sliver top and bottom.
      vec2 f = vec2(q.x, 0.024 + q.y * 0.952);
      portrait = texture2D(uFaces, vFace.xy + f * vFace.zw).rgb;
    } else {
      // No photograph (or not loaded yet): deep red field lit from above, a gold ring like a seal.
      portrait = mix(vec3(0.541, 0.165, 0.118), vec3(0.306, 0.063, 0.047), q.y);
      portrait += vec3(0.25, 0.16, 0.08) * (1.0 - smoothstep(0.0, 0.75, length((q - vec2(0.5, 0.3)) * vec2(1.0, 0.95))));
      float ring = abs(length((q - 0.5) * vec2(0.84, 0.8)) - 0.21);
      portrait = mix(portrait, vec3(0.95, 0.84, 0.55), (1.0 - smoothstep(0.0, 0.006 + aa, ring)) * 0.5);
    }
    float edge = min(min(q.x, 1.0 - q.x) * 0.84, min(q.y, 1.0 - q.y) * 0.8);
    colour = mix(vec3(0.788, 0.604, 0.271), portrait, smoothstep(0.0, aa + 0.004, edge - 0.004));
  } else if (p.y < top.y - 0.8) {
    // Where the name and honour will be: faint ink strokes until the card is drawn in detail.
    float nameLine = (1.0 - smoothstep(0.035, 0.045 + aa, abs(p.y - (top.y - 0.95)))) * step(abs(p.x), 0.2);
    float honourLine = (1.0 - smoothstep(0.018, 0.026 + aa, abs(p.y - (top.y - 1.12)))) * step(abs(p.x), 0.3);
    colour = mix(colour, vec3(0.42, 0.25, 0.15), max(nameLine * 0.35, honourLine * 0.2));
  }
  vec4 card = vec4(colour * vShade, 1.0) * inside;
  gl_FragColor = card + vec4(0.03, 0.0, 0.0, 1.0) * shadow * (1.0 - card.a);
}
`;

/** Creates the material for one face page (`faces` null until that page has loaded, or for people without one). */
export function createCardMaterial(detail: Texture, cardHeight: number): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      uMix: { value: 1 },
      uStagger: { value: 0.6 },
      uPressed: { value: -1 },
      uQuad: { value: new Vector2(1 + 2 * SHADOW_MARGIN, cardHeight + 2 * SHADOW_MARGIN) },
      uCardH: { value: cardHeight },
      uFaces: { value: null },
      uHasFaces: { value: 0 },
      uDetail: { value: detail },
    },
    vertexShader,
    fragmentShader,
    transparent: true,
    premultipliedAlpha: true,
    depthWrite: false,
    // Cards face outwards; those turned away on the far side of a drum or globe are not drawn at all.
    side: FrontSide,
  });
}
