/** A kiosk standing upright (1080×1920): a whole visit runs without a single page or console error. */
import { workersOnWall } from '../../src/content/selectors';
import {
  bootToHome,
  demoContent,
  kioskState,
  openPerson,
  tap,
  waitForScene,
  expect,
  test,
} from './kiosk';

test.use({ viewport: { width: 1080, height: 1920 } });

test('a visit on a portrait screen: wall, person, story, film and history, with no errors', async ({
  page,
  server,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  const content = await demoContent();
  const wall = content.walls.find((w) => workersOnWall(content, w).some((x) => x.videos?.length))!;
  const worker = workersOnWall(content, wall).find((w) => w.videos?.length && w.chapters?.length)!;
  await bootToHome(page, server.url);
  await openPerson(page, wall.id, worker.id);
  await tap(page, 'control:story');
  await waitForScene(page, 'story');
  await tap(page, 'control:next');
  await expect(page.locator('[data-chapter="1"]')).toBeVisible();
  await tap(page, 'control:back');
  await tap(page, 'control:video-0');
  await waitForScene(page, 'video');
  await expect
    .poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime))
    .toBeGreaterThan(0.5);
  await tap(page, 'control:home');
  await waitForScene(page, 'home');
  await tap(page, 'control:history');
  await waitForScene(page, 'history');
  await tap(page, 'control:next');
  await expect(page.locator('[data-scene="history"]')).toHaveAttribute('data-focus', '1');
  await expect(page.locator('[data-event="1"]')).toBeInViewport();
  // The history's long title is set smaller on this narrow bar rather than cut short, in both
  // languages (English runs longer); the card stands lower, sharing the spare height above and below.
  const titleCut = () =>
    page
      .locator('[data-scene="history"] .title > .first')
      .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  await expect.poll(titleCut).toBe(false);
  await tap(page, 'control:language');
  await expect.poll(async () => (await kioskState(page)).locale).toBe('en');
  await expect.poll(titleCut).toBe(false);
  const gaps = await page.evaluate(() => {
    const viewport = document.querySelector('[data-scene="history"] .viewport')!;
    const card = document.querySelector('[data-event="1"] .card')!;
    const v = viewport.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    return { above: c.top - v.top, below: v.bottom - c.bottom };
  });
  expect(gaps.above).toBeGreaterThan(300);
  expect(gaps.below).toBeGreaterThan(100);
  expect(problems).toEqual([]);
});
