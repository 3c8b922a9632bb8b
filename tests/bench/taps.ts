/**
 * Tap feedback benchmark: every main control touched through Chromium's real touch input, in both
 * orientations, `--runs` rounds; per control the median and p95 of the time from the touch event to
 * the end of the first frame painting its press (or what it opens). Goal: under 100 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';
import { buildDemoFeed, demoContent, serveKiosk } from '../e2e/kiosk';
import { touchCountdown, touchEveryControl } from '../e2e/tap-drive';
import { timeTap, type TapTiming } from '../e2e/tap-timing';
import { median, quantile } from '../e2e/stats';

export async function tapsBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    // --elderly: the same touches with elderly mode on (larger text, more to paint).
    options: {
      runs: { type: 'string', default: '3' },
      app: { type: 'string', default: 'dist' },
      elderly: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const work = await mkdtemp(join(tmpdir(), 'kiosk-bench-taps-'));
  const feed = join(work, 'feed');
  await buildDemoFeed(feed);
  const content = await demoContent();
  const server = await serveKiosk(feed, values.app);
  const browser = await chromium.launch(chromiumLaunchOptions({ for: 'bench' }));
  const samples: (TapTiming & { screen: string })[] = [];
  try {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1080, height: 1920 },
    ]) {
      const screen = `${viewport.width}×${viewport.height}`;
      const page = await browser.newPage({ viewport, hasTouch: true });
      const cdp = await page.context().newCDPSession(page);
      const record = (ts: TapTiming[]) => {
        for (const t of ts) {
          samples.push({ ...t, screen });
          process.stdout.write(
            `${screen} ${t.id}: ${t.ms.toFixed(1)} ms (machine wait ${t.inputMs.toFixed(1)} ms; ${t.how})\n`,
          );
        }
      };
      for (let run = 0; run < runs; run++) {
        await page.goto(`${server.url}/?idleSeconds=900`);
        await page.waitForFunction(() => window.kiosk?.state().scene === 'home', null, {
          timeout: 120_000,
        });
        if (values.elderly) {
          await timeTap(page, cdp, 'control:elderly');
          await page.waitForFunction(() => window.kiosk!.state().elderly);
        }
        await touchEveryControl(page, cdp, content, record);
        await touchCountdown(
          page,
          cdp,
          `${server.url}/?idleSeconds=22&countdownSeconds=20`,
          record,
        );
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
  console.log('');
  const ids = [...new Set(samples.map((s) => s.id))];
  const line = (label: string, some: typeof samples) => {
    const total = some.map((s) => s.ms);
    const wait = some.map((s) => s.inputMs);
    const own = some.map((s) => s.ms - s.inputMs);
    return `${label.padEnd(28)} touch→painted median ${median(total).toFixed(1).padStart(7)} ms, p95 ${quantile(total, 0.95).toFixed(1).padStart(7)} ms; machine wait median ${median(wait).toFixed(1).padStart(7)} ms; page's share median ${median(own).toFixed(1).padStart(6)} ms, p95 ${quantile(own, 0.95).toFixed(1).padStart(6)} ms (${some.length} touches)`;
  };
  for (const id of ids)
    console.log(
      line(
        id,
        samples.filter((s) => s.id === id),
      ),
    );
  console.log(line('all controls', samples));
  console.log(
    '(goal: touch→painted under 100 ms; the machine wait is the time before the page had the touch)',
  );
}
