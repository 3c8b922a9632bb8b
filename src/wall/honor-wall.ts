/**
 * The 3D honour wall: owns the renderer, the card instances, face pages, detail atlas, view and gestures inside
 * a container, and tears all of it down on dispose(). Its per-frame cost does not grow with the roster:
 * placement runs on the GPU, faces come from the pack's atlas, and only cards near the camera are drawn in full.
 */
import gsap from 'gsap';
import { Color, Scene, Vector3, WebGLRenderer } from 'three';
import type { WallLayoutName } from '../content/schema';
import type { FacesIndex } from '../feed/faces';
import { createBackdrop } from './backdrop';
import { createCardInstances, type CardInstances } from './card-instances';
import {
  createDetailAtlas,
  DETAIL_SLOTS,
  type DetailAtlas,
  type DetailContent,
} from './detail-atlas';
import { createFacePages, type FacePages } from './face-pages';
import { createFrameLoop } from './frame-loop';
import { layoutShape, viewOfCard } from './layouts';
import { attachGestures, type GestureHandlers } from './pointer-input';
import { projectToClient, type ClientRect } from './screen-rect';
import { surveyView, type Survey } from './survey';
import { createDriftPilot } from './drift-pilot';
import { softwareRenderer } from './drift-stills';
import { WallMotion } from './wall-motion';
import { cardCorners, copyNav, WallView, type NavState } from './wall-view';
import { glideSeconds } from './glide';

export interface WallCard extends DetailContent {
  id: string;
}

/** What a visitor left behind on a wall, to come back to after a person's page. */
export interface WallMemory {
  layout: WallLayoutName;
  nav: NavState;
}

export interface HonorWallOptions {
  cards: readonly WallCard[];
  faces: FacesIndex | null;
  /** URL of each face page (null when the pack lacks it). */
  pageUrls: readonly (string | null)[];
  layout: WallLayoutName;
  /** Where to put the view at once instead of playing the entrance. */
  restore?: WallMemory | null;
  /** A visitor tapped a card (never called while drifting). */
  onSelect?: (id: string) => void;
  /**
   * The attract loop's wall: it drifts slowly by itself (see wall-drift.ts) at no more than
   * DRIFT_FPS frames a second and a plain pixel ratio, and takes no gestures.
   */
  drift?: boolean;
  /** Frames stayed too slow for a while, or the GPU context could not be had back: show the 2D wall instead. */
  onUnusable?: (reason: string) => void;
  background?: string;
}

export interface WallStats {
  cards: number;
  shown: number;
  /** Cards wholly inside the wall's canvas and facing the visitor. */
  onScreen: number;
  layout: WallLayoutName;
  textures: number;
  geometries: number;
  textureBytes: number;
  drawCalls: number;
  pagesResident: number;
  pagesPending: number;
  detailDrawn: number;
  detailPending: number;
  fps: number;
  /** Drawing pixels per CSS px (a drifting wall lowers it on a screen that cannot keep up). */
  pixelRatio: number;
  contextLosses: number;
  nav: NavState;
}

export interface HonorWall {
  /** Resolves once the entrance is over and every card can be located and tapped. */
  ready: Promise<void>;
  /** Resolves once the faces and detail wanted by the current view have arrived (progress is done). */
  whenSettled(): Promise<void>;
  setLayout(layout: WallLayoutName): void;
  /** Shows only these cards (indices into `cards`, in order); the wall animates to the new arrangement. */
  show(indices: Int32Array): void;
  zoom(direction: 1 | -1): void;
  /** Keeps the wall centred in the part of the screen left of a side panel `px` wide (0 when none). */
  setInset(px: number): void;
  /** Back to the overview of the current layout. */
  overview(): void;
  locate(id: string): ClientRect | null;
  /** Progress of what is still loading, 0…1, or null when nothing is. */
  progress(): number | null;
  memory(): WallMemory;
  stats(): WallStats;
  dispose(): void;
}

const MAX_PIXEL_RATIO = 1.5;
/** Frame rate cap of a drifting wall: smooth enough for slow motion, half the work of 60. */
const DRIFT_FPS = 30;
const ENTRANCE_S = 1.3;
const SURVEY_MS = 220;
/** Frames slower than this for SLOW_WINDOW_MS of motion mean this screen cannot animate a 3D wall. */
const SLOW_FRAME_MS = 1000;
const SLOW_WINDOW_MS = 8000;

/** Creates the wall in `container`; throws when WebGL cannot be had at all (the host shows the 2D wall). */
export function createHonorWall(container: HTMLElement, options: HonorWallOptions): HonorWall {
  const cards = options.cards.slice();
  const count = cards.length;
  const indexOf = new Map(cards.map((c, i) => [c.id, i]));
  const background = options.background ?? '#3a0d0d';

  const canvas = document.createElement('canvas');
  canvas.style.cssText =
    'display:block;width:100%;height:100%;touch-action:none;user-select:none;-webkit-user-select:none;outline:none';
  container.appendChild(canvas);
  let renderer: WebGLRenderer;
  try {
    renderer = new WebGLRenderer({
      canvas,
      antialias: false,
      alpha: false,
      powerPreference: 'high-performance',
    });
  } catch (error) {
    canvas.remove();
    throw error;
  }
  renderer.setPixelRatio(
    options.drift ? 1 : Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO),
  );
  renderer.setClearColor(new Color(background));

  const scene = new Scene();
  const backdrop = createBackdrop(background);
  scene.add(backdrop.mesh);
  const view = new WallView(() => {
    viewChanged = true;
    loop.request();
  });
  scene.add(view.root);
  const motion = new WallMotion(count);
  let layout: WallLayoutName = options.restore?.layout ?? options.layout;
  let shown: Int32Array = Int32Array.from({ length: count }, (_, i) => i);
  let instances: CardInstances | null = null;
  let pages: FacePages | null = null;
  let detail: DetailAtlas | null = null;
  let transition: gsap.core.Tween | null = null;
  let pressed = -1;
  let flying = false;
  let contextLost = false;
  let contextLosses = 0;
  let lostTimer = 0;
  let disposed = false;
  /** False while a drifting wall still links its shaders: no frame may ask for them before. */
  let warm = !options.drift;
  let viewChanged = true;
  let lastSurvey = 0;
  let survey: Survey | null = null;
  let width = 0;
  let height = 0;
  let slowSince = 0;
  const abort = new AbortController();

  let settleReady!: (ok: boolean) => void;
  let readyDone = false;
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = (ok) => {
      if (readyDone) return;
      readyDone = true;
      if (ok) resolve();
      else reject(new DOMException('honor wall disposed before it was ready', 'AbortError'));
    };
  });
  ready.catch(() => {}); // a host that never awaits ready must not see an unhandled rejection
  const settledWaiters: (() => void)[] = [];
  let settlePoll = 0;

  /** (Re)creates everything that lives on the GPU; after a lost context, from the CPU-side copies. */
  function buildGpu(): void {
    detail = createDetailAtlas(
      renderer,
      (card) => cards[card]!,
      (card, rect) => instances?.setDetail(card, rect),
      () => loop.request(),
    );
    instances = createCardInstances(
      cards.map((c) => c.id),
      options.faces,
      detail.texture,
    );
    view.root.add(instances.group);
    instances.upload(motion);
    instances.setPressed(pressed);
    pages = createFacePages(
      options.pageUrls,
      (page, texture) => {
        instances?.setPage(page, texture);
        loop.request();
      },
      abort.signal,
    );
    viewChanged = true;
  }

  function dropGpu(): void {
    instances?.dispose();
    instances = null;
    pages?.dispose();
    pages = null;
    detail?.dispose();
    detail = null;
  }

  function arrange(how: 'entrance' | 'glide' | 'jump'): void {
    const shape = layoutShape(layout, shown, count, width / height, motion.toPos);
    transition?.kill();
    if (how === 'glide') motion.retarget(shape);
    else motion.jump(shape, how === 'entrance' ? 2.2 : 0);
    instances?.upload(motion);
    if (how === 'entrance' || how === 'glide') {
      transition = gsap.to(motion, {
        mix: 1,
        duration: glideSeconds(how === 'entrance' ? ENTRANCE_S : 1.2),
        ease: 'none',
        onUpdate: () => {
          instances?.setMix(motion.mix);
          viewChanged = true;
          loop.request();
        },
        onComplete: () => {
          transition = null;
          settleReady(true);
        },
      });
    } else settleReady(true);
    view.setShape(
      shape,
      how === 'glide' ? 'glide' : 'jump',
      how === 'jump' ? options.restore?.nav : undefined,
    );
  }

  // A drifting wall moves by itself, and draws fewer pixels when this screen cannot keep up; on a
  // software renderer it draws a still every few seconds, which glides (drift-pilot.ts).
  const pilot = options.drift
    ? createDriftPilot(
        view,
        (ratio) => {
          renderer.setPixelRatio(ratio);
          renderer.setSize(width * over, height * over, false);
        },
        softwareRenderer(renderer.getContext())
          ? { canvas, points: facingPoints, request: () => loop.request() }
          : null,
      )
    : null;
  /** The canvas is this much larger than the wall's box (a gliding still's margin). */
  const over = 1 + 2 * (pilot?.overscan ?? 0);
  if (pilot) renderer.setPixelRatio(pilot.scale());
  if (over > 1) {
    const edge = `${(-100 * (pilot?.overscan ?? 0)).toFixed(3)}%`;
    canvas.style.cssText += `;position:absolute;left:${edge};top:${edge};width:${100 * over}%;height:${100 * over}%;transform-origin:0 0;will-change:transform`;
  }
  const fpsCap = options.drift ? DRIFT_FPS : 0;

  const loop = createFrameLoop((now, dt) => {
    if (contextLost || width === 0 || disposed || !warm) return false;
    // A drifting wall taken off the page draws nothing more, even before its owner disposes of it.
    if (options.drift && !canvas.isConnected) return false;
    // First: the pilot must see every entrance and change of layout.
    const drift = pilot?.step(now, transition !== null, loop.stats().fps) ?? 'off';
    if (drift === 'hold') return false; // a still glides: nothing to draw
    const drifting = drift === 'draw';
    const moving = view.step(dt) || transition !== null || drifting;
    pilot?.lens();
    renderer.render(scene, view.camera);
    if (moving) watchSpeed(now, dt);
    else slowSince = 0;
    if (viewChanged && (!moving || now - lastSurvey > SURVEY_MS)) {
      viewChanged = false;
      lastSurvey = now;
      runSurvey();
    }
    // A still was drawn: it glides until the pilot asks for the next.
    if (drifting && pilot?.drawn(now)) return false;
    if (!moving && viewChanged) return true;
    return moving;
  }, fpsCap);

  function watchSpeed(now: number, dt: number): void {
    if (dt < SLOW_FRAME_MS) {
      slowSince = 0;
      return;
    }
    slowSince ||= now;
    if (now - slowSince > SLOW_WINDOW_MS) options.onUnusable?.('frames too slow');
  }

  function runSurvey(): void {
    if (!instances || !pages || !detail) return;
    survey = surveyView(view, motion, shown, width, height, (c) => instances!.pageOf(c));
    pages.want(survey.pages);
    detail.want(survey.detail.slice(0, DETAIL_SLOTS));
    checkSettled();
  }

  function checkSettled(): void {
    if (progressNow() !== null) return;
    while (settledWaiters.length) settledWaiters.shift()!();
  }

  function progressNow(): number | null {
    if (!pages || !detail || !survey) return 0;
    const waiting = pages.pending() + detail.pending();
    if (waiting === 0) return null;
    const total = survey.pages.length + survey.detail.length;
    return Math.max(0, Math.min(1, 1 - waiting / Math.max(1, total)));
  }

  function resize(w: number, h: number): void {
    if (w <= 0 || h <= 0) return;
    const first = width === 0;
    width = w;
    height = h;
    renderer.setSize(w * over, h * over, false);
    backdrop.setAspect(w / h);
    view.setSize(w, h);
    if (first) {
      buildGpu();
      if (options.drift) void warmUp();
      else arrange(options.restore ? 'jump' : 'entrance');
    } else if (warm) arrange('jump');
    loop.request();
  }

  /**
   * A drifting wall links its shaders before its first frame without holding the page
   * (KHR_parallel_shader_compile, where the browser has it): a touch on the attract screen must
   * never wait for a shader. Then its entrance plays.
   */
  async function warmUp(): Promise<void> {
    await renderer.compileAsync(scene, view.camera).catch(() => {});
    if (disposed) return;
    warm = true;
    // A wall drawn as stills starts with one: its entrance would be a second of costly frames.
    arrange(pilot?.overscan ? 'jump' : 'entrance');
    loop.request();
  }

  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box) resize(Math.round(box.width), Math.round(box.height));
  });
  observer.observe(container);

  const state6 = new Float32Array(6);

  /** Where the cards in view stand (x, y, z in the wall's own space): a still glides with them. */
  function facingPoints(): Float32Array {
    const facing = survey?.facing ?? new Int32Array(0);
    const out = new Float32Array(facing.length * 3);
    const st = new Float32Array(6);
    facing.forEach((c, i) => {
      motion.current(c, st);
      out.set(st.subarray(0, 3), i * 3);
    });
    return out;
  }
  const corners = [new Vector3(), new Vector3(), new Vector3(), new Vector3()];

  /** The card under client point (x, y), nearest first, or -1. */
  function cardAt(clientX: number, clientY: number): number {
    if (!survey) runSurvey();
    const x = clientX;
    const y = clientY;
    let best = -1;
    let bestDepth = Infinity;
    for (const c of survey?.facing ?? []) {
      motion.current(c, state6);
      const r = screenRect(c);
      if (!r || x < r.x || y < r.y || x > r.x + r.width || y > r.y + r.height) continue;
      const depth = view.camera.position.distanceTo(corners[0]!);
      if (depth < bestDepth) {
        best = c;
        bestDepth = depth;
      }
    }
    return best;
  }

  /** Card `c`'s rectangle in canvas CSS px (from its projected corners), or null when hidden or turned away. */
  function screenRect(c: number): ClientRect | null {
    motion.current(c, state6);
    if (state6[3]! < 0.5) return null;
    cardCornersInto(c);
    return projectToClient(
      corners.map((v) => v.clone()),
      view.camera,
      canvas,
      width,
      height,
    );
  }

  function cardCornersInto(c: number): void {
    motion.current(c, state6);
    cardCorners(state6, view.root, corners);
  }

  const setPressed = (card: number) => {
    if (pressed === card) return;
    pressed = card;
    instances?.setPressed(card);
    loop.request();
  };

  async function fly(card: number): Promise<void> {
    const shape = view.shape;
    if (!shape || flying) return;
    flying = true;
    const leaving = memory();
    const target = viewOfCard(shape, card);
    await view.glideTo({ ...target, cameraZ: view.nearZ() }, 0.7);
    flying = false;
    if (disposed) return;
    // The visitor comes back to where they stood, not to the close-up.
    remembered = leaving;
    options.onSelect?.(cards[card]!.id);
  }
  let remembered: WallMemory | null = null;

  const gestures: GestureHandlers = {
    press: (x, y) => {
      if (!flying) setPressed(cardAt(x, y));
    },
    dragStart: () => {
      setPressed(-1);
      if (!flying) view.grab();
    },
    drag: (dx, dy) => {
      if (!flying) view.drag(dx, dy);
    },
    release: (vx, vy) => {
      if (flying) return;
      view.release(vx, vy);
      loop.request();
    },
    tap: (x, y) => {
      const card = flying ? -1 : cardAt(x, y);
      setPressed(-1);
      if (card >= 0) void fly(card);
    },
    cancel: () => setPressed(-1),
    wheel: (_dx, dy) => {
      if (!flying) view.zoomNow(Math.exp(dy * 0.0015));
    },
    pinch: (scale) => {
      if (!flying) view.zoomNow(1 / scale);
    },
  };
  // A drifting wall is looked at, not handled: a touch on the attract screen goes home.
  const detachGestures = options.drift ? () => {} : attachGestures(canvas, gestures);

  const onContextLost = (event: Event) => {
    event.preventDefault(); // tells the browser we will rebuild, so it may restore the context
    contextLost = true;
    contextLosses++;
    // Everything on the GPU went with the context; let go of it now, while three still knows the old objects.
    dropGpu();
    // A context that does not come back leaves a black rectangle: give the visitor the 2D wall instead.
    lostTimer = window.setTimeout(() => options.onUnusable?.('graphics context lost'), 5000);
  };
  const onContextRestored = () => {
    clearTimeout(lostTimer);
    contextLost = false;
    buildGpu();
    loop.request();
  };
  canvas.addEventListener('webglcontextlost', onContextLost);
  canvas.addEventListener('webglcontextrestored', onContextRestored);

  function memory(): WallMemory {
    return remembered ?? { layout, nav: copyNav(view.nav) };
  }

  return {
    ready,
    whenSettled: () =>
      new Promise<void>((resolve) => {
        settledWaiters.push(resolve);
        checkSettled();
        // Loads that end without drawing (a failed page, a card no longer wanted) request no frame,
        // so a slow poll notices the moment nothing is pending any more.
        if (settledWaiters.length && !settlePoll) {
          settlePoll = window.setInterval(() => {
            checkSettled();
            if (!settledWaiters.length || disposed) {
              clearInterval(settlePoll);
              settlePoll = 0;
            }
          }, 250);
        }
      }),
    setLayout(next) {
      if (next === layout) return;
      layout = next;
      // Before the first size is known there is nothing to move yet; the first arrangement uses these.
      if (width > 0) arrange('glide');
    },
    show(indices) {
      shown = indices;
      if (width > 0) arrange('glide');
    },
    setInset: (px) => view.setShift(px),
    zoom: (direction) => view.zoomBy(direction > 0 ? 0.55 : 1 / 0.55),
    overview() {
      const shape = view.shape;
      if (shape)
        void view.glideTo({ ...copyNav(view.nav), ...shape.start, cameraZ: view.overviewZ() }, 0.9);
    },
    locate(id) {
      const c = indexOf.get(id);
      if (c === undefined || width === 0 || !instances) return null;
      if (!survey) runSurvey();
      if (!survey?.facingSet.has(c)) return null;
      const r = screenRect(c);
      if (!r) return null;
      const box = canvas.getBoundingClientRect();
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      if (cx < box.left || cy < box.top || cx > box.right || cy > box.bottom) return null;
      // Under a panel or the countdown, a finger would not reach it.
      if (document.elementFromPoint(cx, cy) !== canvas) return null;
      return r;
    },
    progress: progressNow,
    memory,
    stats() {
      const info = renderer.info;
      let onScreen = 0;
      const box = canvas.getBoundingClientRect();
      for (const c of survey?.facing ?? []) {
        const r = screenRect(c);
        if (
          r &&
          r.x >= box.left - 0.5 &&
          r.y >= box.top - 0.5 &&
          r.x + r.width <= box.right + 0.5 &&
          r.y + r.height <= box.bottom + 0.5
        )
          onScreen++;
      }
      return {
        cards: count,
        shown: shown.length,
        onScreen,
        layout,
        textures: info.memory.textures,
        geometries: info.memory.geometries,
        textureBytes: (pages?.textureBytes() ?? 0) + (detail?.textureBytes() ?? 0),
        drawCalls: instances?.drawCalls() ?? 0,
        pagesResident: pages?.resident() ?? 0,
        pagesPending: pages?.pending() ?? 0,
        detailDrawn: detail?.drawn() ?? 0,
        detailPending: detail?.pending() ?? 0,
        fps: loop.stats().fps,
        pixelRatio: renderer.getPixelRatio(),
        contextLosses,
        nav: copyNav(view.nav),
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      abort.abort();
      clearTimeout(lostTimer);
      transition?.kill();
      pilot?.dispose();
      view.dispose();
      loop.dispose();
      observer.disconnect();
      detachGestures();
      canvas.removeEventListener('webglcontextlost', onContextLost);
      canvas.removeEventListener('webglcontextrestored', onContextRestored);
      dropGpu();
      backdrop.dispose();
      renderer.dispose();
      // Browsers cap live WebGL contexts; give this one back now rather than at garbage collection.
      renderer.forceContextLoss();
      canvas.remove();
      settleReady(false);
      while (settledWaiters.length) settledWaiters.shift()!();
    },
  };
}
