/**
 * A long visit made of many short ones: scripted visitor steps chosen by what is on screen (walls,
 * layouts, people, stories, films, history, language, idle resets and the attract loop), with
 * samples of heap after GC, DOM nodes, listeners and the wall's GPU counters. Shared by
 * `npm run bench -- soak` (thousands of steps) and the short soak in the browser tests.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface SoakSample {
  step: number;
  /** The scene on screen when the sample was taken. */
  scene: string;
  heapMb: number;
  nodes: number;
  listeners: number;
  /**
   * The renderer's textures, geometries and texture bytes of the last wall the visitor had open
   * since the previous sample (samples are taken on the attract loop, with no wall), else null.
   */
  textures: number | null;
  geometries: number | null;
  textureMb: number | null;
}

export interface SoakOptions {
  steps: number;
  sampleEvery: number;
  /** Called at these steps (e.g. to publish a new pack); the soak goes on while it goes live. */
  at?: Record<number, () => Promise<void>>;
  /** Every this many steps the visitor walks away and the idle reset runs (real time). */
  idleEvery: number;
  idleWaitMs: number;
  /** Person ids a visitor may tap on the walls (`worker:<id>` are located through the seam). */
  people: string[];
  seed?: number;
  log?: (line: string) => void;
}

/** Deterministic choices (mulberry32), so a soak can be rerun step for step. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rect = { x: number; y: number; width: number; height: number };

export async function soak(page: Page, opts: SoakOptions): Promise<SoakSample[]> {
  const rand = random(opts.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const samples: SoakSample[] = [];

  const locate = (id: string) =>
    page.evaluate((t) => window.kiosk?.locate(t) ?? null, id) as Promise<Rect | null>;
  const tapAt = async (r: Rect) => page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  /** Taps the first of `ids` on screen; false when none is. */
  const tapAny = async (ids: string[]) => {
    for (const id of ids) {
      const r = await locate(id);
      if (r) {
        await tapAt(r);
        return true;
      }
    }
    return false;
  };
  const scene = async () => page.evaluate(() => window.kiosk?.state().scene ?? 'boot');
  let lastWall: WallCounters = null;

  for (let step = 1; step <= opts.steps; step++) {
    await opts.at?.[step]?.();
    if (step % opts.idleEvery === 0) {
      await page.waitForTimeout(opts.idleWaitMs); // walks away: countdown, reset, attract
      // On a loaded machine the reset can land after the wait: every sample then sees the same screen.
      await page.waitForFunction(
        () => ['attract', 'closed'].includes(window.kiosk?.state().scene ?? ''),
        null,
        { timeout: 60_000 },
      );
    } else {
      const now = await scene();
      switch (now) {
        case 'attract':
        case 'closed':
          await page.touchscreen.tap(200, 200);
          break;
        case 'home':
          if (
            !(await tapAny([
              pick([
                'control:wall-model-workers',
                'control:wall-craftsmen',
                'control:history',
                'control:language',
              ]),
            ]))
          )
            await tapAny(['control:wall-model-workers', 'control:history']);
          break;
        case 'wall': {
          lastWall = (await page.evaluate(() => window.kiosk?.wallStats() ?? null)) as WallCounters;
          const r = rand();
          // A few people the visitor might reach for; whoever of them is on screen is tapped.
          const reach = Array.from({ length: 6 }, () => `worker:${pick(opts.people)}`);
          if (r < 0.5 && (await tapAny(reach))) break;
          if (r < 0.5) await tapAny(['control:zoom-in']);
          else if (r < 0.7)
            await tapAny([
              pick([
                'control:layout-grid',
                'control:layout-cylinder',
                'control:layout-helix',
                'control:layout-sphere',
              ]),
            ]);
          else if (r < 0.85)
            await tapAny([pick(['control:zoom-in', 'control:zoom-out', 'control:overview'])]);
          else await tapAny(['control:back', 'control:home']);
          break;
        }
        case 'person':
          await tapAny([
            pick(['control:story', 'control:video-0', 'control:back', 'control:back']),
          ]);
          break;
        case 'story':
        case 'history':
          if (rand() < 0.75) {
            if (!(await tapAny(['control:next']))) await tapAny(['control:back', 'control:home']);
          } else await tapAny(['control:back', 'control:home']);
          break;
        case 'video':
          await page.waitForTimeout(400);
          await tapAny(['control:back']);
          break;
        default:
          await page.waitForTimeout(200);
      }
      await page.waitForTimeout(60);
    }
    if (step % opts.sampleEvery === 0) {
      const s = await sample(page, cdp, step, lastWall);
      lastWall = null;
      samples.push(s);
      opts.log?.(
        `step ${step}: heap ${s.heapMb.toFixed(1)} MB, ${s.nodes} nodes, ${s.listeners} listeners, last wall: ${s.textures ?? '–'} textures (${s.textureMb?.toFixed(1) ?? '–'} MB), ${s.geometries ?? '–'} geometries; scene ${s.scene}`,
      );
    }
  }
  await cdp.detach();
  return samples;
}

/** What the wall reports of its renderer (`renderer.info` and its own texture accounting). */
type WallCounters = { textures: number; geometries: number; textureBytes: number } | null;

async function sample(
  page: Page,
  cdp: CDPSession,
  step: number,
  wall: WallCounters,
): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as {
    nodes: number;
    jsEventListeners: number;
  };
  // The attract loop resumes where the last visitor left it, so samples meet different segments
  // (a wall's canvas, a story's chapters, a film): the live nodes of the segment on screen are
  // left out, so what is compared is the rest of the page and anything detached but still held.
  const segmentNodes = await page.evaluate(() => {
    const segment = document.querySelector('[data-segment]');
    if (!segment) return 0;
    const walker = document.createTreeWalker(segment, NodeFilter.SHOW_ALL);
    let n = 1;
    while (walker.nextNode()) n++;
    return n;
  });
  return {
    step,
    scene: await page.evaluate(() => window.kiosk?.state().scene ?? 'boot'),
    heapMb: heap.usedSize / 1048576,
    nodes: dom.nodes - segmentNodes,
    listeners: dom.jsEventListeners,
    textures: wall?.textures ?? null,
    geometries: wall?.geometries ?? null,
    textureMb: wall ? wall.textureBytes / 1048576 : null,
  };
}

/** Growth from the first sample after warm-up to the mean of the last quarter, and the slope over the second half. */
export function growth(samples: SoakSample[], key: 'heapMb' | 'nodes' | 'listeners') {
  const warm = samples[Math.min(samples.length - 1, Math.floor(samples.length / 10))]!;
  const half = samples.slice(Math.floor(samples.length / 2));
  const tail = samples.slice(Math.floor((samples.length * 3) / 4));
  const mean = (xs: SoakSample[]) => xs.reduce((n, s) => n + s[key], 0) / xs.length;
  const n = half.length;
  const mx = half.reduce((a, s) => a + s.step, 0) / n;
  const my = mean(half);
  const slope =
    half.reduce((a, s) => a + (s.step - mx) * (s[key] - my), 0) /
    Math.max(
      1e-9,
      half.reduce((a, s) => a + (s.step - mx) ** 2, 0),
    );
  return {
    first: warm[key],
    last: mean(tail),
    ratio: mean(tail) / Math.max(1e-9, warm[key]),
    slopePer1000: slope * 1000,
  };
}
