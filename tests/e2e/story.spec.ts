/**
 * A person's story and the hall's history as visitors meet them: autoplay that stops at a touch,
 * the chapter rail, the history track dragged and snapping, kind motion, and nothing left running.
 */
import type { Page } from '@playwright/test';
import type { Worker } from '../../src/content/schema';
import { bootToHome, demoContent, expect, openPerson, tap, test, waitForScene } from './kiosk';

const STORY_WORKER = 'wang-jianguo';

async function openStory(page: Page, url: string): Promise<Worker> {
  const content = await demoContent();
  const worker = content.workers.find((w) => w.id === STORY_WORKER)!;
  await bootToHome(page, url);
  await openPerson(page, 'model-workers', worker.id);
  await tap(page, 'control:story');
  await waitForScene(page, 'story');
  return worker;
}

/** A quick one-finger fling to the left at height `y`, through Chromium's real touch input. */
async function fling(page: Page, y: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = (x: number) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(1500) });
  for (let i = 1; i <= 6; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: at(1500 - i * 90),
    });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const tweens = (page: Page) => page.evaluate(() => window.kiosk!.tweens());
/**
 * The story's running and held Web Animations, by what they move ('drift': a chapter's picture,
 * 'reading': autoplay's bar); kept on `window.storyAnimations` to look at after the story is left.
 */
async function storyAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const story = document.querySelector('[data-scene="story"]')!;
    const mine = document.getAnimations().filter((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return (
        (a.playState === 'running' || a.playState === 'paused') &&
        target instanceof Element &&
        story.contains(target)
      );
    });
    (window as unknown as { storyAnimations: Animation[] }).storyAnimations = mine;
    return mine.map((a) => {
      const target = (a.effect as KeyframeEffect).target!;
      return target.hasAttribute('data-pan')
        ? 'drift'
        : target.hasAttribute('data-dwell')
          ? 'reading'
          : 'other';
    });
  });
}

/** How far the reading bar of autoplay has run (0…1), from its transform. */
const readingBar = (page: Page) =>
  page
    .locator('[data-dwell]')
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

test('a story reads itself: autoplay turns the page, a touch pauses it, the rail jumps, nothing runs after', async ({
  page,
  server,
}) => {
  const worker = await openStory(page, server.url);
  const years = worker.chapters!.map((c) => c.year).toSorted((a, b) => a - b);
  await expect(page.locator('[data-scene="story"]')).toHaveAttribute(
    'data-autoplay-state',
    'playing',
  );
  await expect(page.locator('[data-chapter="0"]')).toBeVisible();
  // Left alone, the story turns to its second chapter once the first has had its reading time.
  await expect(page.locator('[data-chapter="1"]')).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('[data-chapter="1"] [data-year]')).toHaveText(String(years[1]));
  // Its picture drifts and the reading bar runs, as Web Animations (the compositor moves them).
  expect(await storyAnimations(page)).toEqual(expect.arrayContaining(['drift', 'reading']));

  // A touch on the rail's quiet part (not a button) pauses it: the reading bar stands still.
  const rail = (await page.locator('.rail .track .line').boundingBox())!;
  await page.touchscreen.tap(rail.x + rail.width * 0.3, rail.y + 40);
  await expect(page.locator('[data-scene="story"]')).toHaveAttribute(
    'data-autoplay-state',
    'paused',
  );
  const held = await readingBar(page);
  await page.waitForTimeout(1500);
  expect(await readingBar(page)).toBe(held);
  await expect(page.locator('[data-chapter="1"]')).toBeVisible();

  // The rail jumps straight to the last chapter; its year counts up to the chapter's own.
  await tap(page, `control:chapter-${years.length - 1}`);
  await expect(page.locator(`[data-chapter="${years.length - 1}"]`)).toBeVisible();
  await expect(page.locator(`[data-chapter="${years.length - 1}"] [data-year]`)).toHaveText(
    String(years.at(-1)),
  );
  await expect(page.locator('[data-chapter="1"]')).toBeHidden();

  // The play button takes autoplay up again at once.
  await tap(page, 'control:autoplay');
  await expect(page.locator('[data-scene="story"]')).toHaveAttribute(
    'data-autoplay-state',
    'playing',
  );

  // Leaving reverts every animation of the story: none is left running behind the person's page.
  expect(await storyAnimations(page)).toEqual(expect.arrayContaining(['drift', 'reading']));
  await tap(page, 'control:back');
  await waitForScene(page, 'person');
  await expect.poll(() => tweens(page)).toBe(0);
  // The story's Web Animations, kept from before: each was cancelled, none lingers on.
  expect(
    await page.evaluate(() =>
      (window as unknown as { storyAnimations: Animation[] }).storyAnimations.map(
        (a) => a.playState,
      ),
    ),
  ).toEqual(expect.not.arrayContaining(['running', 'paused']));
});

test('the history track is dragged with inertia, comes to rest on an event, and its people open', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await tap(page, 'control:history');
  await waitForScene(page, 'history');
  const scene = page.locator('[data-scene="history"]');
  await expect(scene).toHaveAttribute('data-focus', '0');

  // A quick fling to the left, like a finger's: the track coasts on and snaps to an event.
  const box = (await page.locator('.viewport').boundingBox())!;
  await fling(page, box.y + box.height * 0.6);

  // At rest, the focused event's pin sits exactly on the centre mark (a snap, not anywhere).
  const centreOffset = async () => {
    const focus = await scene.getAttribute('data-focus');
    const pin = (await page.locator(`[data-event="${focus}"] .pin`).boundingBox())!;
    return Math.round(pin.x + pin.width / 2 - (box.x + box.width / 2));
  };
  await expect.poll(() => page.evaluate(() => window.kiosk!.tweens()), { timeout: 15_000 }).toBe(0);
  const focus = Number(await scene.getAttribute('data-focus'));
  // 540 px of finger travel plus the throw: past the first event, never back at the start.
  expect(focus).toBeGreaterThan(0);
  expect(Math.abs(await centreOffset())).toBeLessThanOrEqual(1);

  // An era chip glides to that era's first event; an event's person opens, and back returns here.
  const content = await demoContent();
  const eras = content.timelines[0]!.eras;
  await tap(page, `control:era-${eras[1]!.id}`);
  await expect(scene).toHaveAttribute('data-focus', String(eras[0]!.events.length));
  await expect.poll(() => tweens(page)).toBe(0); // the glide has ended: the chip stands still
  const person = eras[1]!.events.toSorted((a, b) => a.date.localeCompare(b.date))[0]!.workers![0]!;
  await tap(page, `control:person-${person}`);
  await waitForScene(page, 'person');
  await tap(page, 'control:back');
  await waitForScene(page, 'history');
  await expect(scene).toHaveAttribute('data-focus', String(eras[0]!.events.length));
  await tap(page, 'control:home');
  await waitForScene(page, 'home');
  await expect.poll(() => tweens(page)).toBe(0);

  // Visits leave nothing behind that adds up (a history is ~900 nodes; GSAP keeps at most the
  // last dragged track until the next drag): a second visit ends where the first one did.
  const gauge = await page.context().newCDPSession(page);
  const domNodes = async () => {
    await gauge.send('HeapProfiler.collectGarbage');
    return (await gauge.send('Memory.getDOMCounters')).nodes;
  };
  const afterOne = await domNodes();
  await tap(page, 'control:history');
  await waitForScene(page, 'history');
  await fling(page, box.y + box.height * 0.6);
  await expect.poll(() => tweens(page), { timeout: 15_000 }).toBe(0);
  await tap(page, 'control:home');
  await waitForScene(page, 'home');
  await expect.poll(domNodes).toBeLessThan(afterOne + 100);
});

test('reduced motion: chapters change without travel or zoom, and the history steps without gliding', async ({
  page,
  server,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openStory(page, server.url);
  // The first chapter's picture stays still (full motion pans and zooms it for the reading time).
  await page.waitForTimeout(1000);
  const transform = await page
    .locator('[data-chapter="0"] [data-pan]')
    .evaluate((el) => getComputedStyle(el).transform);
  expect(['none', 'matrix(1, 0, 0, 1, 0, 0)']).toContain(transform);
  await tap(page, 'control:next');
  await expect(page.locator('[data-chapter="1"]')).toBeVisible();
  const x = await page
    .locator('[data-chapter="1"]')
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).e);
  expect(x).toBe(0);
  await tap(page, 'control:home');
  await waitForScene(page, 'home');
  await tap(page, 'control:history');
  await waitForScene(page, 'history');
  await tap(page, 'control:next');
  // Without motion the step lands at once: no tween is left to run it.
  await expect(page.locator('[data-scene="history"]')).toHaveAttribute('data-focus', '1');
  expect(await tweens(page)).toBe(0);
});

test('calm motion (staff setting): the picture still drifts, but gently', async ({
  page,
  server,
}) => {
  const scale = () =>
    page
      .locator('[data-chapter="0"] [data-pan]')
      .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  await openStory(page, `${server.url}/?calm=1`);
  await page.waitForTimeout(500);
  const first = await scale();
  // Full motion starts the zoom at 1.12; calm at a third of that, and it still moves.
  expect(first).toBeGreaterThan(1);
  expect(first).toBeLessThan(1.05);
  await expect.poll(scale).toBeLessThan(first);
});
