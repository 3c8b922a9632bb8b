/**
 * Offline import at a real film's size: a feed folder zipped (film stored, as zip tools store what
 * does not shrink) is chosen at the kiosk with no network; prints the zip's size, the time to live,
 * throughput and the page's peak JS heap above its idle baseline (goal: bounded, < 64 MB, whatever
 * the zip's size — the zip is read in slices, never whole).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession } from '@playwright/test';
import { zipSync, type Zippable } from 'fflate';
import { startServer } from '../../src/server/serve';
import { chromiumLaunchOptions } from '../e2e/browser';
import { publish } from '../e2e/pack-audit';
import { writeSyntheticSource } from '../e2e/synthetic-pack';

const HEAP_GOAL_MB = 64;

/** `npm run bench -- import [--film-mb 300] [--images 100]` */
export async function importBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'film-mb': { type: 'string', default: '300' },
      images: { type: 'string', default: '100' },
    },
  });
  const filmMb = Number(values['film-mb']);
  const images = Number(values.images);
  const work = await mkdtemp(join(tmpdir(), 'kiosk-import-bench-'));
  // A profile on disk, as the kiosk's launcher gives it: an off-the-record context keeps Cache
  // Storage in memory, where one entry may not exceed 256 MiB (a 300 MB film fails to store there).
  const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    ...chromiumLaunchOptions({ for: 'bench' }),
    viewport: { width: 1920, height: 1080 },
  });
  try {
    // Built apart from dist/, which other work in this tree may be rebuilding meanwhile.
    const app = join(work, 'app');
    const vite = ['node_modules/vite/bin/vite.js', 'build', '--outDir', app, '--emptyOutDir'];
    const built = spawnSync(process.execPath, [...vite, '--logLevel', 'error'], {
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}${built.stderr}`);
    const source = await writeSyntheticSource({
      out: join(work, 'source'),
      pack: 'bench-import',
      version: 1,
      imageBytes: Array<number>(images).fill(200_000),
      filmBytes: filmMb * 1e6,
      welcome: '从压缩包导入',
    });
    const feed = join(work, 'feed');
    await publish(source.dir, feed, 1, '从压缩包导入');
    const zip = join(work, 'feed.zip');
    await writeFile(zip, await zipFolder(feed));
    const zipBytes = (await stat(zip)).size;
    console.log(
      `zip of the feed: ${(zipBytes / 1e6).toFixed(1)} MB (${images} images, a ${filmMb} MB film)`,
    );

    // The hall's network is gone: no feed at all; the kiosk shows its built-in pack.
    await mkdir(join(work, 'no-feed'));
    const server = await startServer({ appDir: app, feedDir: join(work, 'no-feed'), port: 0 });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(`${server.url}/?feedTimeoutSeconds=3`);
      await page.waitForFunction(() => window.kiosk?.state().pack?.embedded === true, null, {
        timeout: 90_000,
      });
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.id = 'bench-zip';
        input.hidden = true;
        document.body.append(input);
      });
      await page.setInputFiles('#bench-zip', zip);
      const cdp = await browser.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const baseline = await heap(cdp);
      let peak = baseline;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, await heap(cdp));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const t0 = performance.now();
      const result = await page.evaluate(() =>
        window.kiosk!.importFeed(document.querySelector<HTMLInputElement>('#bench-zip')!.files!),
      );
      const ms = performance.now() - t0;
      sampling = false;
      await sampler;
      const peakMb = (peak - baseline) / 1048576;
      console.log(`outcome: ${result.outcome}, version ${result.version} (${result.reason})`);
      console.log(
        `import: ${(ms / 1000).toFixed(1)} s, ${(zipBytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s; peak JS heap ${peakMb.toFixed(1)} MB above idle (goal < ${HEAP_GOAL_MB} MB ${peakMb < HEAP_GOAL_MB ? '✓' : '✗'}; heap ÷ zip ${((peak - baseline) / zipBytes).toFixed(3)})`,
      );
      if (result.outcome !== 'activated' || peakMb >= HEAP_GOAL_MB) process.exitCode = 1;
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** The folder zipped with its name inside, as a file manager zips it; nothing compressed. */
async function zipFolder(dir: string): Promise<Uint8Array> {
  const entries: Zippable = {};
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else entries[`feed/${relative(dir, path)}`] = [await readFile(path), { level: 0 }];
    }
  };
  await walk(dir);
  return zipSync(entries);
}

const heap = async (cdp: CDPSession) => (await cdp.send('Runtime.getHeapUsage')).usedSize;
