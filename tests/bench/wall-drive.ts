/** Drives the kiosk's honour wall in a page for the wall benchmark: open it by its door, drag it, time its frames. */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type {} from '../../src/shell/test-seam'; // declares window.kiosk

/** The figures of `window.kiosk.wallStats()` this benchmark reads. */
export interface WallFigures {
  cards: number;
  shown: number;
  onScreen: number;
  layout: string;
  textures: number;
  textureBytes: number;
  drawCalls: number;
  pagesResident: number;
  pagesPending: number;
  detailPending: number;
  nav: Record<string, number>;
}

declare global {
  interface Window {
    /** When the first finger touched the screen after `openWall` armed it (performance.now()). */
    benchTapAt?: number;
    benchDraws?: number;
    /** Animation frames seen: [time, WebGL draw calls since the tick before]. */
    benchFrames?: { ticks: [number, number][]; on: boolean };
  }
}

const READY_TIMEOUT_MS = Number(process.env.WALL_BENCH_TIMEOUT_MS ?? 10 * 60_000);

/**
 * Waits for the home screen (a fresh profile downloads the pack first), then for the wall's code that home
 * fetches in idle time: a visitor looks at home for a moment before tapping, and the race is not the wall's cost.
 */
export async function bootToHome(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.kiosk?.state().scene === 'home', null, {
    timeout: READY_TIMEOUT_MS,
    polling: 250,
  });
  await page
    .waitForFunction(
      () =>
        performance.getEntriesByType('resource').some((e) => /\/WallScene-[^/]*\.js$/.test(e.name)),
      null,
      { timeout: 8000, polling: 100 },
    )
    .catch(() => {}); // named otherwise one day: then the first tap also pays for the code
  await sleep(500);
}

/** What opening a wall gave: times from the door tap, or a description of what the screen showed instead. */
export interface WallOpening {
  ready: number;
  /** Null when `kiosk:wall-settled` never came; `stuck` then says what the wall reported. */
  settled: number | null;
  stuck?: string;
}

/**
 * From home, taps the wall's door with a finger and waits for the wall to be ready and then settled.
 * Times are from the touch (as the page saw it) to the marks `kiosk:wall-ready` and `kiosk:wall-settled`.
 * A wall that never gets ready throws; one that never settles within `settleMs` after ready is reported.
 */
export async function openWall(page: Page, wallId: string, settleMs: number): Promise<WallOpening> {
  const door = await page.waitForFunction(
    (id) => window.kiosk?.locate(id) ?? null,
    `control:wall-${wallId}`,
    { timeout: 30_000 },
  );
  const r = (await door.jsonValue())!;
  await page.evaluate(() => {
    performance.clearMarks('kiosk:wall-ready');
    performance.clearMarks('kiosk:wall-settled');
    delete window.benchTapAt;
    // Inline: tsx would wrap a named function in a helper the page does not have.
    document.addEventListener('touchstart', () => (window.benchTapAt ??= performance.now()), {
      capture: true,
      once: true,
    });
  });
  await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  const mark = async (name: string, timeout: number): Promise<number | string> => {
    const seen = await page
      .waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, {
        timeout,
        polling: 50,
      })
      .then(
        () => null,
        // Say what the screen was doing: a wall that never gets there is a finding, not a flake.
        () =>
          page.evaluate(() =>
            JSON.stringify({ state: window.kiosk?.state(), wall: window.kiosk?.wallStats() }),
          ),
      );
    if (seen !== null) return `no ${name} mark ${timeout} ms on; the kiosk said ${seen}`;
    return page.evaluate(
      (n) => performance.getEntriesByName(n)[0]!.startTime - window.benchTapAt!,
      name,
    );
  };
  const ready = await mark('kiosk:wall-ready', READY_TIMEOUT_MS);
  if (typeof ready === 'string') throw new Error(`the wall never got ready: ${ready}`);
  const settled = await mark('kiosk:wall-settled', settleMs);
  return typeof settled === 'string'
    ? { ready, settled: null, stuck: settled }
    : { ready, settled };
}

/** The wall's own figures, or null when no 3D wall is up (the 2D stand-in, say). */
export function wallFigures(page: Page): Promise<WallFigures | null> {
  return page.evaluate(() => (window.kiosk?.wallStats() ?? null) as WallFigures | null);
}

/** The page's JS heap in bytes after a full garbage collection. */
export async function jsHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach();
  }
  return page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
}

/**
 * Counts WebGL draw calls in every page of `context` (install before the wall opens). The wall renders on
 * demand, so an animation frame in which it drew nothing is not one of its frames.
 */
export async function countDraws(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx names functions with a helper the page does not have.
  await context.addInitScript(`{
    window.benchDraws = 0;
    for (const C of [self.WebGL2RenderingContext, self.WebGLRenderingContext])
      for (const name of ['drawElementsInstanced', 'drawArraysInstanced', 'drawElements', 'drawArrays']) {
        const draw = C && C.prototype[name];
        if (draw) C.prototype[name] = function (...args) { window.benchDraws++; return draw.apply(this, args); };
      }
  }`);
}

/** Frame intervals (ms): between all animation frames, and between frames that followed WebGL drawing. */
export interface FrameRecord {
  all: number[];
  drawn: number[];
}

/**
 * Records animation frames while `during` runs; `during` may ask how many frames have drawn so far, so
 * that a very slow page is watched for long enough to give a median.
 */
export async function recordFrames(
  page: Page,
  during: (seen: () => Promise<{ all: number; drawn: number }>) => Promise<void>,
): Promise<FrameRecord> {
  await page.evaluate(`{
    const rec = (window.benchFrames = { ticks: [], on: true });
    const tick = (t) => {
      if (!rec.on) return;
      rec.ticks.push([t, window.benchDraws || 0]);
      window.benchDraws = 0;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }`);
  await during(() =>
    page.evaluate(() => {
      const ticks = window.benchFrames!.ticks;
      return { all: ticks.length, drawn: ticks.filter((k) => k[1] > 0).length };
    }),
  );
  const ticks = await page.evaluate(() => {
    window.benchFrames!.on = false;
    return window.benchFrames!.ticks;
  });
  // A tick sees the draws of the frame before it (the wall's callback may run after the recorder's).
  return {
    all: gaps(ticks.map((k) => k[0])),
    drawn: gaps(ticks.filter((k) => k[1] > 0).map((k) => k[0])),
  };
}

const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]!);

/**
 * Drags one finger back and forth across the middle of the wall (sweeps of ±30 % of its width) through
 * Chromium's touch input for `ms`, or longer until the wall has drawn `minFrames` frames (at most 30 s).
 * `moved` says whether the view changed during the drag.
 */
export async function dragFrames(
  page: Page,
  ms: number,
  minFrames = 8,
): Promise<FrameRecord & { moved: boolean }> {
  const box = await page.evaluate(() => {
    const r = document.querySelector('[data-scene="wall"] canvas')?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  });
  if (!box) throw new Error('no wall canvas to drag');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const reach = box.width * 0.3;
  const period = 1400;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y: cy, id: 1 }],
    });
  const navOf = () =>
    page.evaluate(() => JSON.stringify((window.kiosk?.wallStats() as WallFigures | null)?.nav));
  let moved = false;
  try {
    const before = await navOf();
    const frames = await recordFrames(page, async (seen) => {
      await touch('touchStart', cx);
      const start = Date.now();
      let nextCheck = 500;
      let enough = false;
      for (let t = 0; t < 30_000 && (t < ms || !enough); t = Date.now() - start) {
        await touch('touchMove', cx + reach * Math.sin((2 * Math.PI * t) / period));
        if (t >= nextCheck) {
          nextCheck += 500;
          moved ||= (await navOf()) !== before;
          enough = (await seen()).drawn > minFrames;
        }
        await sleep(8);
      }
      await touch('touchEnd', cx);
    });
    return { ...frames, moved };
  } finally {
    await detach(cdp);
  }
}

/** Taps a control of the wall (a layout, zoom) and waits until the wall has come to rest and loaded its view. */
export async function tapAndSettle(page: Page, control: string): Promise<void> {
  const handle = await page.waitForFunction((id) => window.kiosk?.locate(id) ?? null, control, {
    timeout: 30_000,
  });
  const r = (await handle.jsonValue())!;
  await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  await waitStill(page);
}

/** Polls until the view stops moving and nothing it wants is still loading (at least 1.5 s: transitions take ~1.2 s). */
export async function waitStill(page: Page, timeout = READY_TIMEOUT_MS): Promise<void> {
  const started = Date.now();
  let last = '';
  for (;;) {
    await sleep(400);
    const f = await wallFigures(page);
    if (!f) return;
    const now = JSON.stringify(f.nav) + f.onScreen;
    if (Date.now() - started > 1500 && now === last && f.pagesPending + f.detailPending === 0)
      return;
    if (Date.now() - started > timeout)
      throw new Error(`the wall did not come to rest in ${timeout} ms`);
    last = now;
  }
}

async function detach(cdp: CDPSession): Promise<void> {
  await cdp.detach().catch(() => {});
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
