/**
 * Honour wall benchmark (issue 5): walls of 40 (demo), 1,000, 5,000 and 25,000 people — door tap → ready and
 * → settled, whole faces on screen, frame time while dragging, JS heap and texture bytes; every layout at 5,000;
 * and a CSS3D reference wall of DOM cards at 200, 1,000 and 5,000 in the same headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { generatePackSource } from '../../scripts/gen-pack';
import { startServer, type RunningServer } from '../../src/server/serve';
import { chromiumLaunchOptions } from '../e2e/browser';
import { buildDemoFeed, DEMO_SOURCE } from '../e2e/kiosk';
import {
  measureReference,
  serveReference,
  type ReferenceFigures,
} from './css3d-reference/reference';
import {
  bootToHome,
  countDraws,
  dragFrames,
  jsHeap,
  openWall,
  tapAndSettle,
  wallFigures,
} from './wall-drive';
import { median } from '../e2e/stats';
import { fmt, mib, ms, report, LAYOUTS, LAYOUT_PACK, type Sample } from './wall-report';

const DRAG_MS = 3000;
/** How long after ready the wall may take to settle before the benchmark reports it stuck. */
const SETTLE_MS = 30_000;

interface Pack {
  people: number;
  feed: string;
  wallId: string;
  server?: RunningServer;
}

/** `npm run bench -- wall [--runs N] [--quick] [--people 1000,5000]` */
export async function wallBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      people: { type: 'string' },
    },
  });
  const quick = values.quick!;
  const runs = quick ? 1 : Number(values.runs);
  // 40 is always measured: every open time is read against it.
  const sizes = values.people
    ? [...new Set([40, ...values.people.split(',').map(Number)])]
    : quick
      ? [40, 1000]
      : [40, 1000, 5000, 25000];
  const referenceSizes = quick ? [200] : [200, 1000, 5000];
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  if (sizes.some((n) => !Number.isInteger(n) || n < 40))
    throw new Error('--people takes whole numbers ≥ 40, separated by commas');

  const work = await mkdtemp(join(tmpdir(), 'kiosk-wall-bench-'));
  const problems: string[] = [];
  let browser: Browser | null = null;
  const packs: Pack[] = [];
  const samples = new Map<number, Sample[]>();
  const reference: ReferenceFigures[] = [];
  try {
    // Built apart from dist/, which other work in this tree may be using.
    const app = join(work, 'app');
    step(`building the kiosk into ${app}`);
    const vite = ['node_modules/vite/bin/vite.js', 'build', '--outDir', app, '--emptyOutDir'];
    const built = spawnSync(process.execPath, [...vite, '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('vite build failed');

    for (const people of sizes) packs.push(await makePack(people, work));
    const launch = chromiumLaunchOptions({ for: 'bench' });
    browser = await chromium.launch({
      ...launch,
      args: [...launch.args, '--enable-precise-memory-info'],
    });
    for (const pack of packs)
      pack.server = await startServer({ appDir: app, feedDir: pack.feed, port: 0 });

    // Run-major, so a burst of other work on the shared machine spreads over every size.
    for (let run = 1; run <= runs; run++)
      for (const pack of packs) {
        step(`run ${run}/${runs}: ${fmt(pack.people)} people`);
        const s = await measureWall(browser, pack, problems);
        samples.set(pack.people, [...(samples.get(pack.people) ?? []), s]);
        const settled = s.settled === null ? 'never' : ms(s.settled);
        step(
          `  ready ${ms(s.ready)}, settled ${settled}, ${fmt(s.stats?.onScreen ?? NaN)} whole faces, ` +
            `drag ${s.frameMs.toFixed(1)} ms/frame over ${s.frames} frames` +
            (s.moved ? '' : ' (the view did not move)'),
        );
      }

    const ref = await serveReference();
    try {
      for (const cards of referenceSizes) {
        step(`CSS3D reference: ${fmt(cards)} cards`);
        const r = await measureReference(browser, ref, cards, DRAG_MS);
        reference.push(r);
        step(`  loaded in ${ms(r.loadMs)}, ${r.frameMs.toFixed(1)} ms/frame over ${r.frames}`);
      }
    } finally {
      await ref.close();
    }
  } finally {
    await browser?.close();
    for (const pack of packs) await pack.server?.close();
    await rm(work, { recursive: true, force: true });
  }
  const failed = report({ people: sizes, samples, reference, runs, quick, problems });
  if (failed) process.exitCode = 1;
}

/** Writes the pack's source (the demo itself for 40) and builds its feed with the CLI, timed. */
async function makePack(people: number, work: string): Promise<Pack> {
  let source = DEMO_SOURCE;
  if (people !== 40) {
    const started = performance.now();
    source = join(work, `source-${people}`);
    await generatePackSource({ people, out: source, seed: 1 });
    step(`generated a source of ${fmt(people)} people in ${ms(performance.now() - started)}`);
  }
  const feed = join(work, `feed-${people}`);
  const started = performance.now();
  const r = await buildDemoFeed(feed, source);
  step(
    `buildPack ${fmt(people)} people: ${ms(performance.now() - started)} — ${r.files} files, ` +
      `${mib(r.bytes)}; atlas ${fmt(r.atlas.faces)} faces on ${r.atlas.pages} pages, ${mib(r.atlas.bytes)}`,
  );
  const content = JSON.parse(await readFile(join(source, 'content.json'), 'utf8')) as {
    walls: { id: string }[];
  };
  return { people, feed, wallId: content.walls[0]!.id };
}

/** A fresh profile boots to home, opens the pack's first wall by its door, and is measured. */
async function measureWall(browser: Browser, pack: Pack, problems: string[]): Promise<Sample> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
  });
  await countDraws(context);
  const page = await context.newPage();
  const who = `${fmt(pack.people)} people`;
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
  try {
    await bootToHome(page, pack.server!.url);
    const { ready, settled, stuck } = await openWall(page, pack.wallId, SETTLE_MS);
    if (stuck) problems.push(`${who}: ${stuck}`);
    const stats = await wallFigures(page);
    if (!stats) problems.push(`${who}: no 3D wall after opening (the 2D stand-in?)`);
    const heap = await jsHeap(page);
    const drag = await dragFrames(page, DRAG_MS);
    const layouts: Sample['layouts'] = new Map();
    if (pack.people === LAYOUT_PACK && stats)
      for (const layout of LAYOUTS) {
        await tapAndSettle(page, `control:layout-${layout}`);
        const f = await wallFigures(page);
        if (!f || f.layout !== layout) {
          problems.push(`${who}: layout ${layout} did not come up`);
          continue;
        }
        const d = await dragFrames(page, DRAG_MS);
        layouts.set(layout, { onScreen: f.onScreen, frameMs: median(d.drawn), moved: d.moved });
      }
    return {
      ready,
      settled,
      stats,
      heap,
      frameMs: median(drag.drawn),
      frames: drag.drawn.length,
      moved: drag.moved,
      layouts,
    };
  } finally {
    await context.close();
  }
}

const step = (text: string) => console.log(`[wall] ${text}`);
