/**
 * The film player as a visitor and the hall meet it: it plays offline from storage and a finger
 * moves through it on the scrub bar; captions follow the language; the idle reset waits for a film
 * that plays; a pack with a film broken in its middle never goes live; a film that fails at play
 * time says so calmly and the way back works.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import type { Content } from '../../src/content/schema';
import { workersOnWall } from '../../src/content/selectors';
import {
  DEMO_SOURCE,
  bootToHome,
  buildDemoFeed,
  copyDemoFeed,
  demoContent,
  demoSourceWithWelcome,
  expect,
  kioskState,
  openPerson,
  serveKiosk,
  tap,
  test,
  waitForScene,
} from './kiosk';

/** Long enough that the idle countdown never covers the player while these tests act on it. */
const CALM = '?idleSeconds=900&countdownSeconds=10';

/** The person with a film nearest the top of a wall (on screen without scrolling), and the film. */
async function filmPerson(content: Content) {
  const options = content.walls.flatMap((wall) =>
    workersOnWall(content, wall)
      .map((w, i) => ({ wall, worker: w, i }))
      .filter(({ worker }) => worker.videos?.length),
  );
  const { wall, worker } = options.toSorted((a, b) => a.i - b.i)[0]!;
  return { wall, worker, film: worker.videos![0]! };
}

/** From home, as a visitor: wall, person, then the film's button. */
async function openFilm(page: Page, content: Content): Promise<void> {
  const { wall, worker } = await filmPerson(content);
  await openPerson(page, wall.id, worker.id);
  await tap(page, 'control:video-0');
  await waitForScene(page, 'video');
}

const video = (page: Page) => page.locator('[data-scene="video"] video');
const playhead = (page: Page) => video(page).evaluate((v: HTMLVideoElement) => v.currentTime);
const filmState = (page: Page) => page.locator('[data-film-state]').getAttribute('data-film-state');

/** Page errors, gathered from the start of a test. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The bar's track on screen, and the film's moment under a point `fraction` along it. */
async function scrubTrack(page: Page) {
  const box = (await page.locator('[data-locate="control:scrub"] .track').boundingBox())!;
  const duration = await video(page).evaluate((v: HTMLVideoElement) => v.duration);
  return {
    y: box.y + box.height / 2,
    x: (fraction: number) => box.x + box.width * fraction,
    timeAt: (x: number) => ((x - box.x) / box.width) * duration,
    duration,
  };
}

/** One finger through Chromium's real touch input. */
const touch = (
  cdp: CDPSession,
  type: 'touchStart' | 'touchMove' | 'touchEnd',
  x?: number,
  y?: number,
) =>
  cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: x === undefined ? [] : [{ x, y: y!, id: 1 }],
  });

/** The cue text of `file` (WebVTT) showing at `time`, as a viewer reads it. */
async function cueAt(file: string, time: number): Promise<string> {
  const vtt = await readFile(join(DEMO_SOURCE, file), 'utf8');
  const stamp = (s: string) => s.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  for (const block of vtt.split(/\n\s*\n/)) {
    const lines = block.trim().split('\n');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const [from, to] = lines[at]!.split('-->').map((s) => stamp(s.trim()));
    if (time >= from! && time < to!) return lines.slice(at + 1).join('\n');
  }
  throw new Error(`no cue at ${time} s in ${file}`);
}

/** Each caption track: its language, mode, and the text of its cues on screen now. */
const captions = (page: Page) =>
  video(page).evaluate((v: HTMLVideoElement) =>
    [...v.textTracks].map((t) => ({
      lang: t.language,
      mode: t.mode,
      text: [...(t.activeCues ?? [])].map((c) => (c as VTTCue).text).join('\n'),
    })),
  );

test('offline, a film plays from storage and a finger moves through it on the scrub bar', async ({
  page,
  server,
}) => {
  const errors = pageErrors(page);
  const content = await demoContent();
  await bootToHome(page, `${server.url}/${CALM}`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await server.close(); // nothing answers on that port any more
  await page.context().setOffline(true);

  await openFilm(page, content);
  await expect.poll(() => playhead(page)).toBeGreaterThan(0.5);
  await expect(page.locator('[data-locate="film:total"]')).toHaveText('0:14');
  // Paused by the visitor's tap: the big play button shows.
  await tap(page, 'control:film-play');
  await expect.poll(() => filmState(page)).toBe('paused');
  await expect(page.locator('[data-locate="control:film-big-play"]')).toBeVisible();

  // A drag from a tenth to six tenths of the bar: the bubble follows the finger, the film goes
  // where the finger lets go.
  const bar = await scrubTrack(page);
  const cdp = await page.context().newCDPSession(page);
  await touch(cdp, 'touchStart', bar.x(0.1), bar.y);
  for (let i = 1; i <= 10; i++) await touch(cdp, 'touchMove', bar.x(0.1 + i * 0.05), bar.y);
  const bubble = page.locator('[data-locate="film:bubble"]');
  await expect(bubble).toBeVisible();
  const dragged = bar.timeAt(bar.x(0.6));
  await expect(bubble).toHaveText(`0:${String(Math.floor(dragged)).padStart(2, '0')}`);
  expect(Math.abs((await playhead(page)) - dragged)).toBeGreaterThan(2); // not sought yet
  await touch(cdp, 'touchEnd');
  await cdp.detach();
  await expect(bubble).toHaveCount(0);
  await expect.poll(() => playhead(page)).toBeCloseTo(dragged, 0);
  expect(Math.abs((await playhead(page)) - dragged)).toBeLessThan(0.1);

  // A tap at a quarter jumps there; play goes on from there, not from the start.
  await page.touchscreen.tap(bar.x(0.25), bar.y);
  const tapped = bar.timeAt(bar.x(0.25));
  await expect.poll(async () => Math.abs((await playhead(page)) - tapped)).toBeLessThan(0.1);
  await tap(page, 'control:film-big-play');
  await expect.poll(() => playhead(page)).toBeGreaterThan(tapped + 0.5);
  expect(await filmState(page)).toBe('playing');

  // Leaving mid-film lets the player go at once (no decoder kept until garbage collection).
  const player = await video(page).elementHandle();
  await tap(page, 'control:back');
  await waitForScene(page, 'person');
  expect(
    await player!.evaluate((v: HTMLVideoElement) => ({
      src: v.getAttribute('src'),
      state: v.readyState, // 0: HAVE_NOTHING, no picture or sound held
      loading: v.networkState === v.NETWORK_LOADING,
    })),
  ).toEqual({ src: null, state: 0, loading: false });
  expect(errors).toEqual([]);
});

test('captions follow the language: the cue on screen in Chinese, then in English', async ({
  page,
  server,
}) => {
  const content = await demoContent();
  const { film } = await filmPerson(content);
  await bootToHome(page, `${server.url}/${CALM}`);
  await openFilm(page, content);
  await expect.poll(() => playhead(page)).toBeGreaterThan(0.2);
  await tap(page, 'control:film-play');
  // The visitor taps the bar at about 4.8 s, inside the film's second cue.
  const bar = await scrubTrack(page);
  await page.touchscreen.tap(bar.x(4.8 / bar.duration), bar.y);
  await expect.poll(async () => Math.abs((await playhead(page)) - 4.8)).toBeLessThan(0.2);
  const at = await playhead(page);

  const zh = await cueAt(film.captions!['zh-CN']!, at);
  await expect
    .poll(() => captions(page))
    .toEqual([
      { lang: 'zh-CN', mode: 'showing', text: zh },
      { lang: 'en', mode: 'disabled', text: '' },
    ]);

  await tap(page, 'control:language');
  await expect.poll(async () => (await kioskState(page)).locale).toBe('en');
  const en = await cueAt(film.captions!.en!, at);
  expect(en).not.toBe(zh);
  await expect
    .poll(() => captions(page))
    .toEqual([
      { lang: 'zh-CN', mode: 'disabled', text: '' },
      { lang: 'en', mode: 'showing', text: en },
    ]);
});

test('the idle countdown waits for a playing film, and comes once it has ended', async ({
  page,
  server,
}) => {
  const content = await demoContent();
  // Five seconds untouched is idle (the shortest a kiosk accepts); the film is fourteen.
  await bootToHome(page, `${server.url}/?idleSeconds=5&countdownSeconds=2&attract=0`);
  await openFilm(page, content);
  await expect.poll(() => playhead(page)).toBeGreaterThan(0.2);
  // The visitor's last touch: a jump to 40 % (5.6 s), leaving 8.4 s to play untouched.
  const bar = await scrubTrack(page);
  await page.touchscreen.tap(bar.x(0.4), bar.y);
  const countdown = page.locator('[data-locate="control:countdown"]');
  // Untouched for the rest of the film: never a countdown, never a reset.
  const lastTouch = Date.now();
  while ((await filmState(page)) !== 'ended') {
    const into = ((Date.now() - lastTouch) / 1000).toFixed(1);
    expect(await countdown.count(), `no countdown ${into} s after the last touch`).toBe(0);
    expect((await kioskState(page)).scene).toBe('video');
    expect(Date.now() - lastTouch, 'the film ends').toBeLessThan(40_000);
    await page.waitForTimeout(250);
  }
  expect(Date.now() - lastTouch, 'untouched for longer than the idle time').toBeGreaterThan(6000);
  // Ended: the usual countdown, then the reset home.
  await expect(page.locator('[data-film-card="ended"]')).toBeVisible();
  await expect(countdown).toBeVisible({ timeout: 10_000 });
  await waitForScene(page, 'home', 10_000);
});

/** Overwrites the middle third of the MP4's media data with seeded noise: it still opens and shows its first frame. */
async function garbleMiddle(file: string): Promise<void> {
  const bytes = await readFile(file);
  let at = 0;
  while (at + 8 <= bytes.length && bytes.toString('ascii', at + 4, at + 8) !== 'mdat')
    at += bytes.readUInt32BE(at);
  expect(at + 8, 'the film has a media data box').toBeLessThan(bytes.length);
  const end = at + bytes.readUInt32BE(at);
  const third = Math.floor((end - at) / 3);
  let seed = 8;
  for (let i = at + third; i < at + 2 * third; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  await writeFile(file, bytes);
}

test('a pack whose film breaks in its middle is refused before it goes live, the film named', async ({
  page,
}) => {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-film-'));
  const feed = await copyDemoFeed(join(work, 'feed'));
  const server = await serveKiosk(feed);
  try {
    await bootToHome(page, server.url, 1);
    const source = await demoSourceWithWelcome(work, '影片中段坏了');
    const { film } = await filmPerson(await demoContent());
    await garbleMiddle(join(source, film.file));
    // Signed with the garbled bytes: every hash holds, only playing it shows the damage.
    await buildDemoFeed(feed, source, 2);
    expect(await page.evaluate(() => window.kiosk!.checkNow())).toMatchObject({
      outcome: 'rejected',
      version: 2,
    });
    const [entry] = await page.evaluate(() => window.kiosk!.log());
    expect(entry).toMatchObject({ level: 'error', code: 'video-unseekable' });
    expect(entry!.message).toContain(film.file);
    expect(entry!.message).toMatch(/cannot be played from its middle/);
    expect((await kioskState(page)).pack).toMatchObject({ version: 1, embedded: false });
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('a film that fails at play time shows a calm notice at once, and the way back works', async ({
  page,
  server,
}) => {
  const errors = pageErrors(page);
  const content = await demoContent();
  const { wall, worker, film } = await filmPerson(content);
  await bootToHome(page, `${server.url}/${CALM}`);
  // Every stored film spoilt after the pack went live (a failing disk); a fresh page has
  // nothing of them in memory.
  await page.evaluate(async () => {
    const cache = await caches.open('kiosk-objects-v1');
    for (const request of await cache.keys()) {
      const type = (await cache.match(request))?.headers.get('content-type') ?? '';
      if (!type.startsWith('video/')) continue;
      const noise = new Uint8Array(64 * 1024).fill(0x5a);
      await cache.put(request, new Response(noise, { headers: { 'content-type': type } }));
    }
  });
  await page.reload();
  await waitForScene(page, 'home');
  await openPerson(page, wall.id, worker.id);
  const tapped = Date.now();
  await tap(page, 'control:video-0');
  const notice = page.locator('[data-film-card="failed"]');
  await expect(notice).toBeVisible();
  // At once: from the media error, well before the 6 s a stalled film is given.
  expect(Date.now() - tapped, 'the notice came at once').toBeLessThan(5000);
  await expect(notice).toContainText('这部影片暂时无法播放');
  await expect(notice).toContainText('This film cannot be played just now');
  // The player let its film go at once; nothing is left to count as playing.
  expect(await video(page).evaluate((v: HTMLVideoElement) => v.getAttribute('src'))).toBeNull();
  const [entry] = await page.evaluate(() => window.kiosk!.log());
  expect(entry).toMatchObject({ code: 'film-failed' });
  expect(entry!.message).toContain(film.file);

  await tap(page, 'control:film-back');
  await waitForScene(page, 'person');
  await expect(page.locator('[data-scene="video"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});
