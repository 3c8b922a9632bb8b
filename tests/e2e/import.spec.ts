/**
 * Offline import (issue 6, point 7): a feed staff bring on a USB stick (a folder, or a folder handle)
 * or as a zip goes live at once with the hall's network gone, verified by the same stages as the
 * network; a tampered zip is refused, what is live stays live and the staff log says why.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { zipSync, type Zippable } from 'fflate';
import type { FeedIndex, Manifest } from '../../src/feed/format';
import type { RunningServer } from '../../src/server/serve';
import type { LogEntry } from '../../src/storage/staff-log';
import { DEMO_SOURCE, bootToHome, buildDemoFeed, expect, kioskState, test } from './kiosk';

const V1_WELCOME_START = '欢迎来到劳模之家';

/** A signed demo feed of `version` whose welcome text is `welcome`, built in `dir`. */
async function feedWithWelcome(work: string, dir: string, version: number, welcome: string) {
  const source = join(work, `source-v${version}`);
  await cp(DEMO_SOURCE, source, { recursive: true });
  const file = join(source, 'content.json');
  const content = JSON.parse(await readFile(file, 'utf8')) as {
    hall: { welcome: { 'zh-CN': string } };
  };
  content.hall.welcome['zh-CN'] = welcome;
  await writeFile(file, JSON.stringify(content, null, 2));
  await buildDemoFeed(dir, source, version);
  return dir;
}

/** Every file under `dir`, by its path relative to `dir`. */
async function filesUnder(dir: string): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      found.set(relative(dir, path), await readFile(path));
    }
  return found;
}

/** Live on demo v1 from its server, then the server stopped and the network cut. */
async function bootThenCutNetwork(page: Page, server: RunningServer): Promise<void> {
  await bootToHome(page, server.url, 1);
  await expect(page.locator('.welcome')).toContainText(V1_WELCOME_START);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await server.close();
  await page.context().setOffline(true);
  // Really cut: the feed cannot be reached from the page any more.
  const reached = await page.evaluate(() =>
    fetch('/feed/index.json', { cache: 'no-store' }).then(
      () => true,
      () => false,
    ),
  );
  expect(reached).toBe(false);
}

/** A hidden file input of the kind staff use (`webkitdirectory` for a folder), added to the page. */
async function addInput(page: Page, id: string, folder: boolean): Promise<string> {
  await page.evaluate(
    ({ id, folder }) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = id;
      input.hidden = true;
      input.webkitdirectory = folder;
      document.body.append(input);
    },
    { id, folder },
  );
  return `#${id}`;
}

/** Imports what the input at `selector` holds through the seam; the run's result. */
const importChosen = (page: Page, selector: string) =>
  page.evaluate(
    (s) => window.kiosk!.importFeed(document.querySelector<HTMLInputElement>(s)!.files!),
    selector,
  );

const log = (page: Page): Promise<LogEntry[]> => page.evaluate(() => window.kiosk!.log());

/** Live now: this version on screen, with this welcome text, and the log naming where it came from. */
async function liveFrom(page: Page, version: number, welcome: string, label: string) {
  expect((await kioskState(page)).pack).toMatchObject({ version, embedded: false });
  await expect(page.locator('.welcome')).toHaveText(welcome);
  const activated = (await log(page)).find((e) => e.code === 'activated');
  expect(activated?.message).toBe(`pack "demo" version ${version} from ${label} is now live`);
}

test.describe('offline import', () => {
  test.setTimeout(180_000);
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'kiosk-import-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('a feed folder on a USB stick goes live at once with the network gone, chosen as files or as a folder handle', async ({
    page,
    server,
  }) => {
    // The stick's root holds the feed folder and something else besides.
    const stick = join(work, 'KINGSTON');
    await feedWithWelcome(work, join(stick, 'feed'), 2, '第二版：从U盘导入');
    await writeFile(join(stick, 'readme.txt'), 'photos for the exhibition\n');
    await bootThenCutNetwork(page, server);

    const folder = await addInput(page, 'import-folder', true);
    await page.setInputFiles(folder, stick);
    const result = await importChosen(page, folder);
    expect(result).toMatchObject({ outcome: 'activated', version: 2 });
    await liveFrom(page, 2, '第二版：从U盘导入', 'the folder “KINGSTON/feed” chosen at the kiosk');

    // The same through a real directory handle (what the folder picker hands over): the
    // origin's private file system stands in for the stick, the feed again one folder down.
    const v3 = await filesUnder(await feedWithWelcome(work, join(work, 'v3'), 3, '第三版：文件夹'));
    const v3Result = await page.evaluate(
      async (files) => {
        const root = await navigator.storage.getDirectory();
        const stick = await root.getDirectoryHandle('STICK', { create: true });
        for (const [path, bytes] of Object.entries(files)) {
          let dir = await stick.getDirectoryHandle('feed', { create: true });
          const parts = path.split('/');
          const name = parts.pop()!;
          for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
          const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
          await writable.write(Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)));
          await writable.close();
        }
        return window.kiosk!.importFeed(stick);
      },
      Object.fromEntries(
        [...v3].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]),
      ),
    );
    expect(v3Result).toMatchObject({ outcome: 'activated', version: 3 });
    await liveFrom(page, 3, '第三版：文件夹', 'the folder “STICK/feed” chosen at the kiosk');
  });

  test('a zip of the feed goes live at once with the network gone; a tampered zip is refused and what is live stays live', async ({
    page,
    server,
  }) => {
    const v3 = await feedWithWelcome(work, join(work, 'v3'), 3, '第三版：压缩包');
    const v4 = await feedWithWelcome(work, join(work, 'v4'), 4, '第四版：被篡改');
    const index4 = JSON.parse(await readFile(join(v4, 'index.json'), 'utf8')) as FeedIndex;
    const manifest4 = JSON.parse(
      await readFile(join(v4, 'objects', index4.manifest.sha256), 'utf8'),
    ) as Manifest;
    const content4 = manifest4.files.find((f) => f.path === 'content.json')!.sha256;

    /**
     * The feed zipped with its folder inside, as a file manager zips a folder: the index and the
     * manifest deflated, the rest stored (as zip tools store what does not shrink).
     */
    const zipOf = async (feed: string, index: FeedIndex, name: string): Promise<string> => {
      const deflated = new Set(['index.json', `objects/${index.manifest.sha256}`]);
      const entries: Zippable = {};
      for (const [path, bytes] of await filesUnder(feed))
        entries[`feed/${path}`] = [bytes, { level: deflated.has(path) ? 6 : 0 }];
      await mkdir(join(work, 'zips'), { recursive: true });
      const file = join(work, 'zips', name);
      await writeFile(file, zipSync(entries));
      return file;
    };
    const index3 = JSON.parse(await readFile(join(v3, 'index.json'), 'utf8')) as FeedIndex;
    const good = await zipOf(v3, index3, 'feed-v3.zip');
    const tampered = await zipOf(v4, index4, 'feed-v4.zip');
    // One byte of the new content.json flipped inside the zip (stored, so its bytes are there as is).
    const bytes = await readFile(tampered);
    const object = await readFile(join(v4, 'objects', content4));
    const at = bytes.indexOf(object.subarray(0, 256));
    expect(at).toBeGreaterThan(0);
    bytes[at + Math.floor(object.length / 2)]! ^= 0x01;
    await writeFile(tampered, bytes);

    await bootThenCutNetwork(page, server);
    const input = await addInput(page, 'import-zip', false);
    await page.setInputFiles(input, good);
    expect(await importChosen(page, input)).toMatchObject({ outcome: 'activated', version: 3 });
    await liveFrom(page, 3, '第三版：压缩包', 'the zip file “feed-v3.zip” chosen at the kiosk');

    await page.setInputFiles(input, tampered);
    const refused = await importChosen(page, input);
    expect(refused).toMatchObject({ outcome: 'failed', version: 4 });
    expect(refused.reason).toContain('content.json does not match its SHA-256');
    // What is live stays live, and staff read what happened and where.
    await liveFrom(page, 3, '第三版：压缩包', 'the zip file “feed-v3.zip” chosen at the kiosk');
    const [latest] = (await log(page)).filter((e) => e.level === 'error');
    expect(latest?.message).toMatch(
      /^feed check of the zip file “feed-v4\.zip” chosen at the kiosk failed: .*content\.json does not match its SHA-256.*; what is live stays live$/,
    );
  });
});
