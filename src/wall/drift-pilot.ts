/**
 * Flies a drifting wall (the attract loop's) along its drift. On a GPU it draws every frame, with
 * fewer pixels when the screen cannot keep up. On a software renderer it draws a still every few
 * seconds and lets the picture glide between stills as a CSS transform the compositor plays alone:
 * there, every WebGL frame holds the GPU process for a few hundred ms, and a visitor's touch with it.
 */
import { fitGlide, glideCss, projectPoints, type Glide } from './drift-stills';
import { driftNav } from './wall-drift';
import { copyNav, type NavState, type WallView } from './wall-view';

/** Below this frame rate for SLOW_MS, the wall draws with fewer pixels (down to MIN_SCALE)… */
const SLOW_FPS = 15;
const SLOW_MS = 1500;
const MIN_SCALE = 0.5;
/** …as few as should bring it to this rate (the cost of a frame goes with its pixels). */
const AIM_FPS = 24;

/** A still every so often: the longer, the less often a touch meets one being drawn. */
const STILL_MS = 6000;
/**
 * The first still after the drift begins glides only this long: faces and names asked for by its
 * view arrive meanwhile, and the next still shows them.
 */
const FIRST_STILL_MS = 2000;
/**
 * Share of the wall's width and height drawn beyond each edge, so a still gliding for STILL_MS at
 * the drift's speed never shows its edge (it is drawn for the middle of its time, and moves half
 * that way in each direction).
 */
const OVERSCAN = 0.12;
/** Drawing pixels per CSS px of a still (its picture only moves, so it may be finer than 0.5). */
const STILL_RATIO = 0.5;
/** Points of the glide between two stills (the drift eases in, so more than two). */
const GLIDE_KEYS = 5;

/** What the pilot says a frame is: no drift (an entrance plays), a frame to draw, or none (a still glides). */
export type DriftStep = 'off' | 'draw' | 'hold';

export interface DriftPilot {
  /**
   * Puts the view where the drift is at `now` (for a still, where it will be halfway to the next);
   * 'off' while `busy` (an entrance or a change of layout plays): the drift then starts afresh from
   * wherever that leaves the view; 'hold' while a still glides and nothing is to be drawn.
   */
  step(now: number, busy: boolean, fps: number): DriftStep;
  /** Just before drawing: the camera also sees the margin a gliding still needs. */
  lens(): void;
  /** After a frame was drawn at `now`: a still starts gliding; false when every frame is drawn. */
  drawn(now: number): boolean;
  /** The share of the screen's pixels the wall draws (1 until it had to draw fewer). */
  scale(): number;
  /** Share of the wall's size drawn beyond each edge (0 unless it draws stills). */
  readonly overscan: number;
  dispose(): void;
}

/** How a pilot draws stills: on which canvas, with which points (the cards in view, x y z in the wall's space). */
export interface StillsOptions {
  canvas: HTMLCanvasElement;
  points: () => ArrayLike<number>;
  /** Asks the wall for a frame (the next still). */
  request: () => void;
}

/**
 * `resize(ratio)` redraws the canvas at a new pixel ratio (the wall knows its own size); with
 * `stills`, the wall is drawn a still at a time (see the file's comment).
 */
export function createDriftPilot(
  view: WallView,
  resize: (ratio: number) => void,
  stills: StillsOptions | null = null,
): DriftPilot {
  let start = -1;
  let from = copyNav(view.nav);
  let ratio = stills ? STILL_RATIO : 1;
  let slowSince = 0;
  let glide: Animation | null = null;
  let gliding = false;
  /** How long the still now drawn glides. */
  let span = FIRST_STILL_MS;
  const overscan = stills ? OVERSCAN : 0;

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

  /** The drift's view at `now`. */
  function navAt(now: number): NavState | null {
    const shape = view.shape;
    if (!shape) return null;
    return driftNav(
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
  }

  function lens(): void {
    if (!overscan) return;
    const { width: w, height: h } = view;
    const k = 1 + 2 * overscan;
    view.camera.setViewOffset(w, h, -overscan * w, -overscan * h, w * k, h * k);
  }

  /** Where the cards of the still now drawn go at each of GLIDE_KEYS moments until the next still. */
  function glideKeys(now: number, points: ArrayLike<number>): Glide[] {
    const k = 1 + 2 * overscan;
    const w = view.width * k;
    const h = view.height * k;
    const drawn = copyNav(view.nav);
    const base = new Float32Array((points.length / 3) * 2);
    const seen = new Float32Array(base.length);
    projectPoints(points, view.camera, view.root, w, h, base);
    const keys: Glide[] = [];
    for (let i = 0; i < GLIDE_KEYS; i++) {
      view.nav = navAt(now + (span * i) / (GLIDE_KEYS - 1))!;
      view.apply();
      lens();
      projectPoints(points, view.camera, view.root, w, h, seen);
      keys.push(fitGlide(base, seen));
    }
    view.nav = drawn;
    view.apply();
    lens();
    return keys;
  }

  function stopGlide(): void {
    glide?.cancel();
    glide = null;
    gliding = false;
  }

  return {
    overscan,
    step(now, busy, fps) {
      if (!view.shape || busy || view.isGliding()) {
        start = -1;
        span = FIRST_STILL_MS;
        if (glide) stopGlide();
        return 'off';
      }
      if (start < 0) {
        start = now;
        from = copyNav(view.nav);
      }
      if (stills && gliding) return 'hold';
      view.nav = navAt(stills ? now + span / 2 : now)!;
      view.apply();
      if (!stills) pace(now, fps);
      return 'draw';
    },
    lens,
    drawn(now) {
      if (!stills) return false;
      const keys = glideKeys(now, stills.points());
      // The new picture and its glide reach the screen in the same frame as the old glide ends:
      // the next still is drawn only once this glide is over (a pause at worst, never a jump back).
      glide?.cancel();
      glide = stills.canvas.animate(
        keys.map((g) => ({ transform: glideCss(g) })),
        { duration: span, easing: 'linear', fill: 'forwards' },
      );
      gliding = true;
      span = STILL_MS;
      const mine = glide;
      mine.finished.then(
        () => {
          if (glide !== mine) return;
          gliding = false;
          stills.request();
        },
        () => {}, // cancelled: the wall stopped drifting or went away
      );
      return true;
    },
    scale: () => ratio,
    dispose: stopGlide,
  };
}
