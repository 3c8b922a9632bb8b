/** The servers the browser tests stand on, proven with Chromium: nginx, the fault-injecting feed, and `serve.ts` under its CSP. */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { workersOnWall } from '../../src/content/selectors';
import type { FeedIndex } from '../../src/feed/format';
import {
  bootToHome,
  DEMO_FEED,
  demoContent,
  expect,
  kioskState,
  openPerson,
  tap,
  test,
  waitForScene,
} from './kiosk';
import { startFaultServer } from './servers/fault-server';
import { startNginx } from './servers/nginx';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("Debian's nginx serves the demo feed and the app: the kiosk boots to home, and stops by pid", async ({
  page,
}) => {
  const nginx = await startNginx({ feedDir: DEMO_FEED });
  try {
    await bootToHome(page, nginx.url);
    const index = await page.evaluate(async () => {
      const res = await fetch('/feed/index.json', { cache: 'no-store' });
      return {
        cache: res.headers.get('cache-control'),
        nosniff: res.headers.get('x-content-type-options'),
      };
    });
    expect(index).toEqual({ cache: 'no-cache', nosniff: 'nosniff' });
    // nginx itself answered the kiosk's sync: its own log has the feed's signed index.
    const log = await readFile(`${nginx.dir}/access.log`, 'utf8');
    expect(log).toMatch(/"GET \/feed\/index\.json\.sig HTTP\/1\.1" 200/);
  } finally {
    await nginx.stop();
  }
  expect(alive(nginx.pid)).toBe(false);
});

test('the fault server serves the kiosk, counts requests, and a hang rule hangs a fetch until it is aborted', async ({
  page,
}) => {
  const feed = await startFaultServer({ feedDir: DEMO_FEED });
  try {
    await bootToHome(page, feed.url);
    expect(feed.requests('/feed/index.json')).toBeGreaterThanOrEqual(1);
    const before = feed.requests('/feed/index.json');

    feed.set('/feed/index.json', { kind: 'hang' });
    const outcome = await page.evaluate(async () => {
      const abort = new AbortController();
      const started = performance.now();
      setTimeout(() => abort.abort(), 1500);
      try {
        await fetch('/feed/index.json', { cache: 'no-store', signal: abort.signal });
        return { error: null, ms: performance.now() - started };
      } catch (e) {
        return { error: (e as Error).name, ms: performance.now() - started };
      }
    });
    expect(outcome.error).toBe('AbortError');
    expect(outcome.ms).toBeGreaterThanOrEqual(1400);
    expect(feed.requests('/feed/index.json')).toBe(before + 1);

    // Cleared, the same path answers again.
    feed.clear();
    expect(await page.evaluate(async () => (await fetch('/feed/index.json')).status)).toBe(200);
  } finally {
    await feed.close();
  }
});

test("each fault, as Chromium's fetch meets it: stall, flip, cut, drip, endless, status", async ({
  page,
}) => {
  const feed = await startFaultServer({ feedDir: DEMO_FEED });
  try {
    const index = JSON.parse(await readFile(`${DEMO_FEED}/index.json`, 'utf8')) as FeedIndex;
    const path = `/feed/objects/${index.manifest.sha256}`;
    const size = index.manifest.size;
    // A same-origin page that is not the kiosk: nothing else fetches while the faults are read.
    await page.goto(`${feed.url}/feed/index.json`);
    const read = (ms: number) =>
      page.evaluate(
        async ({ path, ms }) => {
          const abort = new AbortController();
          const timer = setTimeout(() => abort.abort(), ms);
          const started = performance.now();
          const bytes: number[] = [];
          let status = 0;
          let error: string | null = null;
          try {
            const res = await fetch(path, { cache: 'no-store', signal: abort.signal });
            status = res.status;
            const reader = res.body!.getReader();
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              for (const b of value) if (bytes.length < 1 << 16) bytes.push(b);
              if (bytes.length >= 1 << 16) bytes.length = 1 << 16;
            }
          } catch (e) {
            error = (e as Error).name;
          }
          clearTimeout(timer);
          return { status, bytes, error, ms: performance.now() - started };
        },
        { path, ms },
      );

    const whole = await read(5000);
    expect(whole).toMatchObject({ status: 200, error: null });
    expect(whole.bytes).toHaveLength(size);

    feed.set(path, { kind: 'stall', afterBytes: 100 });
    expect(await read(1500)).toMatchObject({
      status: 200,
      error: 'AbortError',
      bytes: whole.bytes.slice(0, 100),
    });

    feed.set(path, { kind: 'flip', at: 10 });
    const flipped = await read(5000);
    expect(flipped.bytes).toHaveLength(size);
    expect(flipped.bytes.flatMap((b, i) => (b === whole.bytes[i] ? [] : [i]))).toEqual([10]);

    feed.set(path, { kind: 'cut', afterBytes: 1000 });
    const cut = await read(5000);
    expect(cut).toMatchObject({ status: 200, error: 'TypeError' });
    expect(cut.bytes.length).toBeLessThanOrEqual(1000);

    feed.set(path, { kind: 'drip', bytesPerSecond: size / 1.5 });
    const drip = await read(10_000);
    expect(drip.bytes).toEqual(whole.bytes);
    expect(drip.ms).toBeGreaterThan(1000);

    feed.set(path, { kind: 'endless' });
    const endless = await read(700);
    expect(endless).toMatchObject({ status: 200, error: 'AbortError' });
    expect(endless.bytes.length).toBeGreaterThan(size);

    feed.set(path, { kind: 'status', status: 503 }, { times: 1 });
    expect((await read(5000)).status).toBe(503);
    expect((await read(5000)).status).toBe(200); // `times: 1` spent: served normally again
    expect(feed.requests(path)).toBe(8); // one per read above, faulted or not
  } finally {
    await feed.close();
  }
});

async function playFirstFilm(page: Page): Promise<void> {
  const content = await demoContent();
  const { wall, w } = content.walls.flatMap((wall) =>
    workersOnWall(content, wall)
      .filter((w) => w.videos?.length)
      .map((w) => ({ wall, w })),
  )[0]!;
  await openPerson(page, wall.id, w.id);
  await tap(page, 'control:video-0');
  await waitForScene(page, 'video');
  await expect
    .poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), {
      timeout: 20_000,
    })
    .toBeGreaterThan(1);
}

test("under serve.ts's Content-Security-Policy the kiosk boots, opens a wall and plays a film, with no violation", async ({
  page,
  server,
}) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  const response = await page.goto(server.url);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self';");
  await bootToHome(page, server.url);
  await playFirstFilm(page);
  expect((await kioskState(page)).scene).toBe('video');
  expect(violations).toEqual([]);
});
