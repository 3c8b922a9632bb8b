/**
 * The honour wall's slow drift for the attract loop: where the view is `t` seconds in, as a pure
 * function of the wall's shape. A flat wall is panned end to end, a drum or a globe turns, a helix
 * is walked down and up again; the zoom breathes between the overview and a closer look.
 */
import type { WallShape } from './layouts';
import type { NavState } from './wall-view';

export interface DriftFrame {
  shape: Pick<WallShape, 'nav' | 'front' | 'start'>;
  /** Viewport width / height. */
  aspect: number;
  /** Camera z of the overview and of the closest zoom. */
  overviewZ: number;
  nearZ: number;
  /** tan(fov / 2) of the camera: how much of the wall a camera distance shows. */
  tanHalfFov: number;
}

/** Fastest the wall's surface moves, in world units per second (a card is 1 wide): slow enough to read names. */
export const DRIFT_SPEED = 0.45;
/** Seconds over which the drift takes over from wherever the view stood, so it never jumps. */
export const DRIFT_EASE_IN_S = 6;
/** One slow breath of the zoom, in seconds; and the closest and furthest the drift goes (0 = near, 1 = overview). */
const ZOOM_PERIOD_S = 56;
const ZOOM_CLOSE = 0.45;
const ZOOM_FAR = 0.8;
/** A round wall turns at most once in this many seconds, however small it is. */
const SLOWEST_TURN_S = 90;
/** A sweep back and forth takes at least this long, however short the way. */
const SLOWEST_SWEEP_S = 24;
/** A wall that fits on screen still sways this far each side, so the screen is never a still picture. */
const SWAY = 0.3;
/** Greatest tilt of a turning globe (radians). */
const GLOBE_TILT = 0.3;

/**
 * The view `t` seconds after the drift began from `from`: eased in from `from` over the first
 * DRIFT_EASE_IN_S seconds, never outside the shape's limits, never faster than DRIFT_SPEED.
 */
export function driftNav(f: DriftFrame, t: number, from: NavState): NavState {
  const target = driftTarget(f, t, from);
  const k = smoothstep(Math.min(1, Math.max(0, t / DRIFT_EASE_IN_S)));
  const mix = (a: number, b: number) => a + (b - a) * k;
  return {
    spin: mix(from.spin, target.spin),
    tilt: mix(from.tilt, target.tilt),
    panX: mix(from.panX, target.panX),
    panY: mix(from.panY, target.panY),
    cameraZ: mix(from.cameraZ, target.cameraZ),
  };
}

function driftTarget(f: DriftFrame, t: number, from: NavState): NavState {
  const { nav, front, start } = f.shape;
  const zoom =
    ZOOM_CLOSE + ((ZOOM_FAR - ZOOM_CLOSE) * (1 + Math.cos((Math.PI * 2 * t) / ZOOM_PERIOD_S))) / 2;
  const cameraZ = f.nearZ + (f.overviewZ - f.nearZ) * zoom;
  // Half the wall's surface the camera shows at its closest: the pan reaches every edge of the wall
  // at that zoom (a little margin shows at the furthest), and its range does not breathe with the zoom.
  const closest = f.nearZ + (f.overviewZ - f.nearZ) * ZOOM_CLOSE;
  const halfH = Math.max(0, closest - front) * f.tanHalfFov;
  const halfW = halfH * f.aspect;
  const turnRate = Math.min((Math.PI * 2) / SLOWEST_TURN_S, DRIFT_SPEED / Math.max(1, front));
  switch (nav.kind) {
    case 'pan': {
      const [x0, x1] = inner(nav.panX, halfW);
      const [y0, y1] = inner(nav.panY, halfH);
      // Left to right along the rows; top to bottom, more slowly, so the path is not one line.
      return {
        spin: 0,
        tilt: 0,
        panX: sweep(x0, x1, DRIFT_SPEED, t),
        panY: y1 - (sweep(y0, y1, DRIFT_SPEED * 0.6, t, SLOWEST_SWEEP_S * 1.6) - y0),
        cameraZ,
      };
    }
    case 'turn': {
      const [y0, y1] = inner(nav.panY, halfH);
      return {
        spin: from.spin - turnRate * t,
        tilt: 0,
        panX: 0,
        panY: y1 - (sweep(y0, y1, DRIFT_SPEED * 0.6, t) - y0),
        cameraZ,
      };
    }
    case 'helix': {
      // Spin runs from 0 (the ribbon's start) down to nav.spin[0] (its end) and back.
      const end = -nav.spin[0];
      return {
        spin: -sweep(0, end, DRIFT_SPEED / Math.max(1, front), t),
        tilt: 0,
        panX: 0,
        panY: start.panY,
        cameraZ,
      };
    }
    case 'globe': {
      // The nod up and down moves the surface at most half as fast as the turn may.
      const tilt = Math.min(GLOBE_TILT, nav.tilt[1]);
      const nod = Math.min(
        (Math.PI * 2) / (SLOWEST_SWEEP_S * 2),
        (DRIFT_SPEED * 0.5) / Math.max(1e-6, tilt * Math.max(1, front)),
      );
      return {
        spin: from.spin - turnRate * t,
        tilt: tilt * Math.sin(nod * t),
        panX: 0,
        panY: 0,
        cameraZ,
      };
    }
  }
}

/** The range of centres that keep a view `half` wide on the wall `[lo, hi]`; a short wall sways about its middle. */
function inner([lo, hi]: readonly [number, number], half: number): [number, number] {
  const a = lo + half;
  const b = hi - half;
  if (b - a >= SWAY * 2) return [a, b];
  const mid = (lo + hi) / 2;
  return [Math.max(lo, mid - SWAY), Math.min(hi, mid + SWAY)];
}

/**
 * From `a` to `b` and back, eased at each end, at most `speed` per second and taking at least
 * `slowest` seconds there and back, starting at `a`.
 */
export function sweep(
  a: number,
  b: number,
  speed: number,
  t: number,
  slowest = SLOWEST_SWEEP_S,
): number {
  const span = b - a;
  if (!(span > 1e-9)) return a;
  const rate = Math.min((2 * speed) / span, (Math.PI * 2) / slowest);
  return a + (span * (1 - Math.cos(rate * t))) / 2;
}

function smoothstep(x: number): number {
  return x * x * (3 - 2 * x);
}
