/** A bad feed never goes live: a corrupted object in version 2 leaves version 1 playing, logged for staff, retried later. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bootToHome,
  buildDemoFeed,
  copyDemoFeed,
  kioskState,
  serveKiosk,
  expect,
  test,
  demoSourceWithWelcome,
} from './kiosk';

test('a feed with a corrupted object leaves the old content live', async ({ page }) => {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-feed-'));
  const feed = await copyDemoFeed(join(work, 'feed'));
  const server = await serveKiosk(feed);
  try {
    await bootToHome(page, server.url, 1);
    const welcome = page.locator('.welcome');
    const oldWelcome = await welcome.textContent();

    // Staff publish version 2 with a new welcome text, but its content.json arrives corrupted.
    const source = await demoSourceWithWelcome(work, '第二版的欢迎词');
    await buildDemoFeed(feed, source, 2);
    const index = JSON.parse(await readFile(join(feed, 'index.json'), 'utf8')) as {
      manifest: { sha256: string };
    };
    const manifest = JSON.parse(
      await readFile(join(feed, 'objects', index.manifest.sha256), 'utf8'),
    ) as {
      content: string;
    };
    const victim = join(feed, 'objects', manifest.content);
    const bytes = await readFile(victim);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
    await writeFile(victim, bytes);

    const result = await page.evaluate(() => window.kiosk!.checkNow());
    // Retried later, not refused for ever: staff may still have been copying the file.
    expect(result.outcome).toBe('failed');
    expect(result.version).toBe(2);
    expect(result.reason).toMatch(/content\.json.*does not match its SHA-256/);
    expect((await kioskState(page)).pack).toMatchObject({ id: 'demo', version: 1 });
    await expect(welcome).toHaveText(oldWelcome!);
    const log = await page.evaluate(() => window.kiosk!.log());
    expect(log[0]).toMatchObject({ level: 'error', code: 'unreadable' });
    expect(log[0]!.message).toMatch(
      /content\.json does not match its SHA-256.*what is live stays live, will retry/,
    );

    // After a restart the old pack is still the live one.
    await page.reload();
    await bootToHome(page, server.url, 1);
    await expect(welcome).toHaveText(oldWelcome!);

    // Staff fix the object; the next check takes version 2, fetching only what it lacks.
    await rm(victim);
    await buildDemoFeed(feed, source, 2);
    const fixed = await page.evaluate(() => window.kiosk!.checkNow());
    expect(fixed).toMatchObject({ outcome: 'activated', version: 2 });
    await expect(welcome).toHaveText('第二版的欢迎词');
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('objects of the live pack lost from storage are fetched again on the next check', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url, 1);
  const lost = await page.evaluate(async () => {
    const cache = await caches.open('kiosk-objects-v1');
    const keys = (await cache.keys()).slice(0, 3);
    await Promise.all(keys.map((k) => cache.delete(k)));
    return keys.map((k) => new URL(k.url).pathname);
  });
  expect(lost).toHaveLength(3);
  const result = await page.evaluate(() => window.kiosk!.checkNow());
  expect(result).toMatchObject({
    outcome: 'activated',
    version: 1,
    reason: 'version 1 repaired',
  });
  const back = await page.evaluate(async (paths) => {
    const cache = await caches.open('kiosk-objects-v1');
    return Promise.all(paths.map(async (p) => (await cache.match(p)) !== undefined));
  }, lost);
  expect(back).toEqual([true, true, true]);
  expect((await page.evaluate(() => window.kiosk!.checkNow())).outcome).toBe('up-to-date');
});
