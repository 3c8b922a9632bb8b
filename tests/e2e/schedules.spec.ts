/**
 * Schedules and takedown (issue 6, point 9) in real Chromium: people outside their from/until
 * window are neither on the wall nor found, and appear when their day comes; a person withdrawn in
 * a newer pack goes when it activates; a kiosk clock at 1970 is logged and never blanks the wall.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { nameReadings } from '../../src/content/name-pinyin';
import { EMPTY_FILTER, buildRosterIndex, matchRoster } from '../../src/content/roster-search';
import { contentAt } from '../../src/content/schedule';
import type { Content, Worker } from '../../src/content/schema';
import { workersOnWall } from '../../src/content/selectors';
import type { RunningServer } from '../../src/server/serve';
import type { WallStats } from '../../src/wall/honor-wall';
import {
  DEMO_SOURCE,
  bootToHome,
  buildDemoFeed,
  copyDemoFeed,
  demoContent,
  expect,
  kioskState,
  openPerson,
  serveKiosk,
  tap,
  test,
  waitForScene,
} from './kiosk';

const DAY = 86_400_000;
/** The idle reset stays away while a test acts; a downloaded pack may go live after 5 s untouched. */
const CALM = '?idleSeconds=900&countdownSeconds=10&activateAfterIdleSeconds=5';

let work = '';
let server: RunningServer | null = null;
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-schedules-'));
});
test.afterEach(async () => {
  await server?.close();
  server = null;
  await rm(work, { recursive: true, force: true });
});

/** A copy of the demo source whose content `edit` changed; returns the folder and the content. */
async function demoSourceWith(
  edit: (c: Content) => void,
): Promise<{ dir: string; content: Content }> {
  const dir = await mkdtemp(join(work, 'source-'));
  await cp(DEMO_SOURCE, dir, { recursive: true });
  const file = join(dir, 'content.json');
  const content = JSON.parse(await readFile(file, 'utf8')) as Content;
  edit(content);
  await writeFile(file, JSON.stringify(content, null, 2));
  return { dir, content };
}

/** Builds `source` as the feed's version and serves it with the built kiosk. */
async function serve(source: string, version = 1): Promise<string> {
  const feed = join(work, 'feed');
  await buildDemoFeed(feed, source, version);
  server = await serveKiosk(feed);
  return server.url;
}

const wallStats = (page: Page) =>
  page.evaluate(() => window.kiosk!.wallStats() as WallStats | null);
const located = (page: Page, id: string) =>
  page.evaluate((target) => window.kiosk!.locate(target) !== null, `worker:${id}`);
/** Waits until the card of `id` is on screen: the wall has settled where a visitor could tap it. */
const seen = (page: Page, id: string) =>
  expect.poll(() => located(page, id), { timeout: 30_000 }).toBe(true);
const doorCount = (page: Page, wallId: string) =>
  page.locator(`[data-locate="control:wall-${wallId}"] .count`);

/** From home: opens the wall and waits until its cards are laid out. */
async function openWall(page: Page, wallId: string, cards: number): Promise<void> {
  await tap(page, `control:wall-${wallId}`);
  await waitForScene(page, 'wall');
  await expect.poll(async () => (await wallStats(page))?.cards, { timeout: 30_000 }).toBe(cards);
  await expect(page.getByTestId('wall-count')).toContainText(String(cards));
}

/** Pinyin initials of a name as a visitor types them (张小明 → ZXM). */
const initials = (w: Worker) =>
  nameReadings(w.name['zh-CN'])[0]!
    .map((s) => s[0])
    .join('')
    .toUpperCase();

/** How many of `people` the wall's own search finds for `letters` (the kiosk's code, run here). */
const found = (people: Worker[], letters: string) =>
  matchRoster(buildRosterIndex(people), { ...EMPTY_FILTER, query: letters }).length;

test('a person outside their window is neither on the wall nor found; when their day comes they appear', async ({
  page,
}) => {
  const demo = await demoContent();
  const wall = demo.walls[0]!;
  const onWall = workersOnWall(demo, wall);
  // Near the top of the wall, so their card is on screen once they are there.
  const [gone, coming] = [onWall[1]!, onWall[2]!];
  const arrives = Date.now() + 10 * DAY;
  const { dir, content } = await demoSourceWith((c) => {
    c.workers.find((w) => w.id === gone.id)!.until = '2020-01-01'; // a day: shown until that day ended
    c.workers.find((w) => w.id === coming.id)!.from = new Date(arrives).toISOString(); // a moment
  });
  const url = await serve(dir);
  const today = workersOnWall(contentAt(content, Date.now()).content, wall);
  expect(today).toHaveLength(onWall.length - 2);

  // The page's clock, so it can be moved on later (timers keep running at their pace).
  await page.clock.install();
  await bootToHome(page, `${url}/${CALM}`);
  await expect(doorCount(page, wall.id)).toContainText(`${today.length} `);
  await openWall(page, wall.id, today.length);
  await seen(page, onWall[0]!.id);
  expect(await located(page, gone.id)).toBe(false);
  expect(await located(page, coming.id)).toBe(false);

  // The name pad finds everyone answering to the initials, but not them.
  const letters = initials(coming);
  const answering = found(today, letters);
  expect(found([...today, coming], letters)).toBe(answering + 1);
  await tap(page, 'control:open-search');
  for (const letter of letters) await tap(page, `control:key-${letter}`);
  await tap(page, 'control:pad-close');
  await expect(page.getByTestId('wall-count')).toContainText(`${answering} /`);

  // Eleven days later their window has opened: at home the wall has one more, and there they are.
  await tap(page, 'control:home');
  await waitForScene(page, 'home');
  await page.clock.setSystemTime(arrives + DAY);
  await expect(doorCount(page, wall.id)).toContainText(`${today.length + 1} `, { timeout: 15_000 });
  await openWall(page, wall.id, today.length + 1);
  expect(await located(page, gone.id)).toBe(false);
  await tap(page, `worker:${coming.id}`);
  await waitForScene(page, 'person');
  await expect(page.locator('h2.name .first')).toHaveText(coming.name['zh-CN']);
  // Eleven days on is a clock to believe: nothing for staff to hear.
  const log = await page.evaluate(() => window.kiosk!.log());
  expect(log.filter((e) => e.code.startsWith('clock-'))).toEqual([]);
});

test('a window that closes while a visitor is on the wall waits until they are home', async ({
  page,
}) => {
  const demo = await demoContent();
  const wall = demo.walls[0]!;
  const onWall = workersOnWall(demo, wall);
  const leaving = onWall[1]!;
  const goes = Date.now() + 3_600_000;
  const { dir } = await demoSourceWith((c) => {
    c.workers.find((w) => w.id === leaving.id)!.until = new Date(goes).toISOString();
  });
  const url = await serve(dir);
  await page.clock.install();
  await bootToHome(page, `${url}/${CALM}`);
  await openWall(page, wall.id, onWall.length);
  await seen(page, leaving.id);

  // Their hour passes while the visitor looks: the wall stays as it is through a look at the clock.
  await page.clock.setSystemTime(goes + 60_000);
  await page.waitForTimeout(7_000); // the schedule clock looks every 5 s
  expect((await wallStats(page))?.cards).toBe(onWall.length);
  expect(await located(page, leaving.id)).toBe(true);

  // Home: the wall has one fewer at once, and they are gone from it.
  await tap(page, 'control:home');
  await waitForScene(page, 'home');
  await expect(doorCount(page, wall.id)).toContainText(`${onWall.length - 1} `);
  await openWall(page, wall.id, onWall.length - 1);
  await seen(page, onWall[0]!.id);
  expect(await located(page, leaving.id)).toBe(false);
});

test('a person withdrawn in the next version leaves the wall when it goes live, and their page is left for home', async ({
  page,
}) => {
  const demo = await demoContent();
  const wall = demo.walls[0]!;
  const onWall = workersOnWall(demo, wall);
  const [withdrawn, removed] = [onWall[1]!, onWall[2]!];
  const feed = await copyDemoFeed(join(work, 'feed'));
  server = await serveKiosk(feed);
  await bootToHome(page, `${server.url}/${CALM}`);
  await openPerson(page, wall.id, withdrawn.id);

  // Version 2: one person withdrawn (the flag), another taken out of content.json altogether.
  const { dir } = await demoSourceWith((c) => {
    c.workers.find((w) => w.id === withdrawn.id)!.withdrawn = true;
    c.workers = c.workers.filter((w) => w.id !== removed.id);
    for (const t of c.timelines)
      for (const era of t.eras)
        for (const ev of era.events) ev.workers = ev.workers?.filter((id) => id !== removed.id);
  });
  await buildDemoFeed(feed, dir, 2);
  // Nobody touches the screen: after 5 s the new version goes live, and the person's page goes home.
  expect(await page.evaluate(() => window.kiosk!.checkNow())).toMatchObject({
    outcome: 'activated',
  });
  await waitForScene(page, 'home');
  expect((await kioskState(page)).pack?.version).toBe(2);
  await expect(doorCount(page, wall.id)).toContainText(`${onWall.length - 2} `);
  await openWall(page, wall.id, onWall.length - 2);
  await seen(page, onWall[0]!.id);
  expect(await located(page, withdrawn.id)).toBe(false);
  expect(await located(page, removed.id)).toBe(false);
});

test('a kiosk clock at 1970 is logged for staff in plain words and still shows every person', async ({
  page,
}) => {
  // Everyone is scheduled "from 2024": a kiosk believing its 1970 clock would show an empty hall.
  const { dir, content } = await demoSourceWith((c) => {
    for (const w of c.workers) w.from = '2024-01-01';
  });
  const url = await serve(dir);
  const wall = content.walls[0]!;
  const everyone = workersOnWall(content, wall);
  expect(workersOnWall(contentAt(content, 0).content, wall)).toEqual([]);

  // A clock that runs from 1970, as after a flat battery (a frozen Date would also stop GSAP's ticker).
  await page.clock.install({ time: new Date('1970-01-01T08:00:00+08:00') });
  await bootToHome(page, `${url}/${CALM}`);
  await expect(doorCount(page, wall.id)).toContainText(`${everyone.length} `);
  await openWall(page, wall.id, everyone.length);
  await seen(page, everyone[0]!.id);

  const log = await page.evaluate(() => window.kiosk!.log());
  const lines = log.filter((e) => e.code === 'clock-wrong');
  expect(lines, 'one line per boot, however often the clock is looked at').toHaveLength(1);
  expect(lines[0]!.level).toBe('warn');
  expect(lines[0]!.message).toMatch(
    /^本机时钟显示 1970-01-01 \d\d:\d\d，比.*还早一天以上，时钟有误。/,
  );
  expect(lines[0]!.message).toContain('请校准本机的日期和时间');
  expect(lines[0]!.message).toMatch(/ \/ The kiosk clock reads 1970-01-01 .*: it is wrong\./);
});
