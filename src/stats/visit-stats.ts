/**
 * Visit statistics kept on the kiosk, offline and anonymous: counts of what visitors do, per hour of
 * each day, in IndexedDB with a bounded size. No names, no ids of visitors, nothing personal.
 */
import { get, set } from 'idb-keyval';
import { stateStore } from '../storage/pointers';

export const STAT_EVENTS = [
  'session',
  'wall',
  'person',
  'story-finished',
  'film-started',
  'film-finished',
  'language-zh',
  'language-en',
  /** A visit that turned on elderly mode (长者模式), counted once however often it was toggled. */
  'elderly',
] as const;
export type StatEvent = (typeof STAT_EVENTS)[number];

/** Day (local "YYYY-MM-DD") → event → 24 hourly counts. */
export type StatBook = Record<string, Partial<Record<StatEvent, number[]>>>;

/** Days kept (a little over a year); older days are dropped when a new one starts. */
export const KEEP_DAYS = 400;

/** Local calendar day of `d` as "YYYY-MM-DD". */
export function dayKey(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Pure: `book` with `events` (each at its time) added, trimmed to the newest KEEP_DAYS days. */
export function addEvents(
  book: StatBook,
  events: readonly { event: StatEvent; at: Date }[],
): StatBook {
  const out: StatBook = { ...book };
  for (const { event, at } of events) {
    const day = dayKey(at);
    const counts = { ...(out[day] ?? {}) };
    const hours = [...(counts[event] ?? new Array<number>(24).fill(0))];
    hours[at.getHours()]! += 1;
    counts[event] = hours;
    out[day] = counts;
  }
  const days = Object.keys(out).sort();
  for (const old of days.slice(0, Math.max(0, days.length - KEEP_DAYS))) delete out[old];
  return out;
}

/** Pure: per-day totals of each event for the `n` days ending `today` (oldest first, zeros kept). */
export function lastDays(book: StatBook, today: Date, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(today);
    d.setDate(d.getDate() - (n - 1 - i));
    const day = dayKey(d);
    const counts = book[day] ?? {};
    const totals = Object.fromEntries(
      STAT_EVENTS.map((e) => [e, (counts[e] ?? []).reduce((a, b) => a + b, 0)]),
    ) as Record<StatEvent, number>;
    return { day, totals };
  });
}

/** Pure: the book as CSV (`date,hour,event,count`, non-zero rows), for a spreadsheet. */
export function toCsv(book: StatBook): string {
  const rows = ['date,hour,event,count'];
  for (const day of Object.keys(book).sort())
    for (const event of STAT_EVENTS)
      book[day]![event]?.forEach((n, hour) => {
        if (n > 0) rows.push(`${day},${hour},${event},${n}`);
      });
  return `${rows.join('\n')}\n`;
}

const KEY = 'visit-stats';

/**
 * Counts events in memory and writes them in batches (every `flushMs`, and when asked), so a busy
 * kiosk does not write IndexedDB on every tap.
 */
export class VisitStats {
  #pending: { event: StatEvent; at: Date }[] = [];
  #timer: ReturnType<typeof setInterval>;
  #writing: Promise<void> = Promise.resolve();

  constructor(flushMs = 30_000) {
    this.#timer = setInterval(() => void this.flush(), flushMs);
  }

  count(event: StatEvent, at = new Date()): void {
    this.#pending.push({ event, at });
  }

  /** Writes what is pending (one write at a time, in order). */
  flush(): Promise<void> {
    const batch = this.#pending.splice(0);
    if (!batch.length) return this.#writing;
    this.#writing = this.#writing
      .then(async () => {
        const book = (await get<StatBook>(KEY, stateStore)) ?? {};
        await set(KEY, addEvents(book, batch), stateStore);
      })
      .catch((e: unknown) => console.error('[kiosk] visit statistics not written', e));
    return this.#writing;
  }

  /** Everything counted so far (pending included). */
  async read(): Promise<StatBook> {
    await this.flush();
    return (await get<StatBook>(KEY, stateStore)) ?? {};
  }

  dispose(): void {
    clearInterval(this.#timer);
    void this.flush();
  }
}
