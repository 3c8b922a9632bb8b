/** Nobody at the screen: countdown, reset, the attract loop; a touch brings home at once, whatever the wall clock does. */
import {
  demoContent,
  bootToHome,
  expect,
  kioskState,
  openPerson,
  test,
  waitForScene,
} from './kiosk';
import { workersOnWall } from '../../src/content/selectors';

test('after the countdown the attract loop plays the hall’s own content, and a touch opens home', async ({
  page,
  server,
}) => {
  const content = await demoContent();
  const wall = content.walls[0]!;
  const worker = workersOnWall(content, wall)[0]!;
  await bootToHome(page, `${server.url}/?idleSeconds=12&countdownSeconds=3`);
  await openPerson(page, wall.id, worker.id);
  await expect(page.locator('[data-locate="control:countdown"]')).toBeVisible({ timeout: 30_000 });
  await waitForScene(page, 'attract', 30_000);
  // The loop is made of the pack's own content: the demo's playlist begins with a wall flying
  // slowly by, under the hall's invitation in both languages.
  const first = content.attract.playlist![0]!;
  const flown = content.walls.find((w) => 'wall' in first && w.id === first.wall)!;
  const attract = page.locator('[data-scene="attract"]');
  await expect(attract.locator('[data-segment="wall"]')).toBeVisible();
  await expect(attract.getByText(flown.title['zh-CN'])).toBeVisible();
  await expect(attract.getByText(content.attract.message['zh-CN'])).toBeVisible();
  await expect(attract.getByText(content.attract.message.en!)).toBeVisible();
  await page.waitForFunction(
    () => ((window.kiosk!.wallStats() as { onScreen?: number } | null)?.onScreen ?? 0) > 0,
    null,
    { timeout: 30_000 },
  );

  // The next visitor arrives a little later, as people do (the loop has settled by then).
  await page.waitForTimeout(1500);
  // From the touch to the home screen in the page: at most 100 ms.
  await page.evaluate(() => {
    const w = window as unknown as { touchedAt?: number; homeAt?: number };
    addEventListener(
      'pointerdown',
      (e) => {
        w.touchedAt ??= e.timeStamp;
        (w as { handledAt?: number }).handledAt ??= performance.now();
      },
      { capture: true },
    );
    // Home is uncovered when the attract loop leaves the page (the home screen lies beneath it).
    new MutationObserver(() => {
      if (!document.querySelector('[data-scene="attract"]')) w.homeAt ??= performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.touchscreen.tap(300, 300);
  await waitForScene(page, 'home', 5_000);
  await expect(page.locator('[data-scene="home"]')).toBeVisible();
  const ms = await page.evaluate(() => {
    const w = window as unknown as { touchedAt: number; homeAt: number };
    return w.homeAt - w.touchedAt;
  });
  console.log(
    `attract → home: ${ms.toFixed(1)} ms`,
    await page.evaluate(() => {
      const w = window as unknown as { touchedAt: number; homeAt: number; handledAt: number };
      return { queued: w.handledAt - w.touchedAt, render: w.homeAt - w.handledAt };
    }),
  );
  // The 100 ms goal is measured by `npm run bench -- attract` (a timed assertion here would flake
  // on a shared machine); here: home came at once, not after some later event.
  expect(ms).toBeLessThan(2000);
  // The touch that ended the loop pressed nothing on the home screen beneath it.
  await page.waitForTimeout(300);
  expect((await kioskState(page)).scene).toBe('home');
});

test('a wall clock that jumps back an hour does not freeze the idle reset', async ({
  page,
  server,
}) => {
  const content = await demoContent();
  const wall = content.walls[0]!;
  // Idle time long enough for a busy machine to open the person before any countdown.
  await bootToHome(page, `${server.url}/?idleSeconds=15&countdownSeconds=3`);
  await openPerson(page, wall.id, workersOnWall(content, wall)[0]!.id);
  // NTP or a dead RTC battery: the wall clock now reads an hour earlier than a moment ago.
  await page.evaluate(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() - 3_600_000;
  });
  await waitForScene(page, 'attract', 45_000);
  expect((await kioskState(page)).locale).toBe('zh-CN');
});
