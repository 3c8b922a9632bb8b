/**
 * Long-uptime benchmark: thousands of scripted visitor steps with two pack switches, sampling heap
 * after GC, DOM nodes, listeners and the wall's GPU counters; prints growth and slopes over the
 * second half (goal: flat, ≤ 5 % growth from the first sample after warm-up).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { copyDemoFeed, demoContent, publishDemoWithWelcome, serveKiosk } from '../e2e/kiosk';
import { growth, soak } from '../e2e/soak-drive';

export async function soakBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      steps: { type: 'string', default: '10000' },
      every: { type: 'string', default: '500' },
      // A copy of the built app, so a rebuild of dist/ during a long soak does not update the kiosk.
      app: { type: 'string', default: 'dist' },
    },
  });
  const steps = Number(values.steps);
  const work = await mkdtemp(join(tmpdir(), 'kiosk-soak-'));
  const feed = await copyDemoFeed(join(work, 'feed'));
  const server = await serveKiosk(feed, values.app);
  const browser = await chromium.launch(chromiumLaunchOptions({ for: 'bench' }));
  const content = await demoContent();
  const publish = (version: number) => async () => {
    await publishDemoWithWelcome(feed, work, version, `欢迎来到劳模之家（第${version}版）`);
    console.log(`published version ${version}`);
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    await page.goto(
      `${server.url}/?idleSeconds=6&countdownSeconds=2&activateAfterIdleSeconds=5&checkMinutes=1`,
    );
    await page.waitForFunction(() => window.kiosk?.state().scene === 'home', null, {
      timeout: 120_000,
    });
    const started = Date.now();
    const samples = await soak(page, {
      steps,
      sampleEvery: Number(values.every),
      idleEvery: 250,
      idleWaitMs: 9_000,
      people: content.workers.map((w) => w.id),
      at: { [Math.round(steps / 3)]: publish(2), [Math.round((2 * steps) / 3)]: publish(3) },
      log: (line) => console.log(line),
    });
    const version = await page.evaluate(() => window.kiosk!.state().pack?.version);
    console.log(
      `\n${steps} steps in ${((Date.now() - started) / 60_000).toFixed(1)} min; pack version at the end: ${version}`,
    );
    for (const key of ['heapMb', 'nodes', 'listeners'] as const) {
      const g = growth(samples, key);
      console.log(
        `${key.padEnd(9)} first after warm-up ${g.first.toFixed(1)}, last quarter ${g.last.toFixed(1)}, growth ${((g.ratio - 1) * 100).toFixed(1)} % (goal ≤ 5 %), slope over the second half ${g.slopePer1000.toFixed(2)} per 1,000 steps`,
      );
    }
    // The wall is built anew at each visit: its renderer counters must come back to the same level.
    const walls = samples.filter((s) => s.textures !== null);
    if (walls.length) {
      const range = (xs: number[]) => `${Math.min(...xs)}…${Math.max(...xs)}`;
      console.log(
        `wall      ${walls.length} samples with a wall visited: textures ${range(walls.map((s) => s.textures!))}, geometries ${range(walls.map((s) => s.geometries!))}, texture MB ${range(walls.map((s) => Math.round(s.textureMb!)))} (first half vs second half max textures: ${Math.max(...walls.slice(0, walls.length >> 1).map((s) => s.textures!))} vs ${Math.max(...walls.slice(walls.length >> 1).map((s) => s.textures!))})`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}
