/**
 * Scenarios 6 and 7 of DESIGN.md against a feed server that misbehaves on demand: no request may hang
 * a check, memory stays bounded whatever a body does, and the recovered server's pack goes live.
 * The kiosk is opened with `feedTimeoutSeconds=2`, so each deadline passes in seconds.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { FeedIndex, Manifest } from '../../src/feed/format';
import { startFaultServer, type Fault, type FaultServer } from './servers/fault-server';
import {
  bootToHome,
  copyDemoFeed,
  expect,
  kioskState,
  test,
  waitForScene,
  publishDemoWithWelcome,
} from './kiosk';

const QUICK = '?feedTimeoutSeconds=2';

interface Hall {
  feed: string;
  work: string;
  server: FaultServer;
}

async function withFaultyHall(run: (hall: Hall) => Promise<void>, empty = false): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-faults-'));
  const feed = join(work, 'feed');
  if (empty) await mkdir(feed);
  else await copyDemoFeed(feed);
  const server = await startFaultServer({ feedDir: feed });
  try {
    await run({ feed, work, server });
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Publishes version 2 (a new welcome text) and returns its content.json object's feed path. */
async function publishV2(hall: Hall): Promise<string> {
  await publishDemoWithWelcome(hall.feed, hall.work, 2, '第二版');
  const index = JSON.parse(await readFile(join(hall.feed, 'index.json'), 'utf8')) as FeedIndex;
  const manifest = JSON.parse(
    await readFile(join(hall.feed, 'objects', index.manifest.sha256), 'utf8'),
  ) as Manifest;
  return `/feed/objects/${manifest.content}`;
}

const checkNow = (page: Page) => page.evaluate(() => window.kiosk!.checkNow());
const lastLog = async (page: Page) => (await page.evaluate(() => window.kiosk!.log()))[0]!;

/** One fault on `path`: checkNow resolves `failed` with `reason`, v1 stays, then the cure works. */
async function faultThenCure(
  page: Page,
  hall: Hall,
  path: string,
  fault: Fault,
  reason: RegExp,
): Promise<void> {
  hall.server.set(path, fault);
  const started = Date.now();
  const result = await checkNow(page);
  expect(result, fault.kind).toMatchObject({ outcome: 'failed' });
  expect(result.reason).toMatch(reason);
  expect(Date.now() - started, `${fault.kind} must not hold the check`).toBeLessThan(45_000);
  expect((await lastLog(page)).message).toMatch(/what is live stays live, will retry/);
  expect((await kioskState(page)).pack).toMatchObject({ version: 1 });
  hall.server.clear(path);
}

test('scenario 7: a feed server that hangs, stalls, drips or errors never holds a check, and its pack goes live once it recovers', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await withFaultyHall(async (hall) => {
    await bootToHome(page, `${hall.server.url}/${QUICK}`, 1);
    const content = await publishV2(hall);

    await faultThenCure(
      page,
      hall,
      '/feed/index.json',
      { kind: 'hang' },
      /did not answer within 2 s/,
    );
    await faultThenCure(
      page,
      hall,
      '/feed/index.json',
      { kind: 'status', status: 503 },
      /HTTP 503/,
    );
    await faultThenCure(
      page,
      hall,
      content,
      { kind: 'stall', afterBytes: 100 },
      /stopped sending for 2 s/,
    );
    await faultThenCure(
      page,
      hall,
      content,
      { kind: 'cut', afterBytes: 100 },
      /lost after|ended after/,
    );
    // A drip of 50 bytes a second never falls silent, but blows the request's budget.
    await faultThenCure(page, hall, content, { kind: 'drip', bytesPerSecond: 50 }, /too slow/);

    // Recovered: the next check takes version 2, and fetches only what it still lacks.
    hall.server.resetRequests();
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 2 });
    await expect(page.locator('.welcome')).toHaveText('第二版');
    expect(hall.server.requests(content)).toBe(1);
  });
});

test('scenario 7: a hung request does not stop the scheduled checks that follow', async ({
  page,
}) => {
  await withFaultyHall(async (hall) => {
    await bootToHome(page, `${hall.server.url}/${QUICK}&checkMinutes=1`, 1);
    await publishV2(hall);
    hall.server.set('/feed/index.json', { kind: 'hang' }, { times: 1 });
    // Staff's check meets the hang and gives up; the schedule goes on and, a retry later, version 2 is live.
    expect(await checkNow(page)).toMatchObject({ outcome: 'failed' });
    await expect
      .poll(async () => (await kioskState(page)).pack?.version, { timeout: 90_000 })
      .toBe(2);
  });
});

test('scenario 6: an endless body is cut at the declared size, with the page’s memory bounded', async ({
  page,
}) => {
  await withFaultyHall(async (hall) => {
    await bootToHome(page, `${hall.server.url}/${QUICK}`, 1);
    const content = await publishV2(hall);
    const heap = () =>
      page.evaluate(
        () =>
          (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
      );
    const before = await heap();
    hall.server.set(content, { kind: 'endless' });
    const result = await checkNow(page);
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result.reason).toMatch(/content\.json does not match its SHA-256/);
    expect((await heap()) - before).toBeLessThan(64 * 1024 * 1024);
    hall.server.clear();
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 2 });
  });
});

test('a first boot against a hung feed shows the built-in pack, then the feed’s once it answers', async ({
  page,
}) => {
  await withFaultyHall(async (hall) => {
    hall.server.set('/feed/index.json', { kind: 'hang' });
    await page.goto(`${hall.server.url}/${QUICK}`);
    await waitForScene(page, 'home', 60_000);
    expect((await kioskState(page)).pack).toMatchObject({ version: 0, embedded: true });
    hall.server.clear();
    expect(await checkNow(page)).toMatchObject({ outcome: 'activated', version: 1 });
    await expect
      .poll(async () => (await kioskState(page)).pack)
      .toMatchObject({ version: 1, embedded: false });
  });
});
