/** The wall without 3D: the roll of honour (名录) of name-only people, and the flat wall when WebGL is missing. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { pinyin } from 'pinyin-pro';
import { generatePackSource } from '../../scripts/gen-pack';
import type { Content } from '../../src/content/schema';
import type { RunningServer } from '../../src/server/serve';
import { chromiumLaunchOptions } from './browser';
import { bootToHome, buildDemoFeed, expect, serveKiosk, tap, test, waitForScene } from './kiosk';

let feed = '';
let content: Content;

test.beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-roster-'));
  const { dir } = await generatePackSource({
    people: 600,
    out: join(work, 'src'),
    rosterOnly: true,
  });
  content = JSON.parse(await readFile(join(dir, 'content.json'), 'utf8')) as Content;
  feed = join(work, 'feed');
  await buildDemoFeed(feed, dir);
});

async function withServer(run: (server: RunningServer) => Promise<void>): Promise<void> {
  const server = await serveKiosk(feed);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

/** Initials a visitor would type for a name: 张小明 → ZXM (surnames read as surnames). */
const initials = (name: string) =>
  pinyin(name, { mode: 'surname', pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toUpperCase();

test('a name-only person found in the roll of honour with the pinyin pad opens', async ({
  page,
}) => {
  await withServer(async (server) => {
    const person = content.workers.find(
      (w) => w.id.startsWith('gen-') && !w.portrait && /^[\u4e00-\u9fff]{3}$/.test(w.name['zh-CN']),
    )!;
    expect(
      person,
      'the generated roster should hold a three-character name-only person',
    ).toBeTruthy();
    const wall = content.walls[0]!;
    await bootToHome(page, server.url);
    await tap(page, `control:wall-${wall.id}`);
    await waitForScene(page, 'wall');
    await tap(page, 'control:mode-roster');
    await tap(page, 'control:open-search');
    for (const letter of initials(person.name['zh-CN'])) await tap(page, `control:key-${letter}`);
    await tap(page, 'control:pad-close');
    // The count says how many names answer to those letters, and the person is among the entries shown.
    await expect(page.getByTestId('wall-count')).toContainText('/');
    await tap(page, `worker:${person.id}`);
    await waitForScene(page, 'person');
    await expect(page.locator('h2.name .first')).toHaveText(person.name['zh-CN']);
    // Back: the visitor is in the roll of honour again, with their search.
    await tap(page, 'control:back');
    await waitForScene(page, 'wall');
    await expect(page.locator('[data-locate="control:mode-wall"]')).toBeVisible();
    await expect(page.locator('[data-locate="control:open-search"]')).toContainText(
      initials(person.name['zh-CN']),
    );
  });
});

test('without WebGL the wall shows its people as a flat grid that filters and taps through', async () => {
  // A screen with no WebGL at all: its own browser, started with 3D switched off.
  const browser = await chromium.launch({
    ...chromiumLaunchOptions(),
    args: [...chromiumLaunchOptions().args, '--disable-webgl', '--disable-3d-apis'],
  });
  const page = await browser.newPage({
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
    locale: 'zh-CN',
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await withServer(async (server) => {
    const wall = content.walls[0]!;
    await bootToHome(page, server.url);
    await tap(page, `control:wall-${wall.id}`);
    await waitForScene(page, 'wall');
    await expect(page.getByText('本机以平面方式展示荣誉墙')).toBeVisible();
    expect(await page.locator('canvas').count()).toBe(0);
    // Virtualised: a few dozen entries in the page for 600 people.
    expect(await page.locator('.grid .entry').count()).toBeLessThan(120);
    await tap(page, 'control:open-filter');
    await tap(page, 'control:chip-level-national');
    await tap(page, 'control:filter-close');
    const national = content.workers.filter((w) => w.honors.some((h) => h.level === 'national'));
    const other = content.workers.find((w) => !w.honors.some((h) => h.level === 'national'))!;
    await expect(page.getByTestId('wall-count')).toContainText(`${national.length} /`);
    expect(await page.evaluate((id) => window.kiosk!.locate(`worker:${id}`), other.id)).toBeNull();
    const first = await page.evaluate(
      (ids) => ids.find((id) => window.kiosk!.locate(`worker:${id}`)) ?? null,
      national.map((w) => w.id),
    );
    expect(first).not.toBeNull();
    await tap(page, `worker:${first}`);
    await waitForScene(page, 'person');
    expect(errors).toEqual([]);
  }).finally(() => browser.close());
});
