/** Helpers for browser tests: build feeds, serve the kiosk, and act on screen like a visitor. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { buildPack } from '../../src/cli/build-pack';
import { readPrivateKey } from '../../src/cli/keys';
import type { Content } from '../../src/content/schema';
import type { FeedIndex, Manifest } from '../../src/feed/format';
import { startServer, type RunningServer } from '../../src/server/serve';
import type {} from '../../src/shell/test-seam'; // declares window.kiosk

export const DEMO_SOURCE = 'media/demo';
export const DEMO_KEY = 'media/demo/keys/demo.key';
export const DEMO_FEED = '.cache/e2e/demo-feed';

export async function buildDemoFeed(out: string, source = DEMO_SOURCE, version?: number) {
  return buildPack({ source, out, key: await readPrivateKey(DEMO_KEY), version });
}

/**
 * A fresh copy of the demo source under `work` whose welcome text (zh-CN) is `welcome`: the usual
 * "staff changed one line" for a new version. Returns the copy's folder.
 */
export async function demoSourceWithWelcome(work: string, welcome: string): Promise<string> {
  const source = await mkdtemp(join(work, 'source-'));
  await cp(DEMO_SOURCE, source, { recursive: true });
  const file = join(source, 'content.json');
  const content = JSON.parse(await readFile(file, 'utf8')) as Content;
  content.hall.welcome['zh-CN'] = welcome;
  await writeFile(file, JSON.stringify(content, null, 2));
  return source;
}

/** Publishes `version` of the demo into `feed`, changed only in its welcome text. */
export async function publishDemoWithWelcome(
  feed: string,
  work: string,
  version: number,
  welcome: string,
): Promise<void> {
  await buildDemoFeed(feed, await demoSourceWithWelcome(work, welcome), version);
}

export async function demoContent(): Promise<Content> {
  return JSON.parse(await readFile(`${DEMO_SOURCE}/content.json`, 'utf8')) as Content;
}

/** The manifest of the built demo feed (what a first boot downloads). */
export async function demoManifest(): Promise<Manifest> {
  const index = JSON.parse(await readFile(`${DEMO_FEED}/index.json`, 'utf8')) as FeedIndex;
  return JSON.parse(
    await readFile(`${DEMO_FEED}/objects/${index.manifest.sha256}`, 'utf8'),
  ) as Manifest;
}

/** A private copy of the demo feed a test may change (each test gets its own folder). */
export async function copyDemoFeed(to: string): Promise<string> {
  await cp(DEMO_FEED, to, { recursive: true });
  return to;
}

/** The built kiosk (`appDir`) and the feed folder on a free port. */
export function serveKiosk(feedDir: string, appDir = 'dist'): Promise<RunningServer> {
  return startServer({ appDir, feedDir, port: 0 });
}

/** Playwright's `test` with `server`: the built kiosk and the demo feed on a free port, closed after. */
export const test = base.extend<{ server: RunningServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their deps
  server: async ({}, use) => {
    const server = await serveKiosk(DEMO_FEED);
    await use(server);
    await server.close();
  },
});
export { expect };

type KioskState = { scene: string; pack: { id: string; version: number } | null; locale: string };

export async function kioskState(page: Page): Promise<KioskState> {
  return page.evaluate(() => window.kiosk!.state());
}

/** Waits until the kiosk shows `scene` (and a pack is live). */
export async function waitForScene(page: Page, scene: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((s) => window.kiosk?.state().scene === s, scene, { timeout });
}

/** Taps the centre of what the kiosk reports at `id`, once it is on screen, as a finger would. */
export async function tap(page: Page, id: string): Promise<void> {
  const handle = await page.waitForFunction((target) => window.kiosk?.locate(target) ?? null, id, {
    timeout: 30_000,
  });
  const rect = (await handle.jsonValue()) as {
    x: number;
    y: number;
    width: number;
    height: number;
  };
  await page.touchscreen.tap(rect.x + rect.width / 2, rect.y + rect.height / 2);
}

/**
 * Taps `id` until the kiosk shows `scene`. On a slow machine a test with short idle times may find
 * the idle countdown up when its tap lands (a first boot's pack can go live while home sits
 * untouched): that tap only dismisses the countdown, as it would for a visitor, or the attract
 * loop has begun. The visitor then wakes the screen and taps again.
 */
export async function tapInto(page: Page, id: string, scene: string, tries = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await tap(page, id);
    try {
      await waitForScene(page, scene, 10_000);
      return;
    } catch (error) {
      if (attempt >= tries) throw error;
    }
    if ((await kioskState(page)).scene === 'attract') {
      const size = page.viewportSize() ?? { width: 1920, height: 1080 };
      await page.touchscreen.tap(size.width / 2, size.height / 2);
      await waitForScene(page, 'home', 10_000);
    }
  }
}

/** From home, as a visitor: tap the wall's door, then the person's card on the wall. */
export async function openPerson(page: Page, wallId: string, workerId: string): Promise<void> {
  await tap(page, `control:wall-${wallId}`);
  await waitForScene(page, 'wall');
  await tap(page, `worker:${workerId}`);
  await waitForScene(page, 'person');
}

/** Boots a fresh kiosk at `url` and waits for the home screen with the given pack version live. */
export async function bootToHome(page: Page, url: string, version = 1): Promise<void> {
  await page.goto(url);
  await waitForScene(page, 'home', 120_000);
  await expect.poll(async () => (await kioskState(page)).pack?.version).toBe(version);
}

/**
 * Waits for the page to come to rest: two frames, then the entrances (animations and transitions of
 * at most 5 s) ended, for at most three seconds; endless ones (a breathing dot) and ambient ones that
 * last a reading time (a story picture's slow drift, autoplay's reading bar) are left running.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Two frames, or a second on a machine too busy to draw them (a software-rendered wall).
    await Promise.race([
      new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      new Promise((r) => setTimeout(r, 1000)),
    ]);
    const until = performance.now() + 3000;
    for (;;) {
      const left = until - performance.now();
      const running = document
        .getAnimations()
        .filter(
          (a) =>
            a.playState === 'running' &&
            Number(a.effect?.getComputedTiming().endTime ?? Infinity) <= 5000,
        );
      if (!running.length || left <= 0) break;
      await Promise.race([
        Promise.all(running.map((a) => a.finished.catch(() => undefined))),
        new Promise((r) => setTimeout(r, left)),
      ]);
    }
    await new Promise((r) => setTimeout(r, 150));
  });
}

/**
 * Fault injection: from the next page load, this browser's renderer throws whenever it is asked to
 * show a text containing `poison` (standing in for any bug that makes a screen fail to render).
 */
export async function chokeOnText(page: Page, poison: string): Promise<void> {
  await page.addInitScript((text) => {
    for (const [proto, key] of [
      [Node.prototype, 'textContent'],
      [Node.prototype, 'nodeValue'],
      [CharacterData.prototype, 'data'],
    ] as const) {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      Object.defineProperty(proto, key, {
        ...d,
        set(v: unknown) {
          if (String(v).includes(text)) throw new Error('the renderer choked');
          d.set!.call(this, v);
        },
      });
    }
  }, poison);
}

/** Switches the visitor's language with the on-screen switch, unless the kiosk is in it already. */
export async function setLocale(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  if ((await kioskState(page)).locale === locale) return;
  await tap(page, 'control:language');
  await expect.poll(async () => (await kioskState(page)).locale).toBe(locale);
}

/** A one-finger horizontal swipe through Chromium's real touch input (start, moves, end). */
export async function swipe(page: Page, from: { x: number; y: number }, dx: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number) => [{ x, y: from.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x) });
  for (let i = 1; i <= 8; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(from.x + (dx * i) / 8),
    });
  // The finger comes to rest before it lifts. A lift at speed starts a fling, and Chromium spends
  // the next tap on stopping that fling (no click); headless Chromium's fling may never end.
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 40));
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(from.x + dx),
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
