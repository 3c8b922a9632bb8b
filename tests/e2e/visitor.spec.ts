/** A visitor at the screen: taps through wall, person and story; walks away and the next one starts fresh. */
import { workersOnWall } from '../../src/content/selectors';
import {
  bootToHome,
  demoContent,
  openPerson,
  demoManifest,
  kioskState,
  swipe,
  tap,
  waitForScene,
  expect,
  test,
} from './kiosk';

test('a visitor taps a card on the wall and reaches the person and their story', async ({
  page,
  server,
}) => {
  const content = await demoContent();
  const wall = content.walls[0]!;
  // A person near the top of the wall (on screen without scrolling) who has a story to tell.
  const worker = workersOnWall(content, wall)
    .slice(0, 8)
    .find((w) => (w.chapters?.length ?? 0) >= 2);
  expect(worker, 'the demo wall should show a person with a story near its top').toBeTruthy();
  await bootToHome(page, server.url);
  await expect(page.getByRole('heading', { name: content.hall.name['zh-CN'] })).toBeVisible();

  await openPerson(page, wall.id, worker!.id);
  await expect(page.locator('h2.name .first')).toHaveText(worker!.name['zh-CN']);
  await expect(page.getByText(worker!.honors[0]!.title['zh-CN']).first()).toBeVisible();

  await tap(page, 'control:story');
  await waitForScene(page, 'story');
  const chapters = worker!.chapters!.toSorted((a, b) => a.year - b.year);
  await expect(page.locator('[data-chapter="0"] h2')).toHaveText(chapters[0]!.title['zh-CN']);
  await expect(page.locator('[data-chapter="0"]')).toBeVisible();
  await tap(page, 'control:next');
  await expect(page.locator('[data-chapter="1"]')).toBeVisible();
  await expect(page.locator('[data-chapter="1"] h2')).toHaveText(chapters[1]!.title['zh-CN']);
  await expect(page.locator('[data-chapter="0"]')).toBeHidden();

  // A swipe to the right goes back a chapter, a swipe to the left forward again.
  const stage = (await page.locator('.stage').boundingBox())!;
  const middle = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
  await swipe(page, middle, 300);
  await expect(page.locator('[data-chapter="0"]')).toBeVisible();
  await expect(page.locator('[data-chapter="1"]')).toBeHidden();
  await swipe(page, middle, -300);
  await expect(page.locator('[data-chapter="1"]')).toBeVisible();

  // Language switch: the same chapter in English.
  await tap(page, 'control:language');
  await expect.poll(async () => (await kioskState(page)).locale).toBe('en');
  await expect(page.locator('[data-chapter="1"] h2')).toHaveText(chapters[1]!.title.en!);
});

test('a visitor who walks away mid-story leaves a fresh start for the next one', async ({
  page,
  server,
}) => {
  const content = await demoContent();
  const wall = content.walls[0]!;
  const worker = workersOnWall(content, wall)
    .slice(0, 8)
    .find((w) => (w.chapters?.length ?? 0) >= 2)!;
  await bootToHome(page, `${server.url}/?idleSeconds=12&countdownSeconds=5`);
  await openPerson(page, wall.id, worker.id);
  await tap(page, 'control:story');
  await waitForScene(page, 'story');
  await tap(page, 'control:language');
  await expect.poll(async () => (await kioskState(page)).locale).toBe('en');
  // The visitor leaves: a gentle countdown, then the attract loop, in Chinese, with nothing open.
  await expect(page.locator('[data-locate="control:countdown"]')).toBeVisible({
    timeout: 30_000,
  });
  await waitForScene(page, 'attract', 30_000);
  expect((await kioskState(page)).locale).toBe('zh-CN');
  await expect(page.locator('[data-locate="control:countdown"]')).toHaveCount(0);
  // The next visitor's first touch opens a fresh home screen.
  await page.touchscreen.tap(400, 400);
  await waitForScene(page, 'home', 5_000);
  expect((await kioskState(page)).locale).toBe('zh-CN');
});

test('a visitor who only switched the language on the home screen leaves it in Chinese', async ({
  page,
  server,
}) => {
  await bootToHome(page, `${server.url}/?idleSeconds=15&countdownSeconds=3`);
  await tap(page, 'control:language');
  await expect.poll(async () => (await kioskState(page)).locale).toBe('en');
  await expect.poll(async () => (await kioskState(page)).locale, { timeout: 60_000 }).toBe('zh-CN');
  expect((await kioskState(page)).scene).toBe('attract');
});

test('a tap that dismisses the countdown does not also press what lies beneath', async ({
  page,
  server,
}) => {
  const content = await demoContent();
  const worker = workersOnWall(content, content.walls[0]!)[0]!;
  await bootToHome(page, `${server.url}/?idleSeconds=20&countdownSeconds=8`);
  await openPerson(page, content.walls[0]!.id, worker.id);
  const back = (await page.evaluate(() => window.kiosk!.locate('control:back')))!;
  await expect(page.locator('[data-locate="control:countdown"]')).toBeVisible({
    timeout: 30_000,
  });
  // The back button is under the overlay now: the seam says it cannot be tapped.
  expect(await page.evaluate(() => window.kiosk!.locate('control:back'))).toBeNull();
  await page.touchscreen.tap(back.x + back.width / 2, back.y + back.height / 2);
  await expect(page.locator('[data-locate="control:countdown"]')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect((await kioskState(page)).scene).toBe('person');
});

test('first boot shows a calm progress screen with real bytes and files, then home', async ({
  page,
  server,
}) => {
  const manifest = await demoManifest();
  const totalMb = (manifest.files.reduce((n, f) => n + f.size, 0) / 1e6).toFixed(1);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 400_000,
    uploadThroughput: 400_000,
  });
  await page.goto(server.url);
  await expect(page.getByText('正在准备展陈内容')).toBeVisible();
  const numbers = page.locator('[data-locate="control:progress"]');
  const read = async () => {
    const m = /([\d.]+) \/ ([\d.]+) MB · (\d+) \/ (\d+)/.exec((await numbers.textContent()) ?? '');
    return m ? { mb: Number(m[1]), totalMb: m[2], files: Number(m[3]), total: Number(m[4]) } : null;
  };
  await expect.poll(read).toMatchObject({ totalMb, total: manifest.files.length });
  const first = (await read())!;
  // The numbers move as bytes arrive.
  await expect
    .poll(async () => (await read())?.mb ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(first.mb);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await waitForScene(page, 'home', 120_000);
});
