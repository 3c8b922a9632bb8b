/**
 * Resume by hash, counted at the server: an update downloads exactly the objects that changed,
 * and a run cut short keeps what it verified, so the next run fetches only the rest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../src/server/serve';
import { isFeed, objectOf, startFeedProxy, type FeedProxy } from './feed-proxy';
import { expect, test } from './kiosk';
import { publish, type Published } from './pack-audit';
import { writeImages, writeSyntheticSource } from './synthetic-pack';

const IMAGE_BYTES = 120_000;

interface Hall {
  page: Page;
  proxy: FeedProxy;
  source: string;
  images: string[];
  feed: string;
  v1: Published;
}

/** A kiosk live on version 1 of a synthetic pack with `images` generated images, behind the proxy. */
async function withHall(
  page: Page,
  images: number,
  run: (hall: Hall) => Promise<void>,
  query = '',
): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-resume-'));
  let server: RunningServer | null = null;
  let proxy: FeedProxy | null = null;
  try {
    const source = await writeSyntheticSource({
      out: join(work, 'source'),
      pack: 'resume',
      version: 1,
      imageBytes: Array<number>(images).fill(IMAGE_BYTES),
      welcome: 'v1',
    });
    const feed = join(work, 'feed');
    const v1 = await publish(source.dir, feed, 1, 'v1');
    server = await startServer({ appDir: 'dist', feedDir: feed, port: 0 });
    proxy = await startFeedProxy(server.url);
    await page.goto(`${proxy.url}/${query}`);
    await page.waitForFunction(() => window.kiosk?.state().pack?.version === 1, null, {
      timeout: 60_000,
    });
    await run({ page, proxy, source: source.dir, images: source.images, feed, v1 });
  } finally {
    await proxy?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Version 2 with `paths` given new pixels; the new objects in the order the kiosk fetches them. */
async function publishChanged(hall: Hall, paths: string[]) {
  await writeImages(hall.source, paths, Array<number>(paths.length).fill(IMAGE_BYTES));
  const v2 = await publish(hall.source, hall.feed, 2, 'v1');
  const before = new Set(hall.v1.files);
  return { v2, changed: v2.files.filter((sha) => !before.has(sha)) };
}

const checkNow = (page: Page) => page.evaluate(() => window.kiosk!.checkNow());

/** Feed paths requested from `from` on, with how often each was asked for. */
function feedRequests(proxy: FeedProxy, from: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of proxy.served.slice(from).filter(isFeed))
    counts.set(s.path, (counts.get(s.path) ?? 0) + 1);
  return counts;
}

/** Which of `shas` are stored in the kiosk's Cache Storage. */
async function stored(page: Page, shas: string[]): Promise<string[]> {
  return page.evaluate(async (list) => {
    const cache = await caches.open('kiosk-objects-v1');
    const out: string[] = [];
    for (const sha of list) if (await cache.match(`/objects/${sha}`)) out.push(sha);
    return out;
  }, shas);
}

test('v1 → v2 where one image changed downloads exactly that one object (and the new manifest)', async ({
  page,
}) => {
  await withHall(page, 4, async (hall) => {
    const { v2, changed } = await publishChanged(hall, [hall.images[2]!]);
    expect(changed).toHaveLength(1);
    const from = hall.proxy.served.length;
    expect(await checkNow(hall.page)).toMatchObject({ outcome: 'activated', version: 2 });
    const asked = feedRequests(hall.proxy, from);
    expect(Object.fromEntries(asked)).toEqual({
      '/feed/index.json': 1,
      '/feed/index.json.sig': 1,
      [`/feed/objects/${v2.manifestSha}`]: 1,
      [`/feed/objects/${changed[0]}`]: 1,
    });
    const bytes = hall.proxy.served.slice(from).find((s) => objectOf(s) === changed[0])!.bytes;
    expect(bytes).toBeGreaterThan(IMAGE_BYTES * 0.9);
  });
});

for (const fault of ['stops answering', 'stalls halfway'] as const)
  test(`a run cut when the server ${fault} for one object keeps the verified ones; the next run fetches only the rest`, async ({
    page,
  }) => {
    // Short feed deadlines (3 s), so the hung request is given up quickly.
    await withHall(
      page,
      8,
      async (hall) => {
        const { v2, changed } = await publishChanged(hall, hall.images);
        expect(changed).toHaveLength(8);
        const cut = changed[3]!;
        hall.proxy.route = (path) =>
          objectOf(path) !== cut
            ? 'pass'
            : fault === 'stops answering'
              ? 'hang'
              : { pauseAfter: IMAGE_BYTES / 2 };

        const first = hall.proxy.served.length;
        expect(await checkNow(hall.page)).toMatchObject({ outcome: 'failed', version: 2 });
        const log = (await hall.page.evaluate(() => window.kiosk!.log()))[0]!;
        expect(log.code).toBe(fault === 'stops answering' ? 'timeout' : 'stalled');
        expect(log.message).toMatch(/what is live stays live, will retry/);
        expect((await hall.page.evaluate(() => window.kiosk!.state().pack))?.version).toBe(1);
        const firstRun = feedRequests(hall.proxy, first);
        // Objects are fetched a few at a time: the cut one holds one fetch while the others go on.
        // Whatever verified is kept, the cut one is not.
        expect(firstRun.has(`/feed/objects/${cut}`)).toBe(true);
        const kept = await stored(hall.page, changed);
        expect(kept).not.toContain(cut);
        expect(kept.length).toBeGreaterThanOrEqual(3);
        for (const sha of kept) expect(firstRun.has(`/feed/objects/${sha}`)).toBe(true);

        hall.proxy.route = () => 'pass';
        const second = hall.proxy.served.length;
        expect(await checkNow(hall.page)).toMatchObject({ outcome: 'activated', version: 2 });
        const secondRun = feedRequests(hall.proxy, second);
        // The manifest kept from the first run is read from storage, not fetched again.
        expect(secondRun.has(`/feed/objects/${v2.manifestSha}`)).toBe(false);
        const objects = [...secondRun].filter(([path]) => path.startsWith('/feed/objects/'));
        expect(Object.fromEntries(objects)).toEqual(
          Object.fromEntries(
            changed.filter((sha) => !kept.includes(sha)).map((sha) => [`/feed/objects/${sha}`, 1]),
          ),
        );
        expect(await stored(hall.page, [v2.manifestSha, ...changed])).toHaveLength(9);
      },
      '?feedTimeoutSeconds=3',
    );
  });
