/**
 * Screenshots for the staff guide (docs/staff-guide.zh-CN.md): the kiosk on the demo feed and the
 * staff panel, taken in headless Chromium as a visitor and as staff would reach each screen, then
 * shrunk to ~960 px wide JPEGs in docs/images/.
 *
 *   npx tsx scripts/docs-shots.ts            # uses dist/ as built (builds it when missing)
 *   npx tsx scripts/docs-shots.ts --build    # rebuilds dist/ first
 *   npx tsx scripts/docs-shots.ts --only home,panel-log --out /tmp/shots
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { workersOnWall } from '../src/content/selectors';
import type { FeedIndex, Manifest } from '../src/feed/format';
import { chromiumLaunchOptions } from '../tests/e2e/browser';
import {
  buildDemoFeed,
  demoContent,
  publishDemoWithWelcome,
  serveKiosk,
  tap,
  waitForScene,
} from '../tests/e2e/kiosk';

const { values } = parseArgs({
  options: {
    build: { type: 'boolean' },
    out: { type: 'string', default: 'docs/images' },
    only: { type: 'string' },
    width: { type: 'string', default: '960' },
  },
});
const OUT = values.out!;
const WIDTH = Number(values.width);
const ONLY = values.only ? new Set(values.only.split(',')) : null;
const PIN = '2580';
/** Long enough that no idle countdown or attract loop comes over a screen while it is taken. */
const CALM = '/?idleSeconds=900&countdownSeconds=10';

/** Where the staff gesture is watched: see src/shell/staff-gesture.ts (96 px square, 5 taps). */
const CORNER_PX = 96;

function buildAppIfNeeded(): void {
  if (!values.build && existsSync('dist/index.html') && existsSync('dist/sw.js')) return;
  console.log('› building the kiosk (vite build)…');
  const vite = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
  if (vite.status !== 0) throw new Error('vite build failed');
}

/**
 * Shrinks a PNG screenshot to a JPEG no wider than WIDTH (portrait screens: 9/16 of it, so a
 * portrait shot is as tall as it is useful in a page) and writes it as `name`.jpg.
 */
async function save(name: string, png: Buffer, overlay?: Buffer): Promise<void> {
  if (ONLY && !ONLY.has(name)) return;
  let image = sharp(png);
  if (overlay)
    image = sharp(
      await image
        .composite([{ input: overlay }])
        .png()
        .toBuffer(),
    );
  const file = join(OUT, `${name}.jpg`);
  await image
    .resize({
      width: name.startsWith('portrait-') ? Math.round((WIDTH * 9) / 16) : WIDTH,
      withoutEnlargement: true,
    })
    .jpeg({ quality: 76, mozjpeg: true })
    .toFile(file);
  const { size } = await stat(file);
  console.log(`  ${file}  ${(size / 1024).toFixed(0)} KB`);
}

const shot = async (page: Page, name: string) => save(name, await page.screenshot());
const shotOf = async (target: Locator, name: string) => {
  await target.scrollIntoViewIfNeeded();
  await save(name, await target.screenshot());
};

/** A dashed gold square over the corner where staff tap, with a label, drawn over a home shot. */
function cornerOverlay(width: number, height: number): Buffer {
  const s = CORNER_PX;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect x="3" y="3" width="${s - 6}" height="${s - 6}" rx="6" fill="rgba(255,214,120,0.22)"
        stroke="#ffd678" stroke-width="5" stroke-dasharray="14 8"/>
  <path d="M ${s + 10} ${s / 2} L ${s + 60} ${s / 2}" stroke="#ffd678" stroke-width="5"/>
  <rect x="${s + 64}" y="${s / 2 - 38}" width="560" height="76" rx="14" fill="rgba(20,4,4,0.88)"
        stroke="#ffd678" stroke-width="3"/>
  <text x="${s + 88}" y="${s / 2 + 14}" font-family="Noto Sans CJK SC, sans-serif" font-size="40"
        font-weight="700" fill="#ffe7b0">3 秒内连续轻点 5 次</text>
</svg>`;
  return Buffer.from(svg);
}

/** Waits a moment for entrance animations to come to rest (GSAP and CSS both). */
async function settle(page: Page, ms = 1500): Promise<void> {
  await page.waitForTimeout(ms);
  await stillScreen(page, 15_000);
}

async function boot(page: Page, url: string, version: number): Promise<void> {
  await page.goto(url + CALM);
  await waitForScene(page, 'home', 120_000);
  await page.waitForFunction((v) => window.kiosk?.state().pack?.version === v, version, {
    timeout: 60_000,
  });
}

/**
 * The wall on screen has come to rest with its faces drawn: its entrance is over (a card of
 * `workerId` can be located, as a finger would need), the portraits' progress note has gone, and
 * the view has stopped moving. three.js on a software renderer takes a while, more so under load.
 */
async function wallDrawn(page: Page, workerId: string): Promise<void> {
  await page.waitForFunction((id) => window.kiosk?.locate(`worker:${id}`) != null, workerId, {
    timeout: 120_000,
  });
  await page
    .locator('[data-scene="wall"] .progress')
    .waitFor({ state: 'detached', timeout: 120_000 });
  await stillScreen(page);
}

/** A small grey thumbnail of the screen, to tell whether anything still moves. */
async function thumbnail(page: Page): Promise<Buffer> {
  return sharp(await page.screenshot())
    .resize({ width: 160 })
    .greyscale()
    .raw()
    .toBuffer();
}

/**
 * Waits until two looks at the screen 700 ms apart are alike (a mean difference under half a
 * grey level): entrance animations, however slow the renderer, are over.
 */
async function stillScreen(page: Page, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let before = await thumbnail(page);
  while (Date.now() < until) {
    await page.waitForTimeout(700);
    const now = await thumbnail(page);
    let sum = 0;
    for (let i = 0; i < now.length; i++) sum += Math.abs(now[i]! - (before[i] ?? 0));
    if (sum / now.length < 0.5) return;
    before = now;
  }
}

async function cornerTaps(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    for (let i = 0; i < 5; i++) await page.touchscreen.tap(30 + i * 6, 36);
    const open = await page
      .waitForFunction(() => window.kiosk?.state().scene === 'staff', null, { timeout: 2000 })
      .then(
        () => true,
        () => false,
      );
    if (open) return;
  }
  throw new Error('the staff gesture did not open the PIN pad');
}

const at = (page: Page, id: string) => page.locator(`[data-locate="staff:${id}"]`);

async function press(page: Page, id: string): Promise<void> {
  await at(page, id).scrollIntoViewIfNeeded();
  await tap(page, `staff:${id}`);
}

async function typePin(page: Page): Promise<void> {
  await at(page, 'pin-1').waitFor();
  for (const digit of PIN) await press(page, `pin-${digit}`);
  await press(page, 'pin-ok');
}

/** The objects a feed's current pack lists, by path. */
async function packFiles(feed: string): Promise<Map<string, string>> {
  const index = JSON.parse(await readFile(join(feed, 'index.json'), 'utf8')) as FeedIndex;
  const manifest = JSON.parse(
    await readFile(join(feed, 'objects', index.manifest.sha256), 'utf8'),
  ) as Manifest;
  return new Map(manifest.files.map((f) => [f.sha256, f.path]));
}

/**
 * Removes the objects new in the feed's current pack, as an upload that sent index.json before
 * the rest leaves it for a while. Returns their paths.
 */
async function dropNewObjects(feed: string, before: Map<string, string>): Promise<string[]> {
  const dropped: string[] = [];
  for (const [sha, path] of await packFiles(feed)) {
    if (before.has(sha)) continue;
    await rm(join(feed, 'objects', sha));
    dropped.push(path);
  }
  return dropped;
}

/** A touch page of the given size on a fresh kiosk, booted to version 1 and settled. */
async function bootedPage(
  browser: Browser,
  url: string,
  width: number,
  height: number,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    hasTouch: true,
    locale: 'zh-CN',
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  await boot(page, url, 1);
  await settle(page, 2500);
  return page;
}

/** Visitors' screens, landscape: home (and the staff corner), a wall, a person, a story, a film, the history. */
async function visitorShots(browser: Browser, url: string): Promise<Page> {
  const content = await demoContent();
  const page = await bootedPage(browser, url, 1920, 1080);
  const home = await page.screenshot();
  await save('kiosk-home', home);
  await save('staff-corner', home, cornerOverlay(1920, 1080));

  const person = content.workers.find((w) => w.videos?.length && w.chapters?.length)!;
  const wall = content.walls.find((w) =>
    workersOnWall(content, w).some((x) => x.id === person.id),
  )!;
  // The wall shown is one in 3D (a drum, a spiral) where the demo has one; the grid is in portrait.
  const shown = content.walls.find((w) => w.layout && w.layout !== 'grid') ?? wall;
  await tap(page, `control:wall-${shown.id}`);
  await waitForScene(page, 'wall');
  await wallDrawn(page, workersOnWall(content, shown)[0]!.id);
  await shot(page, 'kiosk-wall');
  if (shown !== wall) {
    await tap(page, 'control:home');
    await waitForScene(page, 'home');
    await tap(page, `control:wall-${wall.id}`);
    await waitForScene(page, 'wall');
    await wallDrawn(page, person.id);
  }

  await tap(page, `worker:${person.id}`);
  await waitForScene(page, 'person');
  await settle(page);
  await shot(page, 'kiosk-person');

  await tap(page, 'control:story');
  await waitForScene(page, 'story');
  // The first chapter has come in: its year counted up to the end, every line fully shown.
  await page.waitForFunction(
    () => {
      const chapter = document.querySelector('[data-scene="story"] [data-locate="chapter:0"]');
      const year = chapter?.querySelector<HTMLElement>('.year[data-year]');
      const lines = [...(chapter?.querySelectorAll('[data-line]') ?? [])];
      return (
        year?.textContent?.trim() === year?.dataset.year &&
        lines.length > 0 &&
        lines.every((l) => getComputedStyle(l).opacity === '1')
      );
    },
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500);
  await shot(page, 'kiosk-story');
  await tap(page, 'control:back');
  await waitForScene(page, 'person');

  await tap(page, 'control:video-0');
  await waitForScene(page, 'video');
  await page.waitForFunction(
    () =>
      (document.querySelector<HTMLVideoElement>('[data-scene="video"] video')?.currentTime ?? 0) >
      3,
    null,
    { timeout: 30_000 },
  );
  await shot(page, 'kiosk-film');

  await tap(page, 'control:home');
  await waitForScene(page, 'home');
  await tap(page, 'control:history');
  await waitForScene(page, 'history');
  await settle(page, 2500);
  await shot(page, 'kiosk-history');
  await tap(page, 'control:home');
  await waitForScene(page, 'home');
  await settle(page);
  return page;
}

/** Staff's screens: the PIN pad, the panel after a new version went live, roll back, a failed check, the log. */
async function staffShots(page: Page, feed: string, work: string): Promise<void> {
  // Version 2 waits on the server, as after staff published it.
  await publishDemoWithWelcome(feed, work, 2, '欢迎来到劳模之家（第 2 版）。');

  await cornerTaps(page);
  await at(page, 'pin-pad').waitFor();
  await settle(page, 800);
  await shot(page, 'staff-pin-pad');
  await typePin(page);
  await page.getByText('请再次输入同一密码').first().waitFor();
  await typePin(page);
  await at(page, 'panel').waitFor();
  await settle(page, 800);

  await press(page, 'check-now');
  await at(page, 'last-check').filter({ hasText: '版本 2 已上线' }).waitFor({ timeout: 60_000 });
  await page.locator('.scroll').evaluate((el) => el.scrollTo(0, 0));
  await settle(page, 800);
  await shot(page, 'staff-panel');
  await shotOf(at(page, 'section-pack'), 'panel-pack');
  await shotOf(at(page, 'section-feed'), 'panel-feed');
  await shotOf(at(page, 'section-feed-settings'), 'panel-key');

  await press(page, 'rollback');
  await at(page, 'rollback-question').waitFor();
  await shotOf(at(page, 'section-pack'), 'panel-rollback');
  await press(page, 'rollback-cancel');

  // Version 3 is on its way to the server: index.json is there, its new content.json not yet.
  const v2 = await packFiles(feed);
  await publishDemoWithWelcome(feed, work, 3, '欢迎来到劳模之家（第 3 版）。');
  await dropNewObjects(feed, v2);
  await press(page, 'check-now');
  await at(page, 'last-check').filter({ hasText: '检查未成功' }).waitFor({ timeout: 60_000 });
  await settle(page, 3500); // the log is read again every few seconds
  await shotOf(at(page, 'section-log'), 'panel-log');
  await shotOf(at(page, 'section-visits'), 'panel-visits');
}

/** Portrait screens (1080×1920): home, a wall, a person. */
async function portraitShots(browser: Browser, url: string): Promise<void> {
  const content = await demoContent();
  const page = await bootedPage(browser, url, 1080, 1920);
  await shot(page, 'portrait-home');
  const wall = content.walls[0]!;
  await tap(page, `control:wall-${wall.id}`);
  await waitForScene(page, 'wall');
  await wallDrawn(page, workersOnWall(content, wall)[0]!.id);
  await shot(page, 'portrait-wall');
  const person = workersOnWall(content, wall).find((w) => w.chapters?.length)!;
  await tap(page, `worker:${person.id}`);
  await waitForScene(page, 'person');
  await settle(page);
  await shot(page, 'portrait-person');
  await page.context().close();
}

async function main(): Promise<void> {
  buildAppIfNeeded();
  await mkdir(OUT, { recursive: true });
  await mkdir('.cache', { recursive: true });
  const work = await mkdtemp(join('.cache', 'docs-shots-'));
  const feed = join(work, 'feed');
  await buildDemoFeed(feed);
  // A copy of the app: a build elsewhere (tests, other work) may replace dist/ while shots are taken.
  const app = join(work, 'app');
  await cp('dist', app, { recursive: true });
  const server = await serveKiosk(feed, app);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    console.log(`› kiosk at ${server.url}, shots into ${OUT}/`);
    const page = await visitorShots(browser, server.url);
    await staffShots(page, feed, work);
    // A fresh server on a fresh feed: the portrait kiosk boots on version 1 like the first.
    await rm(feed, { recursive: true, force: true });
    await buildDemoFeed(feed);
    await portraitShots(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
  const files = (await readdir(OUT)).filter((f) => f.endsWith('.jpg'));
  let total = 0;
  for (const f of files) total += (await stat(join(OUT, f))).size;
  console.log(`${files.length} images in ${OUT}/, ${(total / 1e6).toFixed(2)} MB in all`);
}

await main();
