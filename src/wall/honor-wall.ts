/** The 3D honour wall: owns the renderer, scene, cards and gestures inside a container, and tears all of it down on dispose(). */

import { Color, Matrix4, Raycaster, Scene, Vector2, WebGLRenderer } from 'three';
import { createBackdrop } from './backdrop';
import { buildCardMeshes } from './build-cards';
import { CARD_ASPECT } from './card-face';
import type { CardMeshes } from './card-meshes';
import { createFrameLoop } from './frame-loop';
import { layoutWall, type WallLayout } from './layout';
import { entranceRunning, placeCard } from './placement';
import { attachGestures } from './pointer-input';
import { projectToClient } from './screen-rect';
import { Scroller } from './scroller';
import { createWallCamera, fitWallCamera } from './wall-camera';

export interface WallCard {
  id: string;
  name: string;
  subtitle: string;
  portraitUrl: string | null;
  badge?: string;
}

export interface HonorWallOptions {
  cards: WallCard[];
  onSelect: (id: string) => void;
  background?: string;
}

export interface HonorWall {
  /** On-screen rectangle of the card in CSS px relative to the viewport (getBoundingClientRect space), or null if not visible. */
  locate(id: string): { x: number; y: number; width: number; height: number } | null;
  /** Resolves after the first frame with all card textures drawn has been rendered (after the brief entrance, when there is one). */
  ready: Promise<void>;
  /** Frames rendered so far and a rolling fps estimate, for diagnostics. */
  stats(): { frames: number; fps: number };
  /** Stops rendering, removes listeners, disposes every GPU resource and closes bitmaps. */
  dispose(): void;
}

/** Pixel ratio cap: sharper text is not worth 2.25× the fill on a software or modest kiosk GPU. */
const MAX_PIXEL_RATIO = 1.5;

/**
 * Creates the wall inside `container` (which should have a size; the wall follows it).
 * If disposed before it is ready, `ready` rejects with an AbortError.
 */
export function createHonorWall(container: HTMLElement, options: HonorWallOptions): HonorWall {
  const cards = options.cards.slice();
  const indexOf = new Map(cards.map((c, i) => [c.id, i]));
  const background = options.background ?? '#3a0d0d';

  const canvas = document.createElement('canvas');
  // Gestures are ours: the page must neither scroll nor zoom nor select under a visitor's finger.
  canvas.style.cssText =
    'display:block;width:100%;height:100%;touch-action:none;user-select:none;-webkit-user-select:none;outline:none';
  container.appendChild(canvas);
  const renderer = new WebGLRenderer({
    canvas,
    antialias: false,
    alpha: false,
    powerPreference: 'high-performance',
  });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO));
  renderer.setClearColor(new Color(background));

  const scene = new Scene();
  const camera = createWallCamera();
  const backdrop = createBackdrop(background);
  scene.add(backdrop.mesh);
  const scroller = new Scroller();
  const raycaster = new Raycaster();
  const matrix = new Matrix4();

  let width = 0;
  let height = 0;
  let layout: WallLayout | null = null;
  let meshes: CardMeshes | null = null;
  let entranceStart: number | null = null; // performance.now() of the entrance; set by the frame after the upload
  let uploaded = false; // a frame has rendered the cards, so their textures are on the GPU
  let playEntrance = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  let pressed = -1;
  let contextLost = false;
  let disposed = false;
  let build: AbortController | null = null;

  let settle!: (ok: boolean) => void;
  let readyDone = false;
  const ready = new Promise<void>((resolve, reject) => {
    settle = (ok) => {
      if (readyDone) return;
      readyDone = true;
      if (ok) resolve();
      else reject(new DOMException('honor wall disposed before it was ready', 'AbortError'));
    };
  });
  ready.catch(() => {}); // a host that never awaits ready must not see an unhandled rejection

  let sized!: () => void;
  const hasSize = new Promise<void>((resolve) => (sized = resolve));

  /** Brings every instance matrix up to date with scroll, entrance and press; returns true while the entrance runs. */
  function placeAll(now: number): boolean {
    if (!meshes || !layout) return false;
    // The first frame uploads the atlas (slow on a software rasteriser); the entrance clock starts after it,
    // so visitors see the whole rise instead of a jump.
    if (entranceStart === null && playEntrance && uploaded) entranceStart = now;
    const elapsed = !playEntrance ? null : entranceStart === null ? 0 : now - entranceStart;
    const running = entranceRunning(elapsed);
    const state = {
      layout,
      width,
      height,
      scroll: scroller.position,
      entranceElapsed: running ? elapsed : null,
      pressed,
    };
    for (let i = 0; i < cards.length; i++) meshes.place(i, matrix, placeCard(i, state, matrix));
    meshes.commit();
    if (!running) playEntrance = false;
    return running;
  }

  const loop = createFrameLoop((now, dt) => {
    if (contextLost || width === 0) return false;
    const gliding = scroller.step(dt);
    const entering = placeAll(now);
    renderer.render(scene, camera);
    if (meshes) {
      uploaded = true;
      // Ready means every card is on screen in full, so a caller may locate and tap any of them at once.
      if (!entering) settle(true);
    }
    return gliding || entering;
  });

  function resize(w: number, h: number): void {
    if (w <= 0 || h <= 0) return;
    width = w;
    height = h;
    renderer.setSize(w, h, false);
    fitWallCamera(camera, w, h);
    backdrop.setAspect(w / h);
    layout = layoutWall(w, h, cards.length, { cardAspect: CARD_ASPECT });
    scroller.setMax(layout.maxScroll);
    sized();
    loop.request();
  }

  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box) resize(Math.round(box.width), Math.round(box.height));
  });
  observer.observe(container);

  /** Loads portraits, draws the atlas and makes the meshes; run again from scratch after a lost context. */
  async function buildCards(): Promise<void> {
    build?.abort();
    const controller = new AbortController();
    build = controller;
    await hasSize;
    if (controller.signal.aborted || !layout) return;
    const built = await buildCardMeshes(cards, layout.cardWidth, renderer, controller.signal);
    if (!built) return;
    if (controller.signal.aborted) {
      built.dispose();
      return;
    }
    meshes = built;
    scene.add(meshes.group);
    loop.request();
  }

  function cardAt(clientX: number, clientY: number): number {
    if (!meshes) return -1;
    const rect = canvas.getBoundingClientRect();
    const ndc = new Vector2(
      ((clientX - rect.left) / rect.width) * 2 - 1,
      -((clientY - rect.top) / rect.height) * 2 + 1,
    );
    placeAll(performance.now());
    camera.updateMatrixWorld();
    raycaster.setFromCamera(ndc, camera);
    return meshes.hit(raycaster);
  }

  const axis = () => layout?.scrollAxis ?? 'none';
  const setPressed = (index: number) => {
    if (pressed === index) return;
    pressed = index;
    loop.request();
  };
  const detachGestures = attachGestures(canvas, {
    press: (x, y) => setPressed(cardAt(x, y)),
    dragStart: () => {
      setPressed(-1);
      scroller.grab();
    },
    drag: (dx, dy) => {
      if (axis() === 'none') return;
      scroller.drag(axis() === 'x' ? -dx : -dy);
      loop.request();
    },
    release: (vx, vy) => {
      scroller.release(axis() === 'x' ? -vx : axis() === 'y' ? -vy : 0);
      loop.request();
    },
    tap: (x, y) => {
      const index = cardAt(x, y);
      setPressed(-1);
      const card = cards[index];
      if (card) options.onSelect(card.id);
    },
    cancel: () => setPressed(-1),
    wheel: (dx, dy) => {
      if (axis() === 'none') return;
      // A mouse wheel only scrolls vertically; let it drive a sideways wall too.
      scroller.nudge(axis() === 'x' ? (Math.abs(dx) > Math.abs(dy) ? dx : dy) : dy);
      loop.request();
    },
  });

  const onContextLost = (event: Event) => {
    event.preventDefault(); // tells the browser we will rebuild, so it may restore the context
    contextLost = true;
    build?.abort();
  };
  const onContextRestored = () => {
    contextLost = false;
    // three.js re-creates its own state; our textures' canvases were released after upload, so redraw them.
    meshes?.dispose();
    meshes = null;
    void buildCards();
    loop.request();
  };
  canvas.addEventListener('webglcontextlost', onContextLost);
  canvas.addEventListener('webglcontextrestored', onContextRestored);

  void buildCards();

  return {
    ready,
    stats: () => loop.stats(),
    locate(id) {
      const index = indexOf.get(id);
      if (index === undefined || !meshes || width === 0) return null;
      placeAll(performance.now());
      if (meshes.fadeOf(index) < 0.5) return null;
      const corners = meshes.corners(index);
      return corners && projectToClient(corners, camera, canvas, width, height);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      build?.abort();
      loop.dispose();
      observer.disconnect();
      detachGestures();
      canvas.removeEventListener('webglcontextlost', onContextLost);
      canvas.removeEventListener('webglcontextrestored', onContextRestored);
      meshes?.dispose();
      meshes = null;
      backdrop.dispose();
      renderer.dispose();
      // Browsers cap live WebGL contexts; give this one back now rather than at garbage collection.
      renderer.forceContextLoss();
      canvas.remove();
      settle(false);
    },
  };
}
