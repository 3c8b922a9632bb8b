/**
 * What the feed must survive (DESIGN.md, "What it must survive"), one named test per scenario in the
 * spirit of python-tuf: each proves that what is live stays live and the staff log says what happened.
 * Scenarios 6 and 7 (bodies and networks that misbehave) are in feed-faults.spec.ts; 8 (kills) in
 * kills.spec.ts; 9 (app-shell updates) in app-update.spec.ts; 13 belongs to the unattended kiosk.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildPack } from '../../src/cli/build-pack';
import { keygen, readPrivateKey, sign } from '../../src/cli/keys';
import { toBase64 } from '../../src/feed/crypto';
import type { FeedIndex, Manifest } from '../../src/feed/format';
import { startNginx } from './servers/nginx';
import {
  DEMO_KEY,
  bootToHome,
  buildDemoFeed,
  copyDemoFeed,
  expect,
  kioskState,
  test,
  demoSourceWithWelcome,
} from './kiosk';

interface Hall {
  page: Page;
  server: { url: string };
  feed: string;
  work: string;
}

/** A kiosk live on demo version 1 from its own private copy of the feed, served by nginx. */
async function withHall(page: Page, run: (hall: Hall) => Promise<void>): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-scenario-'));
  const feed = await copyDemoFeed(join(work, 'feed'));
  const server = await startNginx({ feedDir: feed, appDir: 'dist' });
  try {
    await bootToHome(page, server.url, 1);
    await run({ page, server, feed, work });
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

const readJson = async <T>(file: string) => JSON.parse(await readFile(file, 'utf8')) as T;
const indexOf = (feed: string) => readJson<FeedIndex>(join(feed, 'index.json'));
const manifestOf = async (feed: string) =>
  readJson<Manifest>(join(feed, 'objects', (await indexOf(feed)).manifest.sha256));

/** Writes `index` into the feed signed with `keyFile` (default: the demo key the kiosk trusts). */
async function signIndex(feed: string, index: FeedIndex, keyFile = DEMO_KEY): Promise<void> {
  const bytes = new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`);
  const signature = toBase64(await sign(await readPrivateKey(keyFile), bytes));
  await writeFile(join(feed, 'index.json.sig'), `${signature}\n`);
  await writeFile(join(feed, 'index.json'), bytes);
}

const checkNow = (page: Page) => page.evaluate(() => window.kiosk!.checkNow());
const lastLog = async (page: Page) => (await page.evaluate(() => window.kiosk!.log()))[0]!;

/** Still version `version` on screen with the welcome text `welcome`. */
async function stillLive(page: Page, version: number, welcome: string | null): Promise<void> {
  expect((await kioskState(page)).pack).toMatchObject({ version, embedded: false });
  if (welcome !== null) await expect(page.locator('.welcome')).toHaveText(welcome);
}

test('scenario 1: a missing signature, a wrong key, a flipped byte in the signature or the index are refused', async ({
  page,
}) => {
  await withHall(page, async ({ feed, work }) => {
    const welcome = await page.locator('.welcome').textContent();
    await buildDemoFeed(feed, await demoSourceWithWelcome(work, '第二版'), 2);
    const sig = await readFile(join(feed, 'index.json.sig'));
    const index = await readFile(join(feed, 'index.json'));

    await rm(join(feed, 'index.json.sig'));
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected' });
    expect(await lastLog(page)).toMatchObject({ level: 'error', code: 'signature-missing' });
    expect((await lastLog(page)).message).toMatch(/not signed.*what is live stays live/);
    await stillLive(page, 1, welcome);

    const stranger = await keygen(join(work, 'keys'), 'stranger');
    await signIndex(feed, await indexOf(feed), stranger.key);
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected' });
    expect(await lastLog(page)).toMatchObject({ code: 'signature-invalid' });
    expect((await lastLog(page)).message).toMatch(/wrong key, or index\.json was altered/);

    const flippedSig = Buffer.from(sig);
    flippedSig[10] = flippedSig[10] === 65 ? 66 : 65; // still base64, no longer the signature
    await writeFile(join(feed, 'index.json.sig'), flippedSig);
    await writeFile(join(feed, 'index.json'), index);
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected' });
    expect(await lastLog(page)).toMatchObject({ code: 'signature-invalid' });

    const flippedIndex = Buffer.from(index);
    flippedIndex[flippedIndex.indexOf('"version": 2') + 11] = '3'.charCodeAt(0);
    await writeFile(join(feed, 'index.json.sig'), sig);
    await writeFile(join(feed, 'index.json'), flippedIndex);
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected' });
    expect(await lastLog(page)).toMatchObject({ code: 'signature-invalid' });
    await stillLive(page, 1, welcome);

    // The genuine version 2 still goes live afterwards: refusals did not poison anything.
    await writeFile(join(feed, 'index.json'), index);
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 2 });
    await expect(page.locator('.welcome')).toHaveText('第二版');
  });
});

test('scenario 2: a replayed older index and the same version with other bytes are refused, also after a restart', async ({
  page,
}) => {
  await withHall(page, async ({ feed, work, server }) => {
    const v1Index = await readFile(join(feed, 'index.json'));
    const v1Sig = await readFile(join(feed, 'index.json.sig'));
    await buildDemoFeed(feed, await demoSourceWithWelcome(work, '第二版'), 2);
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 2 });

    // Rollback: the old, genuinely signed version 1 is served again.
    await writeFile(join(feed, 'index.json'), v1Index);
    await writeFile(join(feed, 'index.json.sig'), v1Sig);
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected', version: 1 });
    expect(await lastLog(page)).toMatchObject({ code: 'rollback' });
    expect((await lastLog(page)).message).toMatch(/older than version 2 already trusted/);
    await stillLive(page, 2, '第二版');

    // The highest trusted version survives a restart.
    await page.reload();
    await bootToHome(page, server.url, 2);
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected', version: 1 });

    // Same version number, different bytes: a new pack needs a higher version.
    const other = await demoSourceWithWelcome(work, '另一个第二版');
    const out = join(work, 'other-feed');
    await buildPack({ source: other, out, key: await readPrivateKey(DEMO_KEY), version: 2 });
    await cp(join(out, 'objects'), join(feed, 'objects'), { recursive: true });
    await cp(join(out, 'index.json'), join(feed, 'index.json'));
    await cp(join(out, 'index.json.sig'), join(feed, 'index.json.sig'));
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected', version: 2 });
    expect(await lastLog(page)).toMatchObject({ code: 'replay' });
    await stillLive(page, 2, '第二版');
  });
});

test('scenario 3: an expired index keeps its content playing and warns staff', async ({ page }) => {
  await withHall(page, async ({ feed, work }) => {
    const source = await demoSourceWithWelcome(work, '过期的第二版');
    // Published long ago with the demo's validity: expired by now.
    await buildPack({
      source,
      out: feed,
      key: await readPrivateKey(DEMO_KEY),
      version: 2,
      now: new Date('2020-01-01T00:00:00Z'),
    });
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 2 });
    await expect(page.locator('.welcome')).toHaveText('过期的第二版');
    const log = await page.evaluate(() => window.kiosk!.log());
    const warning = log.find((e) => e.code === 'expired');
    expect(warning).toMatchObject({ level: 'warn' });
    expect(warning!.message).toMatch(/expired on 20\d\d-.*content keeps playing/);
  });
});

test('scenario 4: a signed index whose manifest belongs to another version is refused (mix-and-match)', async ({
  page,
}) => {
  await withHall(page, async ({ feed, work }) => {
    const v1 = await indexOf(feed);
    await buildDemoFeed(feed, await demoSourceWithWelcome(work, '第二版'), 2);
    // Version 2's index, re-signed with the trusted key, but pointing at version 1's manifest.
    await signIndex(feed, { ...(await indexOf(feed)), manifest: v1.manifest });
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected', version: 2 });
    expect(await lastLog(page)).toMatchObject({ code: 'mix-and-match' });
    expect((await lastLog(page)).message).toMatch(/manifest is for version 1.*index is version 2/);
    await stillLive(page, 1, null);
  });
});

test('scenario 5: a corrupted, truncated or empty object keeps the live pack and is retried, keeping what verified', async ({
  page,
}) => {
  await withHall(page, async ({ feed, work }) => {
    const welcome = await page.locator('.welcome').textContent();
    await buildDemoFeed(feed, await demoSourceWithWelcome(work, '第二版'), 2);
    const manifest = await manifestOf(feed);
    const victim = join(feed, 'objects', manifest.content);
    const good = await readFile(victim);

    for (const [damage, bytes] of [
      ['corrupt', Buffer.from(good).map((b, i) => (i === 100 ? b ^ 1 : b))],
      ['truncated', good.subarray(0, good.length - 10)],
      ['empty', Buffer.alloc(0)],
    ] as const) {
      await writeFile(victim, bytes);
      const result = await checkNow(page);
      expect(result, damage).toMatchObject({ outcome: 'failed', version: 2 });
      expect(result.reason).toMatch(/content\.json/);
      expect((await lastLog(page)).message).toMatch(/what is live stays live, will retry/);
      await stillLive(page, 1, welcome);
    }
    // Every other object of version 2 verified and is kept: the next run needs only content.json.
    const kept = await page.evaluate(
      async (shas) => {
        const cache = await caches.open('kiosk-objects-v1');
        let n = 0;
        for (const sha of shas) if (await cache.match(`/objects/${sha}`)) n++;
        return n;
      },
      manifest.files.filter((f) => f.sha256 !== manifest.content).map((f) => f.sha256),
    );
    expect(kept).toBe(manifest.files.length - 1);

    await writeFile(victim, good);
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 2 });
    await expect(page.locator('.welcome')).toHaveText('第二版');
  });
});

test('scenario 6: an object longer than declared is cut at its declared size and still verifies', async ({
  page,
}) => {
  await withHall(page, async ({ feed, work }) => {
    await buildDemoFeed(feed, await demoSourceWithWelcome(work, '第二版'), 2);
    const manifest = await manifestOf(feed);
    const victim = join(feed, 'objects', manifest.content);
    await writeFile(victim, Buffer.concat([await readFile(victim), Buffer.alloc(1 << 20, 7)]));
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 2 });
    await expect(page.locator('.welcome')).toHaveText('第二版');
  });
});

test('scenario 10: a pack whose film does not decode here is refused before it goes live', async ({
  page,
}) => {
  await withHall(page, async ({ feed, work }) => {
    const source = await demoSourceWithWelcome(work, '影片坏了');
    const film = (await readFile(join(source, 'content.json'), 'utf8')).match(
      /"file": "(videos\/[^"]+\.mp4)"/,
    )?.[1];
    expect(film, 'the demo has a film').toBeTruthy();
    // The demo film's own header (an H.264 MP4, as the CLI requires) over media data that is all
    // noise: no decoder can make a first frame of it.
    const bytes = await readFile(join(source, film!));
    let at = 0;
    while (at + 8 <= bytes.length && bytes.toString('ascii', at + 4, at + 8) !== 'mdat')
      at += bytes.readUInt32BE(at);
    expect(at + 8, 'the film has a media data box').toBeLessThan(bytes.length);
    let seed = 10;
    for (let i = at + 8; i < at + bytes.readUInt32BE(at); i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    await writeFile(join(source, film!), bytes);
    await buildDemoFeed(feed, source, 2);
    const result = await checkNow(page);
    expect(result).toMatchObject({ outcome: 'rejected', version: 2 });
    expect(await lastLog(page)).toMatchObject({ code: 'video-undecodable' });
    expect((await lastLog(page)).message).toMatch(/cannot be played on this kiosk/);
    await stillLive(page, 1, null);
  });
});

test('scenario 11: storage — persistence requested and logged; a pack that cannot fit is not downloaded', async ({
  page,
}) => {
  await withHall(page, async ({ feed, work, server }) => {
    const log = await page.evaluate(() => window.kiosk!.log());
    expect(log.some((e) => e.code.startsWith('storage-'))).toBe(true);
    await buildDemoFeed(feed, await demoSourceWithWelcome(work, '第二版'), 2);
    // The disk is nearly full: the quota leaves a few kilobytes above what is stored now.
    const cdp = await page.context().newCDPSession(page);
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage!);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: server.url,
      quotaSize: usage + 4096,
    });
    const result = await checkNow(page);
    expect(result).toMatchObject({ outcome: 'failed', version: 2 });
    // Refused up front when the estimate says so, or stopped cleanly at the first write that fails.
    expect(result.reason).toMatch(/not enough storage|storage is full/);
    expect((await lastLog(page)).message).toMatch(/what is live stays live/);
    await stillLive(page, 1, null);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 2 });
  });
});

test('scenario 12: hostile paths are refused, and markup in text is shown as text, never run', async ({
  page,
}) => {
  await withHall(page, async ({ feed, work }) => {
    // A manifest naming a path outside the pack, signed with the trusted key.
    await buildDemoFeed(feed, await demoSourceWithWelcome(work, '第二版'), 2);
    const manifest = await manifestOf(feed);
    const hostile = { ...manifest, files: [...manifest.files] };
    hostile.files[1] = { ...hostile.files[1]!, path: '../../etc/passwd' };
    const bytes = new TextEncoder().encode(JSON.stringify(hostile));
    const { sha256Hex } = await import('../../src/feed/crypto');
    const sha = await sha256Hex(bytes);
    await writeFile(join(feed, 'objects', sha), bytes);
    await signIndex(feed, {
      ...(await indexOf(feed)),
      manifest: { sha256: sha, size: bytes.length },
    });
    expect(await checkNow(page)).toMatchObject({ outcome: 'rejected' });
    expect((await lastLog(page)).message).toMatch(/plain relative path inside the pack/);
    await stillLive(page, 1, null);

    // Markup in the welcome text of a genuine version 3: shown literally.
    const markup = '<img src=x onerror="window.__pwned=1"><b>欢迎</b>';
    await buildDemoFeed(feed, await demoSourceWithWelcome(work, markup), 3);
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 3 });
    await expect(page.locator('.welcome')).toHaveText(markup);
    expect(await page.locator('.welcome img, .welcome b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
