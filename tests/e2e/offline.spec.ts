/** The hall loses its network: the kiosk reloads from its own storage, browses, plays and seeks video. */
import type { Page } from '@playwright/test';
import { workersOnWall } from '../../src/content/selectors';
import { bootToHome, demoContent, openPerson, tap, waitForScene, expect, test } from './kiosk';

async function openFirstVideo(page: Page) {
  const content = await demoContent();
  // The wall and person with a film, nearest the top of the wall.
  const options = content.walls.flatMap((wall) =>
    workersOnWall(content, wall)
      .map((w, i) => ({ wall, w, i }))
      .filter(({ w }) => w.videos?.length),
  );
  const { wall, w } = options.toSorted((a, b) => a.i - b.i)[0]!;
  await openPerson(page, wall.id, w.id);
  await tap(page, 'control:video-0');
  await waitForScene(page, 'video');
}

async function goOffline(page: Page, close: () => Promise<void>) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await close(); // nothing answers on that port any more
  await page.context().setOffline(true);
  await page.reload();
  await waitForScene(page, 'home', 30_000);
}

const playhead = (page: Page) =>
  page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);

test('with the network cut, a reload still boots, browses and plays a video', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await goOffline(page, server.close);
  await expect(page.locator('.door img').first()).toHaveJSProperty('complete', true);
  expect(
    await page
      .locator('.door img')
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  await openFirstVideo(page);
  await expect.poll(() => playhead(page), { timeout: 20_000 }).toBeGreaterThan(1);
  const tracks = await page
    .locator('video')
    .evaluate((v: HTMLVideoElement) =>
      [...v.textTracks].map((t) => ({ lang: t.language, mode: t.mode, cues: t.cues?.length ?? 0 })),
    );
  expect(tracks).toContainEqual({ lang: 'zh-CN', mode: 'showing', cues: expect.any(Number) });
  expect(tracks.find((t) => t.lang === 'zh-CN')!.cues).toBeGreaterThan(0);
});

test('a cached video seeks offline (Range answered with 206 from storage)', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await goOffline(page, server.close);
  await openFirstVideo(page);
  await expect.poll(() => playhead(page), { timeout: 20_000 }).toBeGreaterThan(0.2);
  const { target, landed } = await page.locator('video').evaluate(async (v: HTMLVideoElement) => {
    const target = Math.max(1, v.duration * 0.7);
    await new Promise<void>((resolve) => {
      v.addEventListener('seeked', () => resolve(), { once: true });
      v.currentTime = target;
    });
    return { target, landed: v.currentTime };
  });
  expect(Math.abs(landed - target)).toBeLessThan(0.5);
  // What the player relies on: the worker slices a Range out of the stored file (206), offline.
  const src = await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentSrc);
  const slice = await page.evaluate(async (url) => {
    const res = await fetch(url, { headers: { Range: 'bytes=100-199' } });
    return {
      status: res.status,
      length: (await res.arrayBuffer()).byteLength,
      range: res.headers.get('content-range'),
      type: res.headers.get('content-type'),
    };
  }, src);
  expect(slice).toMatchObject({ status: 206, length: 100, type: 'video/mp4' });
  expect(slice.range).toMatch(/^bytes 100-199\/\d+$/);
  // And it plays on from there, not from the start.
  await expect.poll(() => playhead(page), { timeout: 10_000 }).toBeGreaterThan(target + 0.3);
});
