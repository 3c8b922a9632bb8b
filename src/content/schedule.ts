/**
 * Schedule windows of content items (`from` / `until`): how they are written, when an item shows,
 * and the content as visitors see it at a given moment.
 *
 * The rule, in one place (the schema and the staff guide repeat it):
 * - A value is either a day, `YYYY-MM-DD`, or a moment with its UTC offset,
 *   `YYYY-MM-DDTHH:MM[:SS[.mmm]]` followed by `Z` or `±HH:MM`. A moment without an offset is
 *   refused: it would mean different instants on kiosks set to different time zones.
 * - A day means the whole of that day by the kiosk's own clock and time zone.
 * - `from` is inclusive: the item shows from the start of that day (or from that moment).
 * - `until` is inclusive for a day (the item still shows all of that day) and exclusive for a moment
 *   (the item goes at that instant). Either may be left out: open on that side.
 */
import type { Content, Timeline, Worker } from './schema';

/** What a schedule value must look like, as the CLI says it. */
export const SCHEDULE_TIME_EXPECTED =
  'must be a day like 2026-05-01 or a moment with its UTC offset like 2026-05-01T09:00+08:00';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOMENT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** A parsed schedule value: a day (calendar fields) or a moment (an instant, plus its own wall clock). */
export type ScheduleTime =
  | { kind: 'day'; year: number; month: number; day: number }
  | { kind: 'moment'; ms: number; wallMs: number };

/** Parses a schedule value, or null when it is not one (including impossible dates like 02-30). */
export function parseScheduleTime(text: string): ScheduleTime | null {
  const day = DAY.exec(text);
  if (day) {
    const [year, month, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    return realDate(year, month, d) ? { kind: 'day', year, month, day: d } : null;
  }
  const m = MOMENT.exec(text);
  if (!m) return null;
  const [year, month, d, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = Number(m[6] ?? 0);
  const milli = Number((m[7] ?? '0').padEnd(3, '0'));
  if (!realDate(year!, month!, d!) || hour! > 23 || minute! > 59 || second > 59) return null;
  const zone = m[8]!;
  let offsetMin = 0;
  if (zone !== 'Z') {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (oh > 14 || om > 59) return null;
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const wallMs = Date.UTC(year!, month! - 1, d!, hour!, minute!, second, milli);
  return { kind: 'moment', ms: wallMs - offsetMin * 60_000, wallMs };
}

function realDate(year: number, month: number, day: number): boolean {
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

/** True when `text` is a schedule value the kiosk understands. */
export function isScheduleTime(text: string): boolean {
  return parseScheduleTime(text) !== null;
}

/** Anything that may carry a schedule window. */
export interface Scheduled {
  from?: string;
  until?: string;
}

/** The half-open window [start, end) in ms since the epoch; a day is read in the kiosk's time zone. */
export function windowOf(item: Scheduled): { start: number; end: number } {
  return { start: edge(item.from, 'start'), end: edge(item.until, 'end') };
}

function edge(text: string | undefined, side: 'start' | 'end'): number {
  if (text === undefined) return side === 'start' ? -Infinity : Infinity;
  const t = parseScheduleTime(text);
  // The schema refuses what does not parse; should one slip through, it never hides an item.
  if (!t) return side === 'start' ? -Infinity : Infinity;
  if (t.kind === 'moment') return t.ms;
  return new Date(t.year, t.month - 1, t.day + (side === 'end' ? 1 : 0)).getTime();
}

/** Whether an item with this window shows at `now` (ms since the epoch). */
export function shownAt(item: Scheduled, now: number): boolean {
  if (item.from === undefined && item.until === undefined) return true;
  const { start, end } = windowOf(item);
  return start <= now && now < end;
}

/**
 * Why `from` and `until` can never both hold (the window is empty), or null when they can. Two
 * moments are compared as instants; when a day is involved, by the wall clock of the moment's own
 * offset (the hall's), so the answer does not depend on the time zone of the machine that checks.
 */
export function windowProblem(from: string | undefined, until: string | undefined): string | null {
  if (from === undefined || until === undefined) return null;
  const a = parseScheduleTime(from);
  const b = parseScheduleTime(until);
  if (!a || !b) return null; // each is reported on its own
  const start = a.kind === 'moment' ? a : { ms: dayMs(a, 0), wallMs: dayMs(a, 0) };
  const end = b.kind === 'moment' ? b : { ms: dayMs(b, 1), wallMs: dayMs(b, 1) };
  const empty =
    a.kind === 'moment' && b.kind === 'moment' ? end.ms <= start.ms : end.wallMs <= start.wallMs;
  return empty
    ? `must be later than "from" (${from}): as written the item would never show (a day in "until" still shows that whole day)`
    : null;
}

function dayMs(t: { year: number; month: number; day: number }, plusDays: number): number {
  return Date.UTC(t.year, t.month - 1, t.day + plusDays);
}

/**
 * The content as visitors see it at `now`, and the span of time over which that stays true
 * (`[stableFrom, stableUntil)`): re-filter only when the clock leaves it. Withdrawn people and
 * items outside their window are left out: people, their films and chapters, walls, timelines and
 * their events (an era left without events goes, and a timeline left without eras).
 */
export interface ContentAt {
  content: Content;
  stableFrom: number;
  stableUntil: number;
}

/** Filters `content` to what shows at `now` (a Date or ms); returns `content` itself when nothing is hidden. */
export function contentAt(content: Content, now: Date | number): ContentAt {
  const at = typeof now === 'number' ? now : now.getTime();
  let stableFrom = -Infinity;
  let stableUntil = Infinity;
  let hidden = false;
  // Halls give many people the same dates: each window is parsed once per call.
  const windows = new Map<string, { start: number; end: number }>();
  /** Shown at `at`? Also narrows the span over which every answer stays the same. */
  const shows = (item: Scheduled): boolean => {
    if (item.from === undefined && item.until === undefined) return true;
    const key = `${item.from ?? ''} ${item.until ?? ''}`;
    let window = windows.get(key);
    if (!window) windows.set(key, (window = windowOf(item)));
    const { start, end } = window;
    for (const edge of [start, end])
      if (edge > at) stableUntil = Math.min(stableUntil, edge);
      else stableFrom = Math.max(stableFrom, edge);
    const ok = start <= at && at < end;
    if (!ok) hidden = true;
    return ok;
  };
  /** Keeps the array (same object) when every item shows, so unchanged parts keep their identity. */
  const keep = <T extends Scheduled>(items: T[] | undefined): T[] | undefined => {
    if (!items) return items;
    const kept = items.filter(shows);
    return kept.length === items.length ? items : kept;
  };

  const workers: Worker[] = [];
  for (const w of content.workers) {
    if (w.withdrawn) {
      hidden = true;
      continue;
    }
    if (!shows(w)) continue;
    const videos = keep(w.videos);
    const chapters = keep(w.chapters);
    workers.push(videos === w.videos && chapters === w.chapters ? w : { ...w, videos, chapters });
  }
  const walls = keep(content.walls)!;
  const timelines: Timeline[] = [];
  for (const t of content.timelines) {
    if (!shows(t)) continue;
    const eras = t.eras
      .map((era) => {
        const events = keep(era.events)!;
        return events === era.events ? era : { ...era, events };
      })
      .filter((era) => era.events.length > 0);
    const same = eras.length === t.eras.length && eras.every((e, i) => e === t.eras[i]);
    if (eras.length) timelines.push(same ? t : { ...t, eras });
  }
  return {
    content: hidden ? { ...content, workers, walls, timelines } : content,
    stableFrom,
    stableUntil,
  };
}
