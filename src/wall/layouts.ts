/**
 * Pure 3D layouts of the honour wall (flat grid, cylinder, helix, sphere) for any number of cards:
 * per-card position, scale and facing, plus how the wall is navigated and framed. No DOM, no three.js.
 */
import type { WallLayoutName } from '../content/schema';

/** Card width in world units; every other size follows from it. */
export const CARD_W = 1;
/** Card height: a portrait plaque, 3 : 4 like a framed certificate. */
export const CARD_H = 4 / 3;
/** Distance between card centres along a row and between rows. */
export const PITCH_X = 1.16;
export const PITCH_Y = 1.52;

/** What dragging moves: the flat wall pans; the round ones turn (and the tower/helix also rises). */
export type NavKind = 'pan' | 'turn' | 'helix' | 'globe';

/** Limits of each navigation value; spin is unbounded for round walls. */
export interface NavLimits {
  kind: NavKind;
  panX: [number, number];
  panY: [number, number];
  tilt: [number, number];
  /** Helix only: how far the wall rises per radian of spin. */
  risePerRadian: number;
  spin: [number, number];
}

export interface WallShape {
  kind: WallLayoutName;
  /** x, y, z, scale for every card (hidden cards have scale 0). */
  pos: Float32Array;
  /** yaw (about y) and pitch (about x) of every card's facing. */
  rot: Float32Array;
  /** 0…1 per card: how late it arrives in an entrance, so the wall fills from the middle out. */
  delay: Float32Array;
  /** z of the wall's front surface (the camera looks at it from +z). */
  front: number;
  /** World extent around the front centre that the overview must show. */
  frame: { width: number; height: number };
  nav: NavLimits;
  /** Where the view starts: the top-left of a grid, the front of a round wall. */
  start: { panX: number; panY: number; spin: number; tilt: number };
}

const TAU = Math.PI * 2;

/**
 * Lays out the cards listed in `shown` (indices into 0…total-1, in wall order) as `kind` for a viewport of
 * aspect `viewAspect` (width / height). Cards not listed get scale 0 at the position `previous` gave them, so
 * they shrink where they stand when a filter hides them.
 */
export function layoutShape(
  kind: WallLayoutName,
  shown: Int32Array,
  total: number,
  viewAspect: number,
  previous?: Float32Array,
): WallShape {
  const pos = new Float32Array(total * 4);
  const rot = new Float32Array(total * 2);
  const delay = new Float32Array(total);
  if (previous && previous.length === pos.length) {
    for (let i = 0; i < total; i++) {
      pos[i * 4] = previous[i * 4]!;
      pos[i * 4 + 1] = previous[i * 4 + 1]!;
      pos[i * 4 + 2] = previous[i * 4 + 2]!;
    }
  }
  const n = shown.length;
  const put = (k: number, x: number, y: number, z: number, yaw: number, pitch: number) => {
    const i = shown[k]!;
    pos.set([x, y, z, 1], i * 4);
    rot[i * 2] = yaw;
    rot[i * 2 + 1] = pitch;
  };
  let shape: Omit<WallShape, 'pos' | 'rot' | 'delay' | 'kind'>;
  if (kind === 'grid') shape = grid(n, viewAspect, put);
  else if (kind === 'cylinder') shape = cylinder(n, viewAspect, put);
  else if (kind === 'helix') shape = helix(n, viewAspect, put);
  else shape = sphere(n, put);

  // Entrance order: nearest the starting view first.
  let far = 1e-6;
  const d = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const i = shown[k]!;
    const dx = pos[i * 4]! - shape.start.panX;
    const dy = pos[i * 4 + 1]! - shape.start.panY;
    const dz = shape.front - pos[i * 4 + 2]!;
    d[k] = Math.hypot(dx, dy, dz * 1.5);
    far = Math.max(far, d[k]!);
  }
  for (let k = 0; k < n; k++) delay[shown[k]!] = Math.min(1, d[k]! / far);
  return { kind, pos, rot, delay, ...shape };
}

type Put = (k: number, x: number, y: number, z: number, yaw: number, pitch: number) => void;

const noTilt: [number, number] = [0, 0];
const noPan: [number, number] = [0, 0];
const anySpin: [number, number] = [-Infinity, Infinity];

/**
 * A flat roll of honour. Few cards: one screen, proportioned like the viewport. Many: a band of rows
 * (landscape) or columns (portrait) as deep as the overview shows whole faces in, running on sideways or down.
 */
function grid(n: number, aspect: number, put: Put) {
  const landscape = aspect >= 1;
  // Cells needed across the short dimension so the whole roster would be as wide as the screen…
  const ideal = Math.sqrt(
    (n * PITCH_Y * (landscape ? 1 : aspect)) / (PITCH_X * (landscape ? aspect : 1)),
  );
  const across = Math.max(1, Math.min(landscape ? 10 : 8, Math.round(ideal) || 1));
  const rows = landscape ? across : Math.ceil(n / across);
  const cols = landscape ? Math.ceil(n / across) : across;
  const width = (cols - 1) * PITCH_X;
  const height = (rows - 1) * PITCH_Y;
  for (let k = 0; k < n; k++) {
    // Column-major when the band runs sideways, so the wall fills left to right as a visitor reads.
    const c = landscape ? Math.floor(k / rows) : k % cols;
    const r = landscape ? k % rows : Math.floor(k / cols);
    put(k, c * PITCH_X - width / 2, height / 2 - r * PITCH_Y, 0, 0, 0);
  }
  // A few dozen people are shown whole, as one roll; more run on beyond the screen.
  const whole = n <= 60;
  const frameW = landscape && !whole ? Math.min(width, height * aspect) : width;
  const frameH = landscape || whole ? height : Math.min(height, width / aspect);
  const spanX = Math.max(0, width - frameW) / 2;
  const spanY = Math.max(0, height - frameH) / 2;
  return {
    front: 0,
    frame: { width: frameW + CARD_W * 1.6, height: frameH + CARD_H * 1.3 },
    nav: {
      kind: 'pan' as const,
      panX: [-width / 2, width / 2] as [number, number],
      panY: [-height / 2, height / 2] as [number, number],
      tilt: noTilt,
      risePerRadian: 0,
      spin: noPan,
    },
    start: { panX: -spanX, panY: spanY, spin: 0, tilt: 0 },
  };
}

/** Cards per ring of a round wall: a drum for a few dozen, a broad tower for thousands. */
function ringCount(n: number): number {
  // A few dozen: rings of up to 16, evenly filled, so no ring is left a quarter full.
  if (n <= 48) return Math.max(8, Math.ceil(n / Math.ceil(n / 16)));
  return Math.max(12, Math.min(72, Math.ceil(Math.sqrt(n * 1.1))));
}

/** A tower of rings of cards facing outwards; dragging turns it and, when it is tall, moves along it. */
function cylinder(n: number, aspect: number, put: Put) {
  const per = Math.min(ringCount(n), n);
  const rows = Math.ceil(n / per);
  const radius = Math.max(1.2, (per * PITCH_X) / TAU);
  const height = (rows - 1) * PITCH_Y;
  // A drum of a few cards is an arc facing the visitor, not a ring with cards behind each other.
  const step = Math.min(TAU / per, PITCH_X / radius);
  for (let k = 0; k < n; k++) {
    const angle = ((k % per) - (step < TAU / per ? (per - 1) / 2 : 0)) * step;
    const y = height / 2 - Math.floor(k / per) * PITCH_Y;
    put(k, radius * Math.sin(angle), y, radius * Math.cos(angle), angle, 0);
  }
  const frameW = radius * 2 + CARD_W;
  // The whole drum when it is short; for a tower, as many rings as a screen shows whole faces in.
  // (never so tight that one ring fills the screen: a drum reads as a drum with room around it).
  const frameH = Math.max(
    CARD_H * 2.6,
    Math.min(height + CARD_H * 1.3, Math.max(frameW / aspect, 9 * PITCH_Y)),
  );
  const spanY = Math.max(0, height + CARD_H * 1.3 - frameH) / 2;
  return {
    front: radius,
    frame: { width: frameW * 1.08, height: frameH },
    nav: {
      kind: 'turn' as const,
      panX: noPan,
      panY: [-spanY, spanY] as [number, number],
      tilt: noTilt,
      risePerRadian: 0,
      spin: anySpin,
    },
    start: { panX: 0, panY: spanY, spin: 0, tilt: 0 },
  };
}

/** One continuous ribbon of cards spiralling down; turning the wall walks along it. */
function helix(n: number, aspect: number, put: Put) {
  const per = Math.min(ringCount(n), Math.max(n, 8));
  const radius = Math.max(1.2, (per * PITCH_X) / TAU);
  // A little more than a row per turn, so the ribbon reads as a spiral rather than a stack of rings.
  const rise = PITCH_Y * 1.25;
  const step = TAU / per;
  for (let k = 0; k < n; k++) {
    const angle = k * step;
    put(k, radius * Math.sin(angle), -(k / per) * rise, radius * Math.cos(angle), angle, 0);
  }
  const turns = n / per;
  const frameW = radius * 2 + CARD_W;
  const frameH = Math.min((turns + 1) * rise, Math.max(frameW / aspect, 7 * rise));
  // The view starts with the ribbon's beginning near the top of the screen, not in its middle.
  const lift = -Math.max(0, frameH / 2 - CARD_H);
  return {
    front: radius,
    frame: { width: frameW * 1.08, height: frameH },
    nav: {
      kind: 'helix' as const,
      panX: noPan,
      panY: [lift, 0] as [number, number],
      tilt: noTilt,
      risePerRadian: rise / TAU,
      // Spin s shows the card at angle -s in front, so walking down the ribbon means turning negative.
      spin: [-Math.max(0, n - 1) * step, 0] as [number, number],
    },
    start: { panX: 0, panY: lift, spin: 0, tilt: 0 },
  };
}

/** Cards spread evenly over a globe (a Fibonacci lattice), each facing outwards. */
/** Below this many cards a globe lays them on a facing arc instead of its lattice. */
const SMALL_GLOBE = 12;

function sphere(n: number, put: Put) {
  const radius = Math.max(1.6, Math.sqrt((n * PITCH_X * PITCH_Y) / (4 * Math.PI)) * 1.02);
  const golden = Math.PI * (3 - Math.sqrt(5));
  if (n < SMALL_GLOBE) {
    // Too few for a lattice (two cards would sit at the poles, edge-on): an arc on the equator,
    // facing the visitor, each card a pitch apart.
    const step = Math.min(TAU / n, PITCH_X / radius);
    for (let k = 0; k < n; k++) {
      const angle = (k - (n - 1) / 2) * step;
      put(k, Math.sin(angle) * radius, 0, Math.cos(angle) * radius, angle, 0);
    }
  } else
    for (let k = 0; k < n; k++) {
      // Lattice from the top down, but skipping the poles, where cards would crowd a pinhole.
      const y = n === 1 ? 0 : 0.96 - (1.92 * k) / (n - 1);
      const ring = Math.sqrt(1 - y * y);
      const angle = k * golden;
      const x = Math.sin(angle) * ring;
      const z = Math.cos(angle) * ring;
      put(k, x * radius, y * radius, z * radius, Math.atan2(x, z), Math.asin(y));
    }
  const size = radius * 2 + CARD_H;
  return {
    front: radius,
    frame: { width: size * 1.05, height: size * 1.05 },
    nav: {
      kind: 'globe' as const,
      panX: noPan,
      panY: noPan,
      tilt: [-1.2, 1.2] as [number, number],
      risePerRadian: 0,
      spin: anySpin,
    },
    start: { panX: 0, panY: 0, spin: 0, tilt: 0 },
  };
}

/** The view (spin, tilt, pan) that brings card `i` of `shape` to the middle of the screen. */
export function viewOfCard(
  shape: WallShape,
  i: number,
): { spin: number; tilt: number; panX: number; panY: number } {
  const x = shape.pos[i * 4]!;
  const y = shape.pos[i * 4 + 1]!;
  const yaw = shape.rot[i * 2]!;
  const pitch = shape.rot[i * 2 + 1]!;
  switch (shape.nav.kind) {
    case 'pan':
      return { spin: 0, tilt: 0, panX: x, panY: y };
    case 'turn':
      return { spin: -yaw, tilt: 0, panX: 0, panY: y };
    case 'helix':
      return { spin: -yaw, tilt: 0, panX: 0, panY: 0 };
    case 'globe':
      return { spin: -yaw, tilt: pitch, panX: 0, panY: 0 };
  }
}

/** Eased progress of one card in a transition, the same curve the vertex shader applies. */
export function cardProgress(mix: number, delay: number, stagger: number): number {
  const t = Math.min(1, Math.max(0, mix * (1 + stagger) - delay * stagger));
  return t * t * (3 - 2 * t);
}
