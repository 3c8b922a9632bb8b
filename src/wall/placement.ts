/** Pure placement of each card in world space (1 unit = 1 CSS px at the wall plane): grid + scroll + curve + entrance + press. */

import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { bend, curveRadius } from './curve';
import type { WallLayout } from './layout';

/** Each card rises and fades in over this long… */
export const ENTRANCE_MS = 600;
/** …starting up to this much later than the first, sweeping across the wall like a curtain opening. */
export const ENTRANCE_STAGGER_MS = 320;
/** How far below (and behind) its place a card starts its entrance. */
const RISE_PX = 32;
const SINK_PX = 60;
/** A pressed card gives way slightly under the finger, as a physical plaque would. */
const PRESS_SCALE = 0.965;

export interface PlacementState {
  layout: WallLayout;
  width: number;
  height: number;
  /** Scroll offset along layout.scrollAxis, CSS px. */
  scroll: number;
  /** Milliseconds since the entrance began, or null once there is none to play. */
  entranceElapsed: number | null;
  /** Index of the card under a finger, or -1. */
  pressed: number;
}

const position = new Vector3();
const rotation = new Euler();
const quaternion = new Quaternion();
const scale = new Vector3();

/** Writes card `index`'s world matrix (for a 1×1 quad centred on the origin) into `out`; returns its opacity 0…1. */
export function placeCard(index: number, state: PlacementState, out: Matrix4): number {
  const { layout, width, height, scroll } = state;
  const slot = layout.slots[index] ?? { x: -1e5, y: -1e5 };
  const cx = slot.x + layout.cardWidth / 2 - (layout.scrollAxis === 'x' ? scroll : 0);
  const cy = slot.y + layout.cardHeight / 2 - (layout.scrollAxis === 'y' ? scroll : 0);
  const ox = cx - width / 2;
  const oy = height / 2 - cy;

  const bendX = layout.scrollAxis === 'x' || (layout.scrollAxis === 'none' && width >= height);
  if (bendX) {
    const b = bend(ox, curveRadius(width));
    position.set(b.along, oy, b.depth);
    rotation.set(0, -b.angle, 0);
  } else {
    const b = bend(oy, curveRadius(height));
    position.set(ox, b.along, b.depth);
    rotation.set(b.angle, 0, 0);
  }

  let fade = 1;
  if (state.entranceElapsed !== null) {
    const sweep = clamp01(((ox + width / 2) / width) * 0.8 + ((height / 2 - oy) / height) * 0.2);
    const t = clamp01((state.entranceElapsed - sweep * ENTRANCE_STAGGER_MS) / ENTRANCE_MS);
    fade = 1 - (1 - t) ** 3;
    position.y -= (1 - fade) * RISE_PX;
    position.z -= (1 - fade) * SINK_PX;
  }

  const s = index === state.pressed ? PRESS_SCALE : 1;
  scale.set(layout.cardWidth * s, layout.cardHeight * s, 1);
  out.compose(position, quaternion.setFromEuler(rotation), scale);
  return fade;
}

/** True while some card may still be mid-entrance. */
export function entranceRunning(elapsed: number | null): boolean {
  return elapsed !== null && elapsed < ENTRANCE_MS + ENTRANCE_STAGGER_MS;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
