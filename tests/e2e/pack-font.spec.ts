/**
 * A kiosk whose system has no Chinese fonts still renders every name: the pack carries its own font.
 * Chromium runs here with a fontconfig that lists only DejaVu (Latin), so any character the page has
 * no font for is drawn as the same empty box. Each glyph is cut out of a real screenshot of the real
 * element and compared with its neighbours: boxes are identical, real glyphs are not.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { Content } from '../../src/content/schema';
import { workersOnWall } from '../../src/content/selectors';
import { PACK_FONT_FAMILY } from '../../src/feed/pack-font';
import { chromiumLaunchOptions } from './browser';
import {
  DEMO_SOURCE,
  bootToHome,
  buildDemoFeed,
  expect,
  kioskState,
  openPerson,
  serveKiosk,
  test,
  waitForScene,
} from './kiosk';

/** Below this mean difference two glyph images are the same picture (a box and a box). */
const SAME = 0.01;
/** Above it, two different characters were really drawn. */
const DIFFERENT = 0.05;

let work: string;
let browser: Browser;

test.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-pack-font-'));
  // A fontconfig that knows only the Latin DejaVu fonts: the kiosk OS without Chinese fonts.
  const conf = join(work, 'fonts.conf');
  await writeFile(
    conf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>${join(work, 'fontconfig-cache')}</cachedir>
</fontconfig>
`,
  );
  browser = await chromium.launch({
    ...chromiumLaunchOptions(),
    env: { ...process.env, FONTCONFIG_FILE: conf },
  });
});
test.afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

const kioskContext = (): Promise<BrowserContext> =>
  browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    serviceWorkers: 'allow',
    hasTouch: true,
  });

interface Glyph {
  ch: string;
  /** 24×24 grey levels of the character's box, as the screen shows it. */
  pixels: Buffer;
}

/** The first `limit` characters of the first text node under `selector`, cut out of a screenshot. */
async function glyphsOf(page: Page, selector: string, limit = 12): Promise<Glyph[]> {
  const boxes = await page
    .locator(selector)
    .first()
    .evaluate((el, limit) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode()!;
      const out: { ch: string; x: number; y: number; width: number; height: number }[] = [];
      let at = 0;
      for (const ch of [...node.textContent!].slice(0, limit)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + ch.length);
        const r = range.getBoundingClientRect();
        out.push({ ch, x: r.x, y: r.y, width: r.width, height: r.height });
        at += ch.length;
      }
      return out;
    }, limit);
  const glyphs: Glyph[] = [];
  for (const { ch, ...clip } of boxes) {
    const png = await page.screenshot({ clip, animations: 'disabled' });
    const pixels = await sharp(png).grayscale().resize(24, 24, { fit: 'fill' }).raw().toBuffer();
    glyphs.push({ ch, pixels });
  }
  return glyphs;
}

/** Mean absolute difference of two glyph images, 0 (same picture) to 1. */
const difference = (a: Buffer, b: Buffer) =>
  a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length / 255;

/** Every pair of the glyphs: [characters, difference]. */
function pairs(glyphs: Glyph[]): [string, number][] {
  const out: [string, number][] = [];
  glyphs.forEach((a, i) =>
    glyphs.slice(i + 1).forEach((b) => out.push([a.ch + b.ch, difference(a.pixels, b.pixels)])),
  );
  return out;
}

/** The glyphs once the element stops moving (scenes enter with a short animation). */
async function settledGlyphs(page: Page, selector: string, limit?: number): Promise<Glyph[]> {
  let last = await glyphsOf(page, selector, limit);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const now = await glyphsOf(page, selector, limit);
    if (now.every((g, k) => g.pixels.equals(last[k]!.pixels))) return now;
    last = now;
  }
  return last;
}

const expectAllDrawn = (glyphs: Glyph[]) =>
  expect(pairs(glyphs).filter(([, d]) => d < DIFFERENT)).toEqual([]);
const expectAllBoxes = (glyphs: Glyph[]) =>
  expect(pairs(glyphs).filter(([, d]) => d > SAME)).toEqual([]);

/** The pack font's faces on the page: weight and load status. */
const packFaces = (page: Page) =>
  page.evaluate(
    (family) =>
      [...document.fonts]
        .filter((f) => f.family.replace(/"/g, '') === family)
        .map((f) => ({ weight: f.weight, status: f.status }))
        .sort((a, b) => a.weight.localeCompare(b.weight)),
    PACK_FONT_FAMILY,
  );
const LOADED = [
  { weight: '400', status: 'loaded' },
  { weight: '700', status: 'loaded' },
];

test('this browser has no Chinese font of its own: different characters are the same box', async () => {
  const page = await browser.newPage();
  await page.setContent(
    `<p style="font: 700 64px 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif; margin: 20px">龚䶮堃返回</p>` +
      `<p style="font: 700 64px sans-serif; margin: 20px">AgQ</p>`,
  );
  expectAllBoxes(await glyphsOf(page, 'p'));
  expectAllDrawn(await glyphsOf(page, 'p:nth-of-type(2)')); // Latin is there, so the measure sees glyphs
  await page.close();
});

test("a rare-character name and the UI render in the pack's font, and a new pack brings its own", async () => {
  test.setTimeout(300_000);
  // The demo with a person named in rare characters (龚䶮堃: 䶮 is CJK Extension A).
  const source = join(work, 'source');
  await cp(DEMO_SOURCE, source, { recursive: true });
  const contentFile = join(source, 'content.json');
  const content = JSON.parse(await readFile(contentFile, 'utf8')) as Content;
  const wall = content.walls[0]!;
  const person = workersOnWall(content, wall)[0]!;
  const rename = async (zh: string) => {
    person.name['zh-CN'] = zh;
    await writeFile(contentFile, JSON.stringify(content, null, 2));
  };
  await rename('龚䶮堃');
  const feed = join(work, 'feed');
  await buildDemoFeed(feed, source, 1);
  const server = await serveKiosk(feed);
  const context = await kioskContext();
  const page = await context.newPage();
  try {
    await bootToHome(page, server.url, 1);
    expect(await packFaces(page)).toEqual(LOADED);

    await openPerson(page, wall.id, person.id);
    const name = 'h2.name .first';
    await expect(page.locator(name)).toHaveText('龚䶮堃');
    expectAllDrawn(await settledGlyphs(page, name));
    const back = '[data-locate="control:back"] .first';
    await expect(page.locator(back)).toHaveText('返回');
    expectAllDrawn(await settledGlyphs(page, back));

    // Staff publish a pack whose name has a character the first font does not have (㵘).
    await rename('龚䶮㵘');
    await buildDemoFeed(feed, source, 2);
    expect(await page.evaluate(() => window.kiosk!.checkNow())).toMatchObject({
      outcome: 'activated',
      version: 2,
    });
    await expect.poll(async () => (await kioskState(page)).pack?.version).toBe(2);
    await waitForScene(page, 'home');
    expect(await packFaces(page)).toEqual(LOADED); // the old faces are gone, the new ones loaded
    await openPerson(page, wall.id, person.id);
    await expect(page.locator(name)).toHaveText('龚䶮㵘');
    expectAllDrawn(await settledGlyphs(page, name));

    // The control, on the same screen: without the pack's faces the name is three identical boxes.
    await page.evaluate((family) => {
      for (const f of [...document.fonts])
        if (f.family.replace(/"/g, '') === family) document.fonts.delete(f);
    }, PACK_FONT_FAMILY);
    expectAllBoxes(await settledGlyphs(page, name));
  } finally {
    await context.close();
    await server.close();
  }
});

test('a first boot with no feed renders the built-in pack with the font it carries', async () => {
  test.setTimeout(180_000);
  const feed = join(work, 'empty-feed');
  await mkdir(feed, { recursive: true });
  const server = await serveKiosk(feed);
  const context = await kioskContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await waitForScene(page, 'home', 120_000);
    expect((await kioskState(page)).pack).toMatchObject({ version: 0, embedded: true });
    expect(await packFaces(page)).toEqual(LOADED);
    const welcome = page.locator('.welcome').first();
    await expect(welcome).not.toBeEmpty();
    // 欢迎来到劳: five different characters, each really drawn.
    const glyphs = await settledGlyphs(page, '.welcome', 5);
    expect(glyphs.map((g) => g.ch).join('')).toBe('欢迎来到劳');
    expectAllDrawn(glyphs);
  } finally {
    await context.close();
    await server.close();
  }
});
