/** Visit statistics: what visitors do is counted per hour, offline, without anything personal, and kept across reloads. */
import { workersOnWall } from '../../src/content/selectors';
import { bootToHome, demoContent, expect, openPerson, tap, test, waitForScene } from './kiosk';

type Book = Record<string, Record<string, number[]>>;

test('walls, people, language and films are counted per hour and survive a reload; CSV has the rows', async ({
  page,
  server,
}) => {
  const content = await demoContent();
  const wall = content.walls[0]!;
  const withFilm = content.workers.find((w) => w.videos?.length)!;
  await bootToHome(page, server.url);
  await tap(page, 'control:language');
  await openPerson(page, wall.id, workersOnWall(content, wall)[0]!.id);
  await tap(page, 'control:back');
  await waitForScene(page, 'wall');
  const total = (book: Book, event: string) =>
    Object.values(book).reduce((n, day) => n + (day[event] ?? []).reduce((a, b) => a + b, 0), 0);
  const book = (await page.evaluate(() => window.kiosk!.stats())) as Book;
  expect(total(book, 'wall')).toBe(1); // the door; coming back from a person is the same visit
  expect(total(book, 'person')).toBe(1);
  expect(total(book, 'language-en')).toBe(1);
  // The hour bucket is the browser's local hour now.
  const hour = await page.evaluate(() => new Date().getHours());
  const today = Object.keys(book).sort().at(-1)!;
  expect(book[today]!.person![hour]).toBe(1);
  // Nothing personal: only the event names above, never an id or a name.
  expect(JSON.stringify(book)).not.toContain(workersOnWall(content, wall)[0]!.id);

  // A film started (the demo's films are short: it also finishes).
  await page.goto(server.url);
  await waitForScene(page, 'home');
  const filmWall = content.walls.find((w) => workersOnWall(content, w).includes(withFilm))!;
  await openPerson(page, filmWall.id, withFilm.id);
  await tap(page, 'control:video-0');
  await waitForScene(page, 'video');
  await expect
    .poll(async () =>
      total((await page.evaluate(() => window.kiosk!.stats())) as Book, 'film-started'),
    )
    .toBe(1);

  const csv = await page.evaluate(() => window.kiosk!.statsCsv());
  expect(csv.split('\n')[0]).toBe('date,hour,event,count');
  // The first visit's counts survived the reload, and the second visit added to them.
  expect(csv).toContain(`${today},${hour},person,2`);
  expect(csv).toContain(`${today},${hour},wall,2`);
  expect(csv).toContain(`${today},${hour},film-started,1`);
  expect(csv).toContain(`${today},${hour},language-en,1`);
});
