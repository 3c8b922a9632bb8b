/** Elderly mode (长者模式): one tap on home, larger text everywhere, calm motion, twice the idle time, gone at the idle reset. */
import type { Page } from '@playwright/test';
import { workersOnWall } from '../../src/content/selectors';
import { bootToHome, demoContent, expect, kioskState, tap, test, waitForScene } from './kiosk';

/** Computed font sizes (px) of the first element matching each selector. */
async function fontSizes(page: Page, selectors: string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((s) => {
          const el = document.querySelector(s);
          if (!el) throw new Error(`nothing on screen matches ${s}`);
          return [s, parseFloat(getComputedStyle(el).fontSize)];
        }),
      ),
    selectors,
  );
}

/** Every selector's size in `after` is at least `factor` times its size in `before`. */
function expectScaled(
  before: Record<string, number>,
  after: Record<string, number>,
  factor: number,
) {
  for (const [selector, size] of Object.entries(before))
    expect(
      after[selector]! / size,
      `${selector}: ${size}px → ${after[selector]}px`,
    ).toBeGreaterThanOrEqual(factor - 1e-6);
}

const HOME = [
  '.welcome',
  '.door h2 .first',
  '.door .count',
  '[data-locate="control:language"]',
  '[data-locate="control:elderly"] .first',
];
const PERSON = [
  '[data-scene="person"] .honors li',
  '[data-scene="person"] .facts dd',
  '[data-scene="person"] .bio',
  '[data-scene="person"] blockquote',
  '[data-locate="control:back"]',
  '[data-locate="control:story"]',
];
const STORY = [
  '[data-chapter="0"] h2',
  '[data-chapter="0"] .body',
  '[data-chapter="0"] .count',
  '[data-locate="control:next"]',
  '[data-locate="control:chapter-1"] .year',
];

type Book = Record<string, Record<string, number[]>>;
const total = (book: Book, event: string) =>
  Object.values(book).reduce((n, day) => n + (day[event] ?? []).reduce((a, b) => a + b, 0), 0);

test('one tap on home turns elderly mode on: text at least 1.4× on home, person and story; a second tap turns it off; counted once a visit', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000);
  const content = await demoContent();
  const wall = content.walls[0]!;
  const worker = workersOnWall(content, wall)
    .slice(0, 8)
    .find((w) => (w.chapters?.length ?? 0) >= 2 && w.quote && w.bio)!;
  await bootToHome(page, `${server.url}/?idleSeconds=900`);
  const toggle = page.locator('[data-locate="control:elderly"]');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toContainText('长者模式');
  await expect(toggle).toContainText('Larger text');

  // The usual sizes first, on each screen, then the same screens in elderly mode.
  const visit = async () => {
    const home = await fontSizes(page, HOME);
    await tap(page, `control:wall-${wall.id}`);
    await waitForScene(page, 'wall');
    await tap(page, `worker:${worker.id}`);
    await waitForScene(page, 'person');
    await page.locator('[data-locate="control:story"]').scrollIntoViewIfNeeded();
    const person = await fontSizes(page, PERSON);
    await tap(page, 'control:story');
    await waitForScene(page, 'story');
    const story = await fontSizes(page, STORY);
    await tap(page, 'control:home');
    await waitForScene(page, 'home');
    return { home, person, story };
  };
  const usual = await visit();
  expect((await kioskState(page)).scene).toBe('home');

  await tap(page, 'control:elderly');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => page.evaluate(() => window.kiosk!.state().elderly)).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('data-elderly', '');
  // Motion is calm with it: stories drift gently and the wall's glides take half as long again.
  await expect(page.locator('html')).toHaveAttribute('data-calm', '');
  expect(await page.evaluate(() => window.kiosk!.state().calm)).toBe(true);
  const larger = await visit();
  expectScaled(usual.home, larger.home, 1.4);
  expectScaled(usual.person, larger.person, 1.4);
  expectScaled(usual.story, larger.story, 1.4);

  // Muted text is brighter: its contrast rises with the mode (7:1 or more on the hall's reds).
  const muted = () =>
    page.evaluate(() => getComputedStyle(document.querySelector('.door .sub, .hours')!).color);
  const elderlyMuted = await muted();

  // The visitor can turn it off again; turning it on twice in one visit counts once.
  await tap(page, 'control:elderly');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).not.toHaveAttribute('data-elderly', '');
  await expect(page.locator('html')).not.toHaveAttribute('data-calm', '');
  expect(await muted()).not.toBe(elderlyMuted);
  expect(await fontSizes(page, HOME)).toEqual(usual.home);
  await tap(page, 'control:elderly');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const book = (await page.evaluate(() => window.kiosk!.stats())) as Book;
  expect(total(book, 'elderly')).toBe(1);
});

test('elderly mode gives twice the idle time and countdown, and the idle reset turns it off', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  // Playwright's clock: time runs as usual, and the test jumps it forward.
  await page.clock.install();
  // 60 s to the reset, the last 10 of them counting down; in elderly mode 120 s and 20 s. (Real
  // seconds pass between the steps too, a few at most on a loaded machine: the checks allow them.)
  await bootToHome(page, `${server.url}/?idleSeconds=60&countdownSeconds=10`);
  const countdown = page.locator('[data-locate="control:countdown"]');
  const secondsLeft = async () => Number(await countdown.locator('.num').textContent());

  // The usual visitor first: the countdown starts 50 s after the last touch.
  await tap(page, 'control:history');
  await waitForScene(page, 'history');
  await page.clock.fastForward(52_000);
  await expect(countdown).toBeVisible();
  expect(await secondsLeft()).toBeLessThanOrEqual(10);
  await tap(page, 'control:countdown'); // still there: the countdown goes, the history stays
  await expect(countdown).toHaveCount(0);
  await tap(page, 'control:home');
  await waitForScene(page, 'home');

  // In elderly mode the same wait shows nothing; the countdown comes at 100 s and counts from 20.
  await tap(page, 'control:elderly');
  await tap(page, 'control:history');
  await waitForScene(page, 'history');
  await page.clock.fastForward(52_000);
  expect((await kioskState(page)).scene).toBe('history');
  await expect(countdown).toHaveCount(0);
  await page.clock.fastForward(50_000);
  await expect(countdown).toBeVisible();
  const left = await secondsLeft();
  expect(left).toBeGreaterThan(10);
  expect(left).toBeLessThanOrEqual(20);
  expect((await kioskState(page)).scene).toBe('history');

  // Nobody comes back: the idle reset ends the visit, and with it elderly mode.
  await page.clock.fastForward(20_000);
  await waitForScene(page, 'attract', 30_000);
  expect(await page.evaluate(() => window.kiosk!.state().elderly)).toBe(false);
  await expect(page.locator('html')).not.toHaveAttribute('data-elderly', '');
  // The next visitor's first touch opens home with the toggle off.
  await page.touchscreen.tap(400, 400);
  await waitForScene(page, 'home', 10_000);
  await expect(page.locator('[data-locate="control:elderly"]')).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('while elderly mode is on, stories move calmly: a chapter comes in with a third of the travel', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000);
  const content = await demoContent();
  const wall = content.walls[0]!;
  const worker = workersOnWall(content, wall)
    .slice(0, 8)
    .find((w) => (w.chapters?.length ?? 0) >= 3)!;
  await bootToHome(page, `${server.url}/?idleSeconds=900`);

  /** Opens the story and turns the page: the furthest the new chapter stood from its place (px). */
  const travel = async () => {
    await tap(page, `control:wall-${wall.id}`);
    await waitForScene(page, 'wall');
    await tap(page, `worker:${worker.id}`);
    await waitForScene(page, 'person');
    await page.locator('[data-locate="control:story"]').scrollIntoViewIfNeeded();
    await tap(page, 'control:story');
    await waitForScene(page, 'story');
    // Every transform GSAP writes on the entering chapter, however slowly frames come: a mutation
    // record keeps each style the attribute had before the next write.
    await page.evaluate(() => {
      const w = window as unknown as { furthest: number };
      w.furthest = 0;
      const entering = document.querySelector('[data-chapter="1"]')!;
      const shift = (style: string | null) =>
        Math.abs(Number(/translate(?:3d)?\((-?[\d.]+)px/.exec(style ?? '')?.[1] ?? 0));
      new MutationObserver((records) => {
        for (const r of records) w.furthest = Math.max(w.furthest, shift(r.oldValue));
        w.furthest = Math.max(w.furthest, shift(entering.getAttribute('style')));
      }).observe(entering, {
        attributes: true,
        attributeFilter: ['style'],
        attributeOldValue: true,
      });
    });
    await tap(page, 'control:next');
    // The entrance starts at its furthest and comes to rest (slowly on a software renderer).
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              new DOMMatrix(
                getComputedStyle(document.querySelector('[data-chapter="1"]')!).transform,
              ).m41,
          ),
        { timeout: 60_000 },
      )
      .toBe(0);
    const furthest = await page.evaluate(
      () => (window as unknown as { furthest: number }).furthest,
    );
    await tap(page, 'control:home');
    await waitForScene(page, 'home');
    return furthest;
  };

  expect((await kioskState(page)) as unknown as { calm: boolean }).toMatchObject({ calm: false });
  const full = await travel();
  await tap(page, 'control:elderly');
  await expect.poll(() => page.evaluate(() => window.kiosk!.state().calm)).toBe(true);
  const calm = await travel();
  // Full motion slides a chapter in from 90 px; calm motion from about a third of that.
  expect(full).toBeCloseTo(90, 0);
  expect(calm).toBeCloseTo(90 * 0.35, 0);
});
