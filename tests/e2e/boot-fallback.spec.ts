/**
 * A boot never waits for ever: with no feed, the pack built into the app; with a stored pack that no
 * longer loads, the previous one or the built-in one, then a repair from the feed when it can.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  bootToHome,
  copyDemoFeed,
  expect,
  kioskState,
  serveKiosk,
  test,
  waitForScene,
  publishDemoWithWelcome,
} from './kiosk';

const lastLogs = (page: Page) => page.evaluate(() => window.kiosk!.log());

test('a first boot with no feed shows the pack built into the app, and the feed replaces it once there', async ({
  page,
}) => {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-embedded-'));
  const feed = join(work, 'feed');
  await mkdir(feed); // the hall has not published anything yet
  const server = await serveKiosk(feed);
  try {
    await page.goto(server.url);
    await waitForScene(page, 'home', 60_000);
    expect((await kioskState(page)).pack).toMatchObject({ version: 0, embedded: true });
    // The built-in pack is a whole hall: people, portraits served offline from the precache.
    await expect(page.locator('.welcome')).not.toBeEmpty();
    const logs = await lastLogs(page);
    expect(logs.find((e) => e.code === 'embedded')?.message).toMatch(
      /showing the pack built into the app/,
    );

    // Staff publish: the next check puts the feed's version 1 live in its place.
    await rm(feed, { recursive: true });
    await copyDemoFeed(feed);
    expect(await page.evaluate(() => window.kiosk!.checkNow())).toMatchObject({
      outcome: 'activated',
      version: 1,
    });
    await expect
      .poll(async () => (await kioskState(page)).pack)
      .toMatchObject({
        version: 1,
        embedded: false,
      });
    // And after a restart the feed's pack is what boots.
    await page.reload();
    await bootToHome(page, server.url, 1);
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('a stored pack that no longer loads falls back to the previous one, then the built-in one, and is repaired', async ({
  page,
}) => {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-fallback-'));
  const feed = await copyDemoFeed(join(work, 'feed'));
  const server = await serveKiosk(feed);
  try {
    await bootToHome(page, server.url, 1);
    await publishDemoWithWelcome(feed, work, 2, '第二版');
    expect(await page.evaluate(() => window.kiosk!.checkNow())).toMatchObject({
      outcome: 'activated',
      version: 2,
    });
    const v2Manifest = (
      JSON.parse(await readFile(join(feed, 'index.json'), 'utf8')) as {
        manifest: { sha256: string };
      }
    ).manifest.sha256;

    // Storage loses version 2's manifest while the hall is offline: version 1 (previous) shows.
    await evict(page, [v2Manifest]);
    await page.context().setOffline(true);
    await page.reload();
    await waitForScene(page, 'home', 60_000);
    expect((await kioskState(page)).pack).toMatchObject({ version: 1, embedded: false });
    const logs = await lastLogs(page);
    expect(logs.find((e) => e.code === 'load-failed')?.message).toMatch(
      /version 2 could not be loaded: the manifest .* missing/,
    );
    expect(logs.find((e) => e.code === 'fallback')?.message).toMatch(/previous pack, version 1/);

    // Version 1's manifest goes too: the pack built into the app, never the boot screen.
    const v1Manifest = await page.evaluate(async () => {
      const cache = await caches.open('kiosk-objects-v1');
      for (const key of await cache.keys()) {
        const text = await (await cache.match(key))!.text().catch(() => '');
        if (text.includes('"format": "kiosk-pack/1"') || text.includes('"format":"kiosk-pack/1"'))
          return new URL(key.url).pathname.split('/').pop()!;
      }
      return null;
    });
    expect(v1Manifest).not.toBeNull();
    await evict(page, [v1Manifest!]);
    await page.reload();
    await waitForScene(page, 'home', 60_000);
    await expect
      .poll(async () => (await kioskState(page)).pack, { timeout: 60_000 })
      .toMatchObject({ version: 0, embedded: true });

    // Back online: the next check repairs version 2 and it is on screen again.
    await page.context().setOffline(false);
    expect(await page.evaluate(() => window.kiosk!.checkNow())).toMatchObject({
      outcome: 'activated',
      version: 2,
    });
    await expect
      .poll(async () => (await kioskState(page)).pack)
      .toMatchObject({ version: 2, embedded: false });
    await expect(page.locator('.welcome')).toHaveText('第二版');
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

async function evict(page: Page, shas: string[]): Promise<void> {
  await page.evaluate(async (list) => {
    const cache = await caches.open('kiosk-objects-v1');
    for (const sha of list) await cache.delete(`/objects/${sha}`);
  }, shas);
}

test('stored content damaged on disk is dropped and fetched again, not called up to date', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url, 1);
  await page.evaluate(async () => {
    const cache = await caches.open('kiosk-objects-v1');
    for (const key of await cache.keys()) {
      const res = await cache.match(key);
      if (res?.headers.get('content-type') !== 'application/json') continue;
      const text = await res.text();
      if (!text.includes('"walls"')) continue;
      // Same key, other bytes: what a damaged disk sector or a bad copy leaves behind.
      await cache.put(key, new Response('{"damaged": true}', { headers: res.headers }));
    }
  });
  await page.reload();
  await waitForScene(page, 'home', 60_000);
  await expect
    .poll(async () => (await kioskState(page)).pack, { timeout: 60_000 })
    .toMatchObject({ version: 1, embedded: false });
  const logs = await lastLogs(page);
  expect(logs.some((e) => e.code === 'load-failed')).toBe(true);
  expect(logs.find((e) => e.code === 'activated')?.message).toMatch(/repaired/);
});
