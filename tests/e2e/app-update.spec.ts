/**
 * Scenario 9, app-shell updates: a new app version installs in the background and takes over
 * only while the kiosk is idle; a broken one leaves the old version running, offline too.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../src/server/serve';
import { DEMO_FEED, demoContent, expect, kioskState, tap, waitForScene } from './kiosk';

const OLD = '0.1.0+e2e.old';
const NEW = '0.1.0+e2e.new';
// Short timings: look for a new version every 5 s, take over after 5 s idle at home. The idle
// reset is far away (60 s) so a visitor on a wall stays there, and no attract loop.
const PARAMS =
  '?appCheckSeconds=5&appIdleCheckSeconds=5&activateAfterIdleSeconds=5&idleSeconds=60&countdownSeconds=5&attract=0';

let root: string;
/** The folder the server serves as the app: a symlink switched from one build to another. */
let served: string;
let newEntry: string;

/** `vite build` of the kiosk into `outDir` (never dist/, which other tests use), named `version`. */
function buildApp(outDir: string, version: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir'],
      {
        env: { ...process.env, KIOSK_APP_VERSION: version },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`vite build of ${version} exited with ${code}:\n${errors}`)),
    );
  });
}

/** Points the served folder at `build` in one step (a rename over the old link). */
async function publish(build: string): Promise<void> {
  const next = `${served}.next`;
  await symlink(join(root, build), next);
  await rename(next, served);
}

/** The script the page of a build loads first (`/assets/index-<hash>.js`). */
async function entryScript(build: string): Promise<string> {
  const html = await readFile(join(root, build, 'index.html'), 'utf8');
  return /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = await mkdtemp(join(tmpdir(), 'kiosk-app-update-'));
  served = join(root, 'served');
  // Two builds of the same source, told apart only by their version (so every hashed asset
  // holding it, and sw.js's precache list, differ as they would between two releases).
  await Promise.all([buildApp(join(root, 'old'), OLD), buildApp(join(root, 'new'), NEW)]);
  newEntry = await entryScript('new');
  // A half-copied upload of the new version: its page script is missing from the server.
  await cp(join(root, 'new'), join(root, 'broken'), { recursive: true });
  await unlink(join(root, 'broken', newEntry));
  // A new version whose service worker throws as it starts (a bad edit, a truncated sw.js).
  await cp(join(root, 'new'), join(root, 'throwing'), { recursive: true });
  const sw = join(root, 'throwing', 'sw.js');
  await writeFile(sw, `throw new Error('broken build');\n${await readFile(sw, 'utf8')}`);
});

test.afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Serves `old` and the demo feed on one port (the same origin across the swap). */
async function serveOld(): Promise<{ server: RunningServer; requests: string[] }> {
  await rm(served, { force: true });
  await publish('old');
  const server = await startServer({ appDir: served, feedDir: DEMO_FEED, port: 0 });
  const requests: string[] = [];
  server.server.on('request', (req: { url?: string }) => requests.push(req.url ?? ''));
  return { server, requests };
}

/** The seam's app status; null while the page is between documents (reloading into a version). */
const app = (page: Page) => page.evaluate(() => window.kiosk?.app() ?? null).catch(() => null);
const logEntry = (page: Page, code: string) =>
  page.evaluate(async (c) => (await window.kiosk!.log()).find((e) => e.code === c) ?? null, code);
const logCodes = async (page: Page) =>
  (await page.evaluate(() => window.kiosk!.log())).map((e) => e.code);

/** First boot of the old version: home with the feed's pack, under its service worker. */
async function bootOld(page: Page, url: string): Promise<void> {
  await page.goto(url + PARAMS);
  await waitForScene(page, 'home', 60_000);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect((await app(page))?.version).toBe(OLD);
  expect((await kioskState(page)).pack?.version).toBe(1);
}

test('app update: a new version installs while a visitor is busy and takes over once the kiosk is idle', async ({
  page,
}) => {
  const { server, requests } = await serveOld();
  try {
    const loads: number[] = [];
    page.on('load', () => loads.push(Date.now()));
    await bootOld(page, server.url);
    const wall = (await demoContent()).walls[0]!;

    // The server now has the new version; a visitor opens a wall.
    await publish('new');
    await tap(page, `control:wall-${wall.id}`);
    await waitForScene(page, 'wall');
    const loadsBefore = loads.length;
    // The regular look finds it; it downloads and waits, while the visitor stays on the wall.
    await expect
      .poll(
        async () => (loads.length > loadsBefore ? 'reloaded mid-visit' : (await app(page))?.update),
        {
          timeout: 30_000,
        },
      )
      .toBe('waiting');
    expect((await app(page))?.next).toBe(NEW);
    expect(
      await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
    ).toBe(true);
    // Untouched for longer than the idle time, but a wall is open: nobody pulls the screen away.
    await page.waitForTimeout(6_500);
    expect((await kioskState(page)).scene).toBe('wall');
    expect((await app(page))?.version).toBe(OLD);
    expect(loads.length).toBe(loadsBefore);

    // The visitor leaves for home; after 5 s of nobody there the new version takes over.
    await tap(page, 'control:home');
    await waitForScene(page, 'home');
    const leftAt = Date.now();
    await expect.poll(async () => (await app(page))?.version, { timeout: 30_000 }).toBe(NEW);
    expect(loads.length).toBe(loadsBefore + 1);
    expect(loads.at(-1)! - leftAt).toBeGreaterThanOrEqual(4_000);

    // Content still live: the stored pack on screen, a wall opens under the new version.
    await waitForScene(page, 'home', 30_000);
    expect((await kioskState(page)).pack?.version).toBe(1);
    await tap(page, `control:wall-${wall.id}`);
    await waitForScene(page, 'wall');
    // The reload came from what the background install stored: the new page script was
    // fetched from the server once, by the install, not again by the page.
    expect(requests.filter((u) => u === newEntry)).toHaveLength(1);
    const codes = await logCodes(page);
    expect(codes).toContain('app-update-ready');
    expect(codes).toContain('app-updated');
    expect(codes).not.toContain('app-update-failed');
  } finally {
    await server.close();
  }
});

test('app update: a broken new version fails to install; the old one keeps running, offline too, and staff are told', async ({
  page,
  context,
}) => {
  const { server } = await serveOld();
  try {
    await bootOld(page, server.url);
    await publish('broken');
    // The install fails on the missing file; the staff log names it in plain words.
    await expect
      .poll(() => logEntry(page, 'app-update-failed'), { timeout: 30_000 })
      .not.toBeNull();
    const failed = (await logEntry(page, 'app-update-failed'))!;
    expect(failed.level).toBe('error');
    expect(failed.message).toContain(`app version ${NEW} could not be installed`);
    expect(failed.message).toContain(`${newEntry} answered HTTP 404`);
    expect(failed.message).toContain(`Version ${OLD} stays`);
    expect(await app(page)).toMatchObject({ version: OLD, update: 'failed' });
    expect((await kioskState(page)).scene).toBe('home');

    // Next, a version whose sw.js throws as it starts: also logged, the old one stays.
    await publish('throwing');
    const failsToStart = () =>
      page.evaluate(async () =>
        (await window.kiosk!.log()).find(
          (e) => e.code === 'app-update-failed' && e.message.includes('fails to start'),
        ),
      );
    await expect.poll(failsToStart, { timeout: 30_000 }).toBeTruthy();
    expect((await failsToStart())!.message).toContain(`Version ${OLD} stays`);
    expect((await app(page))?.version).toBe(OLD);

    // The old version still boots with the network cut, and shows the stored pack.
    await context.setOffline(true);
    await page.reload();
    await waitForScene(page, 'home', 30_000);
    expect((await app(page))?.version).toBe(OLD);
    expect((await kioskState(page)).pack?.version).toBe(1);
    const wall = (await demoContent()).walls[0]!;
    await tap(page, `control:wall-${wall.id}`);
    await waitForScene(page, 'wall');
    expect(await logCodes(page)).toContain('app-update-failed');
  } finally {
    await context.setOffline(false);
    await server.close();
  }
});
