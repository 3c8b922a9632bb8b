/** Schedule windows: how values parse, when an item shows, the content at a moment, and the schema's checks. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentAt, parseScheduleTime, shownAt, windowOf, windowProblem } from './schedule';
import { parseContent, type Content } from './schema';
import { findWorker, workersOnWall } from './selectors';

const demo = JSON.parse(readFileSync('media/demo/content.json', 'utf8')) as Content;
const clone = (): Content => structuredClone(demo);
/** Local midnight of a day, as the kiosk reads a day (whatever time zone the tests run in). */
const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

describe('schedule values', () => {
  it('reads days and moments with offsets, and refuses the rest', () => {
    expect(parseScheduleTime('2026-05-01')).toEqual({ kind: 'day', year: 2026, month: 5, day: 1 });
    expect(parseScheduleTime('2026-05-01T09:00+08:00')).toMatchObject({
      kind: 'moment',
      ms: Date.UTC(2026, 4, 1, 1, 0),
    });
    expect(parseScheduleTime('2026-05-01T09:00:30.5Z')).toMatchObject({
      ms: Date.UTC(2026, 4, 1, 9, 0, 30, 500),
    });
    expect(parseScheduleTime('2026-04-30T20:00-05:30')).toMatchObject({
      ms: Date.UTC(2026, 4, 1, 1, 30),
    });
    for (const bad of [
      '2026-02-30', // no such day
      '2026-13-01',
      '2026-5-1',
      '2026-05-01T09:00', // a moment without its offset means different instants on different kiosks
      '2026-05-01 09:00+08:00',
      '2026-05-01T24:00Z',
      '2026-05-01T09:00+15:00',
      'next monday',
      '',
    ])
      expect(parseScheduleTime(bad), bad).toBeNull();
  });

  it('shows from the start of the "from" day through the whole "until" day', () => {
    const item = { from: '2026-05-01', until: '2026-05-03' };
    expect(windowOf(item)).toEqual({ start: local(2026, 5, 1), end: local(2026, 5, 4) });
    expect(shownAt(item, local(2026, 5, 1) - 1)).toBe(false);
    expect(shownAt(item, local(2026, 5, 1))).toBe(true);
    expect(shownAt(item, local(2026, 5, 3, 23))).toBe(true);
    expect(shownAt(item, local(2026, 5, 4))).toBe(false);
  });

  it('takes a moment in "until" as the instant the item goes, and leaves an open side open', () => {
    const until = { until: '2026-05-01T09:00+08:00' };
    expect(shownAt(until, Date.UTC(2026, 4, 1, 0, 59))).toBe(true);
    expect(shownAt(until, Date.UTC(2026, 4, 1, 1, 0))).toBe(false);
    expect(shownAt({ from: '2026-05-01T09:00+08:00' }, Date.UTC(2026, 4, 1, 1, 0))).toBe(true);
    expect(shownAt({}, 0)).toBe(true);
    expect(shownAt({ from: '2030-01-01' }, local(2029, 12, 31, 23))).toBe(false);
  });

  it('finds a window that can never hold, comparing a day and a moment in the moment’s offset', () => {
    expect(windowProblem('2026-05-02', '2026-05-01')).toMatch(/must be later than "from"/);
    expect(windowProblem('2026-05-01', '2026-05-01')).toBeNull(); // that one day
    expect(windowProblem('2026-05-01T10:00+08:00', '2026-05-01T02:00Z')).toMatch(/later/);
    expect(windowProblem('2026-05-01T10:00+08:00', '2026-05-01T02:00:01Z')).toBeNull();
    // A day and a moment: by the moment's own wall clock, whatever zone the checking machine is in.
    expect(windowProblem('2026-05-02', '2026-05-02T00:00+08:00')).toMatch(/later/);
    expect(windowProblem('2026-05-02', '2026-05-02T00:01+08:00')).toBeNull();
    expect(windowProblem('2026-05-02T23:59+08:00', '2026-05-02')).toBeNull();
    expect(windowProblem('2026-05-03T00:00+08:00', '2026-05-02')).toMatch(/later/);
    expect(windowProblem(undefined, '2020-01-01')).toBeNull();
  });
});

describe('content at a moment', () => {
  it('returns the very same content when nothing is scheduled or withdrawn', () => {
    const view = contentAt(demo, Date.now());
    expect(view.content).toBe(demo);
    expect(view.stableFrom).toBe(-Infinity);
    expect(view.stableUntil).toBe(Infinity);
  });

  it('leaves out people outside their window and the withdrawn, on walls and in lookups', () => {
    const c = clone();
    const wall = c.walls[0]!;
    const everyone = workersOnWall(c, wall).length;
    const [gone, later, out] = workersOnWall(c, wall);
    gone!.until = '2026-04-30';
    later!.from = '2026-05-10T09:00+08:00';
    out!.withdrawn = true;
    const at = local(2026, 5, 5, 12);
    const view = contentAt(c, at);
    const ids = workersOnWall(view.content, wall).map((w) => w.id);
    expect(ids).toHaveLength(everyone - 3);
    expect(ids).not.toContain(gone!.id);
    expect(ids).not.toContain(later!.id);
    expect(ids).not.toContain(out!.id);
    expect(findWorker(view.content, later!.id)).toBeUndefined();
    // The view holds from the end of the last day passed until the moment the next person arrives.
    expect(view.stableFrom).toBe(local(2026, 5, 1));
    expect(view.stableUntil).toBe(Date.UTC(2026, 4, 10, 1));
    const after = contentAt(c, view.stableUntil);
    expect(findWorker(after.content, later!.id)?.id).toBe(later!.id);
    expect(after.stableUntil).toBe(Infinity);
  });

  it('leaves out films, chapters, walls and history events outside their windows', () => {
    const c = clone();
    const person = c.workers.find(
      (w) => (w.videos?.length ?? 0) >= 1 && (w.chapters?.length ?? 0) >= 2,
    )!;
    person.videos![0]!.until = '2020-01-01';
    person.chapters![1]!.from = '2099-01-01';
    c.walls[1]!.from = '2099-01-01';
    const era = c.timelines[0]!.eras[0]!;
    era.events.forEach((ev) => (ev.until = '2020-01-01'));
    const view = contentAt(c, local(2026, 5, 5)).content;
    const seen = findWorker(view, person.id)!;
    expect(seen.videos).toHaveLength(person.videos!.length - 1);
    expect(seen.chapters).toHaveLength(person.chapters!.length - 1);
    expect(view.walls.map((w) => w.id)).toEqual([c.walls[0]!.id]);
    // An era whose every event has gone is left out with them.
    expect(view.timelines[0]?.eras.map((e) => e.id) ?? []).not.toContain(era.id);
    // Untouched people keep their identity (so a wall's cards and index need not be rebuilt).
    const other = c.workers.find((w) => w !== person && !w.withdrawn)!;
    expect(findWorker(view, other.id)).toBe(other);
  });

  it('filters a roster of 25,000 with windows in a few milliseconds', () => {
    const c = clone();
    const base = c.workers[0]!;
    c.workers = Array.from({ length: 25_000 }, (_, i) => ({
      ...base,
      id: `p-${i}`,
      ...(i % 3 === 0 ? { from: '2026-01-01', until: `2026-0${1 + (i % 9)}-15` } : {}),
    }));
    const start = performance.now();
    const view = contentAt(c, local(2026, 5, 1));
    const ms = performance.now() - start;
    expect(view.content.workers.length).toBeGreaterThan(16_000);
    expect(view.content.workers.length).toBeLessThan(25_000);
    expect(ms).toBeLessThan(250); // measured 5–30 ms here; loose for a busy shared machine
  });
});

describe('schema: schedule windows', () => {
  function problemsOf(edit: (c: Content) => void) {
    const c = clone();
    edit(c);
    const r = parseContent(c);
    if (r.ok) throw new Error('expected problems');
    return r.problems;
  }

  it('accepts windows on people, films, chapters, walls, timelines and events', () => {
    const c = clone();
    const person = c.workers.find((w) => w.videos?.length && w.chapters?.length)!;
    person.from = '2026-05-01';
    person.until = '2026-06-30T18:00+08:00';
    person.videos![0]!.until = '2027-01-01';
    person.chapters![0]!.from = '2026-05-01T09:00Z';
    c.walls[0]!.from = '2026-01-01';
    c.timelines[0]!.until = '2030-12-31';
    c.timelines[0]!.eras[0]!.events[0]!.from = '2026-05-01';
    expect(parseContent(c).ok).toBe(true);
  });

  it('names the field and the item of a value that is not a day or a moment', () => {
    const problems = problemsOf((c) => {
      c.workers[2]!.until = '2026/05/01';
      c.workers.find((w) => w.videos?.length)!.videos![0]!.from = '2026-05-01T09:00';
      c.walls[1]!.from = 'soon';
    });
    const id = demo.workers[2]!.id;
    expect(problems).toContainEqual({
      field: 'workers[2].until',
      message: `must be a day like 2026-05-01 or a moment with its UTC offset like 2026-05-01T09:00+08:00 (worker "${id}")`,
    });
    const film = problems.find((p) => /videos\[0\]\.from$/.test(p.field))!;
    expect(film.message).toMatch(/\(worker "[a-z0-9-]+", film 1\)$/);
    expect(problems.find((p) => p.field === 'walls[1].from')!.message).toContain(
      `(wall "${demo.walls[1]!.id}")`,
    );
  });

  it('refuses "from" after "until", naming the item', () => {
    const problems = problemsOf((c) => {
      c.workers[4]!.from = '2026-06-01';
      c.workers[4]!.until = '2026-05-31';
      const ev = c.timelines[0]!.eras[0]!.events[1]!;
      ev.from = '2026-05-01T12:00+08:00';
      ev.until = '2026-05-01T03:00Z';
    });
    expect(problems).toContainEqual({
      field: 'workers[4].until',
      message: `must be later than "from" (2026-06-01): as written the item would never show (a day in "until" still shows that whole day) (worker "${demo.workers[4]!.id}")`,
    });
    const t = demo.timelines[0]!;
    expect(
      problems.find((p) => p.field === 'timelines[0].eras[0].events[1].until')!.message,
    ).toMatch(new RegExp(`\\(timeline "${t.id}", era "${t.eras[0]!.id}", event 2\\)$`));
  });
});
