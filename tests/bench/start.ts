/**
 * Start-up benchmark: median time from navigation to the first frame of the honor wall with every
 * card drawn, on first boot online (pack download included) and on reload offline; plus the
 * gzip size of the JavaScript the first screen loads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { buildDemoFeed, demoContent, serveKiosk } from '../e2e/kiosk';
import { median } from '../e2e/stats';

export async function startBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: 'string', default: '10' } },
  });
  const runs = Number(values.runs);
  if (!existsSync('dist/index.html')) {
    const r = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) process.exit(1);
  }
  const work = await mkdtemp(join(tmpdir(), 'kiosk-bench-'));
  const feed = join(work, 'feed');
  await buildDemoFeed(feed);
  const wallId = (await demoContent()).walls[0]!.id;
  const server = await serveKiosk(feed);
  const browser = await chromium.launch(chromiumLaunchOptions({ for: 'bench' }));
  const online: number[] = [];
  const offline: number[] = [];
  const homeOnline: number[] = [];
  const homeOffline: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 1920, height: 1080 },
        hasTouch: true,
      });
      const page = await context.newPage();
      await page.goto(server.url);
      const first = await timeToWall(page, wallId);
      homeOnline.push(first.home);
      online.push(first.wall);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      await page.reload();
      const again = await timeToWall(page, wallId);
      homeOffline.push(again.home);
      offline.push(again.wall);
      await context.close();
      process.stdout.write(
        `run ${i + 1}/${runs}: online ${first.wall.toFixed(0)} ms, offline ${again.wall.toFixed(0)} ms\n`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
  const js = initialJs();
  const m = (xs: number[]) => median(xs).toFixed(0);
  console.log(
    `\nstart benchmark, ${runs} runs, headless Chromium (SwiftShader), 1920×1080, demo pack`,
  );
  console.log(
    `  first boot online : home ${m(homeOnline)} ms, wall first frame ${m(online)} ms (median)`,
  );
  console.log(
    `  reload offline    : home ${m(homeOffline)} ms, wall first frame ${m(offline)} ms (median)`,
  );
  console.log(`  offline / online  : ${(median(offline) / median(online)).toFixed(2)}`);
  console.log(
    `  initial JS (gzip) : ${(js.initial / 1024).toFixed(1)} KiB of ${(js.total / 1024).toFixed(1)} KiB total JS (gzip)`,
  );
}

/** Navigation → home shown → (tap the wall's door) → wall's first complete frame, in ms since navigation start. */
async function timeToWall(page: Page, wallId: string): Promise<{ home: number; wall: number }> {
  await page.waitForFunction(
    () => performance.getEntriesByName('kiosk:home-ready').length > 0,
    null,
    { timeout: 120_000 },
  );
  const r = await page.evaluate((id) => window.kiosk!.locate(`control:wall-${id}`), wallId);
  if (!r) throw new Error(`the door to wall "${wallId}" is not on screen`);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await page.waitForFunction(
    () => performance.getEntriesByName('kiosk:wall-ready').length > 0,
    null,
    { timeout: 120_000 },
  );
  return page.evaluate(() => ({
    home: performance.getEntriesByName('kiosk:home-ready')[0]!.startTime,
    wall: performance.getEntriesByName('kiosk:wall-ready')[0]!.startTime,
  }));
}

/** Gzip size of the scripts index.html loads at once, and of every script in the build. */
function initialJs(): { initial: number; total: number } {
  const html = readFileSync('dist/index.html', 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const size = (f: string) => gzipSync(readFileSync(join('dist', f))).length;
  const all = spawnSync('find', ['dist/assets', '-name', '*.js'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n');
  return {
    initial: initial.reduce((n, f) => n + size(f), 0),
    total: all.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0),
  };
}
