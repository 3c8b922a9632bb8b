/**
 * Film benchmark: offline, films served from Cache Storage by the service worker. From a
 * visitor's tap on a film's button to its first frame on screen, and from a tap on the scrub bar
 * to the frame at the new position, both read from requestVideoFrameCallback. Each run reloads
 * the page first, so the film comes from storage and not from the renderer's media cache.
 * Targets: ≤ 300 ms to the first frame, ≤ 150 ms per seek.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { workersOnWall } from '../../src/content/selectors';
import { chromiumLaunchOptions } from '../e2e/browser';
import {
  buildDemoFeed,
  demoContent,
  openPerson,
  serveKiosk,
  tap,
  waitForScene,
} from '../e2e/kiosk';
import { quantile } from '../e2e/stats';

const FIRST_FRAME_TARGET_MS = 300;
const SEEK_TARGET_MS = 150;
/** Where on the bar the visitor taps in each run while the film plays, then once it is paused (far apart: each seek is a jump). */
const SEEK_PLAYING = [0.75, 0.25];
const SEEK_PAUSED = [0.6, 0.4];

/** What the page records between a touch and the frame it waits for (performance.now() times). */
interface Marks {
  tap?: number;
  /** When the compositor expects to show the frame (requestVideoFrameCallback). */
  shown?: number;
  mediaTime?: number;
  /** The player's element in the page (first frame only). */
  inserted?: number;
  /** The element said it has the current frame decoded: 'loadeddata' or 'seeked'. */
  decoded?: number;
}

/** Arms the page: the next touch's time, then the first frame of the film scene's player. */
async function armFirstFrame(page: Page): Promise<void> {
  await page.evaluate(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { bench: Record<string, number> }).bench = marks;
    addEventListener('pointerdown', (e) => (marks.tap = e.timeStamp), {
      capture: true,
      once: true,
    });
    const seen = new MutationObserver(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-scene="video"] video');
      if (!v) return;
      seen.disconnect();
      marks.inserted = performance.now();
      v.addEventListener('loadeddata', () => (marks.decoded = performance.now()), { once: true });
      v.requestVideoFrameCallback((_now, frame) => {
        marks.shown = frame.expectedDisplayTime;
        marks.mediaTime = frame.mediaTime;
      });
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * Arms the page: the next touch's time, then the first frame from the new position (at most a
 * second past `target`; the film was far from there). A playing film on a busy machine may
 * present a frame a little past the target first.
 */
async function armSeek(page: Page, target: number): Promise<void> {
  await page.evaluate((target) => {
    const marks: Record<string, number> = {};
    (window as unknown as { bench: Record<string, number> }).bench = marks;
    addEventListener('pointerdown', (e) => (marks.tap = e.timeStamp), {
      capture: true,
      once: true,
    });
    const v = document.querySelector<HTMLVideoElement>('[data-scene="video"] video')!;
    v.addEventListener('seeked', () => (marks.decoded = performance.now()), { once: true });
    const look: VideoFrameRequestCallback = (_now, frame) => {
      const d = frame.mediaTime - target;
      if (d > -0.05 && d < 1) {
        marks.shown = frame.expectedDisplayTime;
        marks.mediaTime = frame.mediaTime;
      } else v.requestVideoFrameCallback(look);
    };
    v.requestVideoFrameCallback(look);
  }, target);
}

/** The marks once the awaited frame has come. */
async function marksWhenShown(page: Page): Promise<Marks & { tap: number; shown: number }> {
  const handle = await page.waitForFunction(
    () => {
      const b = (window as unknown as { bench: Marks }).bench;
      return b.shown !== undefined && b.tap !== undefined && b.decoded !== undefined ? b : null;
    },
    null,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as Marks & { tap: number; shown: number };
}

/**
 * A visitor looks at a screen a moment before the next tap: the page has painted and its main
 * thread has been idle once (the wall just left, the person's portrait decoded).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(500);
  await page.evaluate(
    () => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 2000 })),
  );
}

/** From home, as a visitor: the wall, the person, then a timed tap on the film's button. */
async function tapToFirstFrame(page: Page, wallId: string, workerId: string) {
  await openPerson(page, wallId, workerId);
  await settle(page);
  await armFirstFrame(page);
  await tap(page, 'control:video-0');
  await waitForScene(page, 'video');
  const m = await marksWhenShown(page);
  return { ms: m.shown - m.tap, inserted: m.inserted! - m.tap, decoded: m.decoded! - m.tap };
}

/** Taps the scrub bar `fraction` along; ms from the touch to the first frame there. */
async function tapToSeekFrame(page: Page, fraction: number) {
  const box = (await page.locator('[data-locate="control:scrub"] .track').boundingBox())!;
  const duration = await page
    .locator('[data-scene="video"] video')
    .evaluate((v: HTMLVideoElement) => v.duration);
  const x = box.x + box.width * fraction;
  await settle(page);
  await armSeek(page, ((x - box.x) / box.width) * duration);
  await page.touchscreen.tap(x, box.y + box.height / 2);
  const m = await marksWhenShown(page);
  return { ms: m.shown - m.tap, decoded: m.decoded! - m.tap };
}

function summary(label: string, values: number[], target: number): string {
  const q = (p: number) => quantile(values, p);
  const med = q(0.5);
  const p95 = q(0.95);
  return (
    `${label} (${values.length}): median ${med.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
    `max ${Math.max(...values).toFixed(1)} ms; target ≤ ${target} ms, ` +
    `median/target ${(med / target).toFixed(2)}, p95/target ${(p95 / target).toFixed(2)}`
  );
}

/** `npm run bench -- video [--runs 10]` */
export async function videoBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: 'string', default: '10' } },
  });
  const runs = Number(values.runs);
  const content = await demoContent();
  const { wall, worker } = content.walls
    .flatMap((wall) =>
      workersOnWall(content, wall)
        .map((worker, i) => ({ wall, worker, i }))
        .filter(({ worker }) => worker.videos?.length),
    )
    .toSorted((a, b) => a.i - b.i)[0]!;

  const work = await mkdtemp(join(tmpdir(), 'kiosk-bench-video-'));
  const feed = join(work, 'feed');
  await buildDemoFeed(feed);
  const server = await serveKiosk(feed);
  const browser = await chromium.launch(chromiumLaunchOptions({ for: 'bench' }));
  const cold: number[] = [];
  const again: number[] = [];
  const seeks: number[] = [];
  const pausedSeeks: number[] = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      hasTouch: true,
      locale: 'zh-CN',
      serviceWorkers: 'allow',
    });
    // tsx compiles with keepNames, wrapping inner functions in `__name(…)`; the page needs it too.
    await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const page = await context.newPage();
    const calm = `${server.url}/?idleSeconds=900&countdownSeconds=10`;
    await page.goto(calm);
    await waitForScene(page, 'home', 120_000);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await server.close(); // from here on, only the kiosk's own storage answers
    await context.setOffline(true);
    console.log(
      `load average at the start: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    console.log(
      `film "${worker.videos![0]!.title.en}" (${worker.videos![0]!.file}), 1920×1080, offline, ${runs} runs`,
    );
    for (let run = 1; run <= runs; run++) {
      await page.reload();
      await waitForScene(page, 'home', 60_000);
      const first = await tapToFirstFrame(page, wall.id, worker.id);
      cold.push(first.ms);
      await page.waitForFunction(
        () =>
          (document.querySelector<HTMLVideoElement>('[data-scene="video"] video')?.currentTime ??
            0) > 0.5,
      );
      const runSeeks: { ms: number; decoded: number }[] = [];
      for (const at of SEEK_PLAYING) runSeeks.push(await tapToSeekFrame(page, at));
      await tap(page, 'control:film-play');
      await page.waitForSelector('[data-film-state="paused"]');
      for (const at of SEEK_PAUSED) runSeeks.push(await tapToSeekFrame(page, at));
      seeks.push(...runSeeks.slice(0, SEEK_PLAYING.length).map((s) => s.ms));
      pausedSeeks.push(...runSeeks.slice(SEEK_PLAYING.length).map((s) => s.ms));
      // The same film again in the same page: what the renderer kept makes this one warm.
      await tap(page, 'control:back');
      await waitForScene(page, 'person');
      await settle(page);
      await armFirstFrame(page);
      await tap(page, 'control:video-0');
      const warm = await marksWhenShown(page);
      again.push(warm.shown - warm.tap);
      await tap(page, 'control:home');
      await waitForScene(page, 'home');
      const seekText = runSeeks
        .map((s) => `${s.ms.toFixed(1)} (seeked ${s.decoded.toFixed(1)})`)
        .join(', ');
      console.log(
        `run ${run}: tap → first frame ${first.ms.toFixed(1)} ms (player in the page ` +
          `${first.inserted.toFixed(1)}, loadeddata ${first.decoded.toFixed(1)}); seeks ${seekText} ms ` +
          `(playing, playing, paused, paused); opened again ${(warm.shown - warm.tap).toFixed(1)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
  console.log('');
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log(summary('tap → first video frame, page fresh', cold, FIRST_FRAME_TARGET_MS));
  console.log(
    summary(
      'tap on the bar → frame at the new position, all',
      [...seeks, ...pausedSeeks],
      SEEK_TARGET_MS,
    ),
  );
  console.log(summary('  … while the film plays', seeks, SEEK_TARGET_MS));
  console.log(summary('  … while it is paused', pausedSeeks, SEEK_TARGET_MS));
  console.log(summary('tap → first frame, same film again', again, FIRST_FRAME_TARGET_MS));
}
