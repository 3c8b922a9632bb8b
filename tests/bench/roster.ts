/**
 * Roster benchmark: 25,000 generated honourees searched in headless Chromium — index build time,
 * then median and p95 of pinyin-initial and full-pinyin searches and of chip changes (goal ≤ 50 ms).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumLaunchOptions } from '../e2e/browser';
import type { RosterTimings, Sample } from './roster-page';
import { rosterPeople } from './roster-people';
import { median, quantile } from '../e2e/stats';

const GOAL_MS = 50;
/** Answered by `page.route` below; the name is never looked up. */
const PAGE_URL = 'http://roster-bench.localhost/';

export async function rosterBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string', default: '25000' },
      rounds: { type: 'string', default: '300' },
      builds: { type: 'string', default: '5' },
    },
  });
  const people = Number(values.people);
  const rounds = Number(values.rounds);
  const builds = Number(values.builds);

  // The search modules bundled as the kiosk would ship them, with their pinyin dictionary.
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./roster-page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  const code = bundle.outputFiles[0]!.text;
  const workers = rosterPeople(people);

  const browser = await chromium.launch(chromiumLaunchOptions({ for: 'bench' }));
  let timings: RosterTimings;
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    // A cross-origin-isolated page gets a 5 µs clock instead of 100 µs; nothing leaves the machine.
    await page.route(PAGE_URL, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><meta charset="utf-8"><title>roster bench</title>',
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        },
      }),
    );
    await page.goto(PAGE_URL);
    if (!(await page.evaluate(() => crossOriginIsolated)))
      console.warn('  (page not cross-origin isolated: timings are rounded to 0.1 ms)');
    await page.addScriptTag({ content: code });
    timings = await page.evaluate(
      ([w, r, b]) =>
        (
          globalThis as unknown as {
            runRosterBench: (w: unknown, r: number, b: number) => RosterTimings;
          }
        ).runRosterBench(w, r, b),
      [workers, rounds, builds] as const,
    );
  } finally {
    await browser.close();
  }

  const rows: [string, Sample[]][] = [
    ['initials of a name (1–3)', timings.initials],
    ['random letters (1–3)', timings.random],
    ['full pinyin', timings.full],
    ['filter change (random chips)', timings.filter],
    ['initials with chips on', timings.lettersWithChips],
  ];
  const [cold, ...warm] = timings.buildMs;
  console.log(
    `\nroster benchmark, ${people.toLocaleString('en')} people, headless Chromium, ${rounds} queries each`,
  );
  console.log(
    `  search + pinyin dictionary: ${(code.length / 1024).toFixed(0)} KiB minified, ` +
      `${(gzipSync(code).length / 1024).toFixed(0)} KiB gzip`,
  );
  console.log(
    `  index build: ${cold!.toFixed(0)} ms first, ${warm.length ? median(warm).toFixed(0) : '–'} ms median after`,
  );
  let pass = cold! < 1000;
  for (const [label, samples] of rows) {
    const ms = samples.map((s) => s.ms);
    const ok = quantile(ms, 0.95) <= GOAL_MS;
    pass &&= ok;
    console.log(
      `  ${label.padEnd(30)} median ${median(ms).toFixed(2)} ms, p95 ${quantile(ms, 0.95).toFixed(2)} ms, ` +
        `max ${Math.max(...ms).toFixed(2)} ms, median found ${median(samples.map((s) => s.found))} ` +
        `(goal ≤ ${GOAL_MS} ms: ${ok ? 'pass' : 'FAIL'})`,
    );
  }
  console.log(`  ${pass ? 'PASS' : 'FAIL'}: index under 1 s, p95 of every kind ≤ ${GOAL_MS} ms`);
  if (!pass) process.exitCode = 1;
}
