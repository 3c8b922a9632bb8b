/**
 * Update benchmark (issue 6): a generated pack (demo media, noise PNGs and one large film) goes
 * live in headless Chromium, then a new version changing a share of the objects; bytes the
 * server sent are counted at a proxy in front of it. Prints bytes downloaded ÷ bytes changed,
 * verify throughput, peak JS heap above the idle baseline, and how a run cut mid-way resumes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { referencedPaths, type Content } from '../../src/content/schema';
import type { SyncResult } from '../../src/sync/sync-feed';
import { startServer, type RunningServer } from '../../src/server/serve';
import { chromiumLaunchOptions } from '../e2e/browser';
import { isFeed, objectOf, startFeedProxy, type FeedProxy, type Served } from '../e2e/feed-proxy';
import { DEMO_SOURCE } from '../e2e/kiosk';
import { publish, type Published } from '../e2e/pack-audit';
import { FILM_PATH, pick, seeded, writeImages, writeSyntheticSource } from '../e2e/synthetic-pack';
import { reportUpdate, type Cut, type Transfer } from './update-report';

/** Content, the face atlas page and its index: what a pack holds besides its media. */
const BUILT_FILES = 3;
/** Feed deadlines for the page (s): the cut run's hung request is given up this soon. */
const FEED_TIMEOUT_S = 5;

/** `npm run bench -- update [--mb 60] [--objects 150] [--film-mb N] [--change 0.05] [--seed 1]` */
export async function updateBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      mb: { type: 'string', default: '60' },
      objects: { type: 'string', default: '150' },
      'film-mb': { type: 'string' },
      change: { type: 'string', default: '0.05' },
      seed: { type: 'string', default: '1' },
    },
  });
  const mb = Number(values.mb);
  const objects = Number(values.objects);
  const filmMb =
    values['film-mb'] === undefined ? Math.round((mb * 2) / 3) : Number(values['film-mb']);
  const share = Number(values.change);
  const random = seeded(Number(values.seed));
  const demo = JSON.parse(await readFile(join(DEMO_SOURCE, 'content.json'), 'utf8')) as Content;
  const base = referencedPaths(demo).length + BUILT_FILES;
  const images = objects - base - (filmMb > 0 ? 1 : 0);
  const demoBytes = 1.75e6;
  const imageTotal = mb * 1e6 - filmMb * 1e6 - demoBytes;
  if (!(images >= 20) || !(imageTotal / images >= 2000) || !(share > 0 && share < 0.5))
    throw new Error(
      `--objects must leave at least 20 generated images (the demo brings ${base}), --mb room for them beside --film-mb, and --change be in (0, 0.5)`,
    );
  const mean = imageTotal / images;
  const sizes = Array.from({ length: images }, () => Math.round(mean * (0.5 + random())));

  const work = await mkdtemp(join(tmpdir(), 'kiosk-update-bench-'));
  let server: RunningServer | null = null;
  let proxy: FeedProxy | null = null;
  let browser: Browser | null = null;
  try {
    // Built apart from dist/, which other work in this tree may be rebuilding meanwhile.
    const app = join(work, 'app');
    step(`building the kiosk into ${app}`);
    const vite = ['node_modules/vite/bin/vite.js', 'build', '--outDir', app, '--emptyOutDir'];
    const built = spawnSync(process.execPath, [...vite, '--logLevel', 'error'], {
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}${built.stderr}`);

    let started = performance.now();
    const source = await writeSyntheticSource({
      out: join(work, 'source'),
      pack: 'bench-update',
      version: 1,
      imageBytes: sizes,
      filmBytes: filmMb * 1e6,
      welcome: 'v1',
    });
    step(`wrote the source (${images} noise PNGs, a ${filmMb} MB film) in ${s(started)}`);
    const feed = join(work, 'feed');
    started = performance.now();
    const v1 = await publish(source.dir, feed, 1, 'v1');
    step(`pack build v1: ${v1.files.length} files, ${mbOf(sum(v1, v1.files))} in ${s(started)}`);

    server = await startServer({ appDir: app, feedDir: feed, port: 0 });
    proxy = await startFeedProxy(server.url);
    // No feed at first boot: the embedded pack shows, and the idle baseline is taken on it.
    proxy.route = (path) => (path.startsWith('/feed/') ? 'refuse' : 'pass');
    const launch = chromiumLaunchOptions({ for: 'bench' });
    browser = await chromium.launch({
      ...launch,
      args: [...launch.args, '--enable-precise-memory-info'],
    });
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${proxy.url}/?feedTimeoutSeconds=${FEED_TIMEOUT_S}`);
    await page.waitForFunction(() => window.kiosk?.state().pack?.embedded === true, null, {
      timeout: 90_000,
    });
    const cdp = await context.newCDPSession(page);
    proxy.route = () => 'pass';

    step('v1: first download of the whole pack');
    const first = await transfer(page, cdp, proxy, v1, null, filmShaOf(v1, source.film));
    step(`  ${first.result.outcome} in ${s(0, first.ms)}`);

    const k = Math.max(1, Math.round(share * objects));
    const picks = pick(source.images.length, k, random);
    await writeImages(
      source.dir,
      picks.map((i) => source.images[i]!),
      picks.map((i) => sizes[i]!),
    );
    const v2 = await publish(source.dir, feed, 2, 'v1');
    step(`v2: ${k} of ${v1.files.length} files changed (${(share * 100).toFixed(0)} % by count)`);
    const update = await transfer(page, cdp, proxy, v2, v1, null);
    step(`  ${update.result.outcome} in ${s(0, update.ms)}`);

    const rest = [...Array(source.images.length).keys()].filter((i) => !picks.includes(i));
    const again = pick(rest.length, k, random).map((i) => rest[i]!);
    await writeImages(
      source.dir,
      again.map((i) => source.images[i]!),
      again.map((i) => sizes[i]!),
    );
    const v3 = await publish(source.dir, feed, 3, 'v1');
    step(`v3: ${k} more files changed; the server stops answering for one of them`);
    const cut = await cutAndResume(page, proxy, v3, v2);

    const failed = reportUpdate({ mb, objects, filmMb, share, images, first, update, cut });
    if (failed) process.exitCode = 1;
  } finally {
    await browser?.close();
    await proxy?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * One "check now" that brings `next` (after `prev`, or nothing), with the page's JS heap sampled
 * every 100 ms over CDP against a baseline taken idle, after a full GC, just before.
 */
async function transfer(
  page: Page,
  cdp: CDPSession,
  proxy: FeedProxy,
  next: Published,
  prev: Published | null,
  film: string | null,
): Promise<Transfer> {
  await sleep(1000);
  await cdp.send('HeapProfiler.collectGarbage');
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) {
    idle.push(await heap(cdp));
    await sleep(100);
  }
  const baseline = idle.toSorted((a, b) => a - b)[5]!;
  const samples: { at: number; used: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      samples.push({ at: performance.now(), used: await heap(cdp) });
      await sleep(100);
    }
  })();
  const from = proxy.served.length;
  const t0 = performance.now();
  const result = await page.evaluate(() => window.kiosk!.checkNow());
  const ms = performance.now() - t0;
  sampling = false;
  await sampler;
  if (result.outcome !== 'activated' || result.version !== next.version)
    throw new Error(`version ${next.version} did not go live: ${result.outcome}, ${result.reason}`);
  const served = proxy.served.slice(from).filter(isFeed);
  const before = new Set(prev ? [prev.manifestSha, ...prev.files] : []);
  const changed = [next.manifestSha, ...next.files].filter((sha) => !before.has(sha));
  const filmServed = film ? served.find((r) => objectOf(r) === film) : undefined;
  const peakIn = (a: number, b: number) =>
    Math.max(0, ...samples.filter((x) => x.at >= a && x.at <= b).map((x) => x.used)) - baseline;
  return {
    result,
    ms,
    served,
    manifestSha: next.manifestSha,
    changed,
    changedBytes: sum(next, changed),
    baseline,
    peak: Math.max(...samples.map((x) => x.used)) - baseline,
    samples: samples.length,
    film: filmServed?.ended
      ? {
          bytes: filmServed.bytes,
          ms: filmServed.ended - filmServed.started,
          peak: peakIn(filmServed.started, filmServed.ended),
        }
      : null,
  };
}

/** v3 with the middle changed object hung: the run fails; then the feed recovers and a run resumes. */
async function cutAndResume(
  page: Page,
  proxy: FeedProxy,
  next: Published,
  prev: Published,
): Promise<Cut> {
  const before = new Set(prev.files);
  const changed = next.files.filter((sha) => !before.has(sha));
  const hung = changed[Math.floor(changed.length / 2)]!;
  proxy.route = (path) => (objectOf(path) === hung ? 'hang' : 'pass');
  const from = proxy.served.length;
  const first = await page.evaluate(() => window.kiosk!.checkNow());
  const firstRun = objectsIn(proxy.served.slice(from), next.manifestSha);
  proxy.route = () => 'pass';
  const mid = proxy.served.length;
  const second: SyncResult = await page.evaluate(() => window.kiosk!.checkNow());
  const secondRun = objectsIn(proxy.served.slice(mid), next.manifestSha);
  const verified = firstRun.filter((sha) => sha !== hung);
  return {
    changed: changed.length,
    first,
    second,
    firstRun: firstRun.length,
    kept: verified.length,
    secondRun: secondRun.length,
    refetched: secondRun.filter((sha) => verified.includes(sha)).length,
    missed: changed.filter((sha) => !verified.includes(sha) && !secondRun.includes(sha)).length,
    manifestAgain: proxy.served.slice(mid).some((r) => objectOf(r) === next.manifestSha),
  };
}

/** Object hashes requested, the manifest left out. */
const objectsIn = (served: Served[], manifest: string) =>
  served.map(objectOf).filter((sha): sha is string => sha !== null && sha !== manifest);

const heap = async (cdp: CDPSession) => (await cdp.send('Runtime.getHeapUsage')).usedSize;

function filmShaOf(pack: Published, film: string | null): string | null {
  if (film !== FILM_PATH) return null;
  // The film is by far the largest object.
  return [...pack.sizes].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

const sum = (pack: Published, shas: string[]) =>
  shas.reduce((n, sha) => n + (pack.sizes.get(sha) ?? 0), 0);

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const s = (from: number, ms = performance.now() - from) => `${(ms / 1000).toFixed(1)} s`;
const mbOf = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const step = (text: string) => console.log(`[update] ${text}`);
