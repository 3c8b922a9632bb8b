/**
 * A visitor's way through every main control, each touched for real and its feedback timed
 * (tap-timing.ts): home's doors, history, language and elderly toggle; a card on the wall, the
 * wall's layout, filter, name pad and back; the person's story and film buttons; the story's next
 * and rail; the film's play and scrub bar; the idle countdown. Used by tap-feedback.spec.ts and
 * `npm run bench -- taps`.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { Content } from '../../src/content/schema';
import { workersOnWall } from '../../src/content/selectors';
import { timeTap, type TapTiming } from './tap-timing';

type Recorder = (timings: TapTiming[]) => void;

/** Waits for the kiosk's scene (no test runner here: the benchmarks drive this too). */
async function scene(page: Page, name: string): Promise<void> {
  await page.waitForFunction((s) => window.kiosk?.state().scene === s, name, { timeout: 60_000 });
}

/** A quiet moment between touches: the last press has let go, as between a visitor's taps. */
const breath = (page: Page) => page.waitForTimeout(400);

/** From the home screen back to it, touching each main control of home, wall, person, story and film. */
export async function touchEveryControl(
  page: Page,
  cdp: CDPSession,
  content: Content,
  record: Recorder,
  presses = 2,
): Promise<void> {
  const wall = content.walls[0]!;
  const worker = workersOnWall(content, wall)
    .slice(0, 8)
    .find((w) => (w.chapters?.length ?? 0) >= 3 && w.videos?.length);
  if (!worker)
    throw new Error('the demo wall should show a person with a story and a film at its top');
  // Each control: pressed and taken back `presses` times (a finger the system cancels), then tapped.
  const touch = async (id: string) => {
    record(await timeTap(page, cdp, id, presses));
    await breath(page);
  };

  // Home: language there and back, elderly mode toggled and back, the history and back.
  for (const locale of ['en', 'zh-CN']) {
    await touch('control:language');
    await page.waitForFunction((l) => window.kiosk!.state().locale === l, locale);
  }
  const elderly = await page.evaluate(() => window.kiosk!.state().elderly);
  for (const on of [!elderly, elderly]) {
    await touch('control:elderly');
    await page.waitForFunction((e) => window.kiosk!.state().elderly === e, on);
  }
  await touch('control:history');
  await scene(page, 'history');
  await touch('control:back');
  await scene(page, 'home');

  // A wall's door; on the settled wall, a card (its press shows on the canvas), then the person.
  await touch(`control:wall-${wall.id}`);
  await scene(page, 'wall');
  await page.waitForFunction(
    () => performance.getEntriesByName('kiosk:wall-settled').length > 0,
    null,
    {
      timeout: 90_000,
    },
  );
  await page.waitForTimeout(500);
  await touch(`worker:${worker.id}`);
  await scene(page, 'person');

  // The person's story: next, a chapter on the rail, back.
  await page.locator('[data-locate="control:story"]').scrollIntoViewIfNeeded();
  await touch('control:story');
  await scene(page, 'story');
  await touch('control:next');
  await touch('control:chapter-2');
  await touch('control:back');
  await scene(page, 'person');

  // A film: pause it, touch the scrub bar (a seek on release), back.
  await page.locator('[data-locate="control:video-0"]').scrollIntoViewIfNeeded();
  await touch('control:video-0');
  await scene(page, 'video');
  await page.waitForSelector('[data-film-state="playing"]', { timeout: 60_000 });
  await touch('control:film-play');
  await page.waitForSelector('[data-film-state="paused"]');
  await touch('control:scrub');
  await touch('control:back');
  await scene(page, 'person');
  await touch('control:back');
  await scene(page, 'wall');

  // The wall's tools: the filter panel and the name pad open and close, a layout, and back home.
  await touch('control:open-filter');
  await touch('control:open-filter');
  await touch('control:open-search');
  await touch('control:open-search');
  await touch('control:layout-cylinder');
  await touch('control:back');
  await scene(page, 'home');
}

/** The idle countdown over a scene (`url` gives short idle times): a touch dismisses it. */
export async function touchCountdown(
  page: Page,
  cdp: CDPSession,
  url: string,
  record: Recorder,
): Promise<void> {
  await page.goto(url);
  await scene(page, 'home');
  await timeTap(page, cdp, 'control:history');
  await scene(page, 'history');
  await page.waitForSelector('[data-locate="control:countdown"]', { timeout: 60_000 });
  // One touch only: the first dismisses it.
  record(await timeTap(page, cdp, 'control:countdown'));
  await page.waitForTimeout(300);
}
