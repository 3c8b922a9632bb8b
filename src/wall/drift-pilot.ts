/**
 * Flies a drifting wall (the attract loop's) along its drift, and draws it with fewer pixels when
 * this screen cannot keep up: on a slow or software renderer a backlog of frames would otherwise
 * hold the page, and with it a visitor's touch.
 */
import { driftNav } from './wall-drift';
import { copyNav, type WallView } from './wall-view';

/** Below this frame rate for SLOW_MS, the wall draws with fewer pixels (down to MIN_SCALE)… */
const SLOW_FPS = 15;
const SLOW_MS = 1500;
const MIN_SCALE = 0.5;
/** …as few as should bring it to this rate (the cost of a frame goes with its pixels). */
const AIM_FPS = 24;

export interface DriftPilot {
  /**
   * Puts the view where the drift is at `now`; false while `busy` (an entrance or a change of
   * layout plays): the drift then starts afresh from wherever that leaves the view.
   */
  step(now: number, busy: boolean, fps: number): boolean;
  /** The share of the screen's pixels the wall draws (1 until it had to draw fewer). */
  scale(): number;
}

/** `resize(ratio)` redraws the canvas at a new pixel ratio (the wall knows its own size). */
export function createDriftPilot(view: WallView, resize: (ratio: number) => void): DriftPilot {
  let start = -1;
  let from = copyNav(view.nav);
  let ratio = 1;
  let slowSince = 0;

  /** Frames too slow for a while: fewer pixels, in one step (each resize holds the page a moment). */
  function pace(now: number, fps: number): void {
    if (fps === 0 || fps >= SLOW_FPS || ratio <= MIN_SCALE) {
      slowSince = 0;
      return;
    }
    slowSince ||= now;
    if (now - slowSince < SLOW_MS) return;
    slowSince = 0;
    ratio = Math.max(MIN_SCALE, ratio * Math.sqrt(fps / AIM_FPS));
    resize(ratio);
  }

  return {
    step(now, busy, fps) {
      const shape = view.shape;
      if (!shape || busy || view.isGliding()) {
        start = -1;
        return false;
      }
      if (start < 0) {
        start = now;
        from = copyNav(view.nav);
      }
      view.nav = driftNav(
        {
          shape,
          aspect: view.width / Math.max(1, view.height),
          overviewZ: view.overviewZ(),
          nearZ: view.nearZ(),
          tanHalfFov: Math.tan((view.camera.fov * Math.PI) / 360),
        },
        (now - start) / 1000,
        from,
      );
      view.apply();
      pace(now, fps);
      return true;
    },
    scale: () => ratio,
  };
}
