/** The attract loop's playlist in real Chromium: a drifting 3D wall, people, a muted film and a story, in order; a touch in any of them goes home and leaves no WebGL context behind. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type TestInfo } from '@playwright/test';
import type { Content } from '../../src/content/schema';
import { workersOnWall } from '../../src/content/selectors';
import type { RunningServer } from '../../src/server/serve';
import type { WallStats } from '../../src/wall/honor-wall';
import { chromiumLaunchOptions } from './browser';
import {
  DEMO_SOURCE,
  bootToHome,
  buildDemoFeed,
  expect,
  serveKiosk,
  test,
  waitForScene,
} from './kiosk';

/** The loop under test: short segments, so one test sees every kind several times. */
const PLAYLIST = [
  { wall: 'model-workers', seconds: 12 },
  { people: 2, seconds: 6 },
  { film: 'he-jun', seconds: 6 },
  { story: 'zhou-min', seconds: 8 },
] as const;
const KINDS = ['wall', 'people', 'film', 'story'] as const;
/** Nobody there for 5 s (the shortest idle time a kiosk accepts), then one second of countdown. */
const QUICK = '?idleSeconds=5&countdownSeconds=1';

let work = '';
let server: RunningServer;
let content: Content;

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-attract-'));
  const source = join(work, 'source');
  await cp(DEMO_SOURCE, source, { recursive: true });
  content = JSON.parse(await readFile(join(source, 'content.json'), 'utf8')) as Content;
  content.attract.playlist = PLAYLIST.map((s) => ({ ...s }));
  await writeFile(join(source, 'content.json'), JSON.stringify(content, null, 2));
  await buildDemoFeed(join(work, 'feed'), source);
  server = await serveKiosk(join(work, 'feed'));
});

test.afterAll(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Counts every WebGL context the page makes, and says which are still alive and on the page. */
async function watchContexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const made: (WebGLRenderingContext | WebGL2RenderingContext)[] = [];
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: never[]) {
      const ctx = (getContext as (...a: unknown[]) => unknown).apply(this, args);
      if (
        (ctx instanceof WebGLRenderingContext || ctx instanceof WebGL2RenderingContext) &&
        !made.includes(ctx)
      )
        made.push(ctx);
      return ctx;
    } as typeof getContext;
    (window as unknown as { glContexts: () => unknown }).glContexts = () => ({
      made: made.length,
      alive: made.filter((c) => !c.isContextLost()).length,
      onPage: made.filter((c) => c.canvas instanceof HTMLCanvasElement && c.canvas.isConnected)
        .length,
    });
  });
}

const contexts = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { glContexts: () => { made: number; alive: number; onPage: number } }
    ).glContexts(),
  );

/** Waits for segment `index` of the playlist on the attract screen. */
async function waitForSegment(page: Page, index: number, timeout = 30_000): Promise<void> {
  await page
    .locator(`[data-scene="attract"] [data-step="${index}"][data-segment="${KINDS[index]}"]`)
    .waitFor({ timeout });
}

async function shoot(page: Page, info: TestInfo, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: info.outputPath(`attract-${name}-${width}x${height}.png`) });
}

/**
 * A visitor's touch during the loop: home comes at once, the loop and its WebGL context are gone.
 * Returns the segment the touch met and how long after it the loop was gone from the page.
 */
async function touchGoesHome(page: Page): Promise<{ step: number; ms: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { touchedAt?: number; goneAt?: number; step?: number };
    delete w.touchedAt;
    delete w.goneAt;
    addEventListener('pointerdown', (e) => (w.touchedAt = e.timeStamp), {
      capture: true,
      once: true,
    });
    // The segment on screen until the loop leaves is the one the touch met.
    const stepOnScreen = () =>
      document.querySelector('[data-scene="attract"] [data-step]')?.getAttribute('data-step');
    w.step = Number(stepOnScreen());
    const seen = new MutationObserver(() => {
      const step = stepOnScreen();
      if (step) w.step = Number(step);
      if (document.querySelector('[data-scene="attract"]')) return;
      w.goneAt = performance.now();
      seen.disconnect();
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
  const { width, height } = page.viewportSize()!;
  await page.touchscreen.tap(width / 2, height / 3);
  await waitForScene(page, 'home', 5_000);
  await expect(page.locator('[data-scene="attract"]')).toHaveCount(0);
  await expect(page.locator('[data-scene="home"]')).toBeVisible();
  expect(await page.locator('canvas').count()).toBe(0);
  // The wall's context is given back just after home is painted (off the touch's path).
  await expect.poll(async () => (await contexts(page)).alive, { timeout: 3_000 }).toBe(0);
  expect((await contexts(page)).onPage).toBe(0);
  return page.evaluate(() => {
    const w = window as unknown as { touchedAt: number; goneAt: number; step: number };
    return { step: w.step, ms: w.goneAt - w.touchedAt };
  });
}

test('the playlist plays in order, each segment real, and a touch in any of them goes home', async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await watchContexts(page);
  const wall = content.walls.find((w) => w.id === PLAYLIST[0].wall)!;
  const zhou = content.workers.find((w) => w.id === PLAYLIST[3].story)!;
  const chapters = zhou.chapters!.toSorted((a, b) => a.year - b.year);
  const touches: Record<string, number> = {};
  await bootToHome(page, `${server.url}/${QUICK}`);

  // 1. Wall: the 3D wall of that wall's people, drifting (the view moves by itself).
  await waitForScene(page, 'attract', 30_000);
  await waitForSegment(page, 0);
  await expect(page.locator('[data-segment="wall"] canvas')).toHaveCount(1);
  const stats = () => page.evaluate(() => window.kiosk!.wallStats() as WallStats | null);
  await expect
    .poll(async () => (await stats())?.onScreen ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(0);
  const first = (await stats())!;
  expect(first.cards).toBe(workersOnWall(content, wall).length);
  const attract = page.locator('[data-scene="attract"]');
  await expect(attract.getByText(wall.title['zh-CN'])).toBeVisible();
  // The hall's name and the invitation stay over every segment.
  await expect(attract.getByText(content.hall.name['zh-CN'])).toBeVisible();
  await expect(attract.getByText(content.attract.message['zh-CN'])).toBeVisible();
  // It drifts: the view moves by itself (after its entrance), with the cards drawn in full.
  await expect
    .poll(async () => JSON.stringify((await stats())?.nav), { timeout: 10_000 })
    .not.toBe(JSON.stringify(first.nav));
  await expect.poll(async () => (await stats())?.detailDrawn ?? 0).toBeGreaterThan(0);
  await shoot(page, info, 'wall');

  // 2. People: featured people with their names.
  await waitForSegment(page, 1);
  // The wall's WebGL context went with its segment, not only with the loop.
  await expect.poll(async () => (await contexts(page)).alive).toBe(0);
  const name = (await page.locator('[data-segment="people"] .name').textContent())!;
  expect(content.workers.some((w) => w.name['zh-CN'] === name)).toBe(true);
  await page.waitForTimeout(1_500); // arrived (each person fades in)
  await shoot(page, info, 'people');

  // 3. Film: muted, playing (its time moves), without controls.
  await waitForSegment(page, 2);
  const video = page.locator('[data-segment="film"] video');
  const playing = () =>
    video.evaluate((v: HTMLVideoElement) => ({
      t: v.currentTime,
      muted: v.muted,
      paused: v.paused,
      controls: v.controls,
    }));
  await expect.poll(async () => (await playing()).t, { timeout: 4_000 }).toBeGreaterThan(0.3);
  const t0 = (await playing()).t;
  await expect.poll(async () => (await playing()).t, { timeout: 3_000 }).toBeGreaterThan(t0);
  expect(await playing()).toMatchObject({ muted: true, paused: false, controls: false });
  await shoot(page, info, 'film');

  // 4. Story: the person's chapters, one after another, their words on screen.
  await waitForSegment(page, 3);
  const titles = chapters.map((c) => c.title['zh-CN']);
  const shownChapter = () =>
    page
      .locator('[data-segment="story"] [data-chapter]')
      .evaluateAll((els) =>
        els
          .filter((e) => Number(getComputedStyle(e).opacity) > 0.9 && e.checkVisibility())
          .map((e) => e.querySelector('h2')?.textContent ?? ''),
      );
  await expect.poll(async () => (await shownChapter())[0] ?? '').toBe(titles[0]);
  await shoot(page, info, 'story');
  // …and the next ones follow by themselves (which one is on screen depends on the machine's pace).
  await expect
    .poll(async () => titles.indexOf((await shownChapter())[0] ?? ''), { timeout: 5_000 })
    .toBeGreaterThan(0);

  // …and round again, to the wall; the film and the wall before it left no context alive.
  await waitForSegment(page, 0);
  await expect
    .poll(async () => (await stats())?.detailDrawn ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(0);
  expect((await contexts(page)).alive).toBe(1);
  let touch = await touchGoesHome(page);
  touches[`${KINDS[touch.step]}`] = touch.ms;

  // The loop counts nothing: its film is no visitor's film, its wall no wall opened. (The touch
  // that ended it, after a quiet spell, is a visit: the book is read, not empty by accident.)
  const book = (await page.evaluate(() => window.kiosk!.stats())) as Record<
    string,
    Record<string, number[]>
  >;
  const counted = (event: string) =>
    Object.values(book).reduce((n, day) => n + (day[event]?.reduce((a, b) => a + b, 0) ?? 0), 0);
  expect(counted('session')).toBe(1);
  expect(counted('film-started')).toBe(0);
  expect(counted('film-finished')).toBe(0);
  expect(counted('story-finished')).toBe(0);
  expect(counted('wall')).toBe(0);

  // Upright screen. Each loop begins after the segment a visitor interrupted (so a busy hall
  // still sees the whole playlist in turn); a touch meets each kind of segment.
  await page.setViewportSize({ width: 1080, height: 1920 });
  const met = new Set<number>();
  for (let visits = 0; met.size < KINDS.length && visits < 8; visits++) {
    const next = (touch.step + 1) % KINDS.length;
    await waitForScene(page, 'attract', 30_000);
    await waitForSegment(page, next, 5_000);
    if (KINDS[next] === 'wall')
      await expect
        .poll(async () => (await stats())?.detailDrawn ?? 0, { timeout: 15_000 })
        .toBeGreaterThan(0);
    else await page.waitForTimeout(1_500); // settled, as a visitor walking up meets it
    if (!met.has(next)) await shoot(page, info, KINDS[next]!);
    touch = await touchGoesHome(page);
    met.add(touch.step);
    touches[`${KINDS[touch.step]} upright`] = touch.ms;
  }
  expect([...met].sort()).toEqual([0, 1, 2, 3]);
  console.log('touch → attract gone (ms):', touches);
  // The 100 ms goal is measured by `npm run bench -- attract` (a timed assertion here would flake
  // on a shared machine whose software renderer draws the wall); here, home came at once.
  for (const ms of Object.values(touches)) expect(ms).toBeLessThan(2000);
  expect(errors).toEqual([]);
});

test('a screen without WebGL skips the wall at once and plays the rest; staff are told once', async () => {
  const browser = await chromium.launch({
    ...chromiumLaunchOptions(),
    args: [...chromiumLaunchOptions().args, '--disable-webgl', '--disable-3d-apis'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      hasTouch: true,
      locale: 'zh-CN',
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await bootToHome(page, `${server.url}/${QUICK}`);
    await waitForScene(page, 'attract', 30_000);
    // Straight to the people: the wall gave way without an empty screen in between.
    await waitForSegment(page, 1, 5_000);
    expect(await page.locator('canvas').count()).toBe(0);
    const skipped = async () =>
      (await page.evaluate(() => window.kiosk!.log())).filter((e) => e.code === 'attract-skipped');
    await expect.poll(async () => (await skipped()).length).toBe(1);
    expect((await skipped())[0]!.message).toContain('wall "model-workers"');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
