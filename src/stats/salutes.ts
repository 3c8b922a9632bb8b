/**
 * Salutes (致敬) visitors give the people of the hall: one count per person per visit, kept offline in
 * IndexedDB with a bounded size, exported as CSV and reset by staff. Anonymous: only people's ids.
 */
import { get, set } from 'idb-keyval';
import { SALUTE_CSV_HEADER } from '../i18n/salute-strings';
import { stateStore } from '../storage/pointers';
import { csvRow } from './csv';
import { dayKey } from './visit-stats';

/** How often a person was saluted, and on which local day last ("YYYY-MM-DD"). */
export interface SaluteEntry {
  count: number;
  last: string;
}

/** Person id → salutes. */
export type SaluteBook = Record<string, SaluteEntry>;

/**
 * People kept (twice a hall's largest roster): packs change over the years, and the ids of people
 * no longer shown stay until this is reached; then those saluted longest ago go first.
 */
export const KEEP_PEOPLE = 50_000;

/** Pure: `book` with one more salute for `id` on the day of `at`, trimmed to KEEP_PEOPLE people. */
export function addSalute(book: SaluteBook, id: string, at: Date): SaluteBook {
  const out: SaluteBook = {
    ...book,
    [id]: { count: (book[id]?.count ?? 0) + 1, last: dayKey(at) },
  };
  const ids = Object.keys(out);
  if (ids.length <= KEEP_PEOPLE) return out;
  // Oldest last salute first; among equals, the fewest salutes go first.
  const gone = ids
    .filter((other) => other !== id)
    .sort((a, b) => out[a]!.last.localeCompare(out[b]!.last) || out[a]!.count - out[b]!.count)
    .slice(0, ids.length - KEEP_PEOPLE);
  for (const old of gone) delete out[old];
  return out;
}

/** A person's names for the CSV (zh-CN, and English when the pack has it). */
export type NamesOf = (id: string) => { zh: string; en?: string } | undefined;

/**
 * Pure: the book as CSV rows, most saluted first (then by id), with each person's names from the
 * live pack (empty for someone no longer in it).
 */
export function salutesCsv(book: SaluteBook, namesOf: NamesOf): string {
  const ids = Object.keys(book).sort(
    (a, b) => book[b]!.count - book[a]!.count || (a < b ? -1 : a > b ? 1 : 0),
  );
  const rows = [csvRow(SALUTE_CSV_HEADER)];
  for (const id of ids) {
    const names = namesOf(id);
    const { count, last } = book[id]!;
    rows.push(csvRow([id, names?.zh ?? '', names?.en ?? '', String(count), last]));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Pure: the people saluted this visit, which changes at each idle reset (`kiosk.visit`). */
export class SaluteSession {
  #visit = Number.NaN;
  #saluted = new Set<string>();

  /** Whether `id` was already saluted in `visit`. */
  has(id: string, visit: number): boolean {
    return visit === this.#visit && this.#saluted.has(id);
  }

  /** True, and `id` is marked, when it is the visit's first salute of `id`; false after that. */
  take(id: string, visit: number): boolean {
    if (visit !== this.#visit) {
      this.#visit = visit;
      this.#saluted = new Set();
    }
    if (this.#saluted.has(id)) return false;
    this.#saluted.add(id);
    return true;
  }

  clear(): void {
    this.#saluted = new Set();
  }
}

const KEY = 'salutes';

/**
 * The salute book in IndexedDB, read once and then kept in memory (this page is its only writer);
 * every counted salute is written at once, one write at a time, so a reload loses none.
 */
export class SaluteStore {
  #book: Promise<SaluteBook> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #generation = 0;
  readonly #session = new SaluteSession();

  /** Everything counted so far. */
  read(): Promise<SaluteBook> {
    this.#book ??= get<SaluteBook>(KEY, stateStore).then(
      (book) => book ?? {},
      (e: unknown) => {
        this.#book = null; // try the database again next time
        throw e;
      },
    );
    return this.#book;
  }

  /** `id`'s salutes so far (0 when none). */
  async countOf(id: string): Promise<number> {
    return (await this.read())[id]?.count ?? 0;
  }

  /** Whether `id` was already saluted in `visit` (the button shows it). */
  saluted(id: string, visit: number): boolean {
    return this.#session.has(id, visit);
  }

  /**
   * A visitor salutes `id` during `visit`: counted (and stored) only the first time in that visit.
   * Resolves to whether it counted and the person's count after it.
   */
  async salute(
    id: string,
    visit: number,
    at = new Date(),
  ): Promise<{ counted: boolean; count: number }> {
    if (!this.#session.take(id, visit)) return { counted: false, count: await this.countOf(id) };
    // Chained on the book before it, so salutes close together never overwrite each other.
    const generation = this.#generation;
    const next = this.read().then((book) => addSalute(book, id, at));
    this.#book = next;
    next.catch(() => {
      if (this.#book === next) this.#book = null;
    });
    const book = await next;
    // A reset by staff meanwhile wins: what was counted before it is gone.
    if (generation === this.#generation) await this.#write(book);
    return { counted: true, count: book[id]!.count };
  }

  /** Staff empty the book (the people saluted this visit may salute again). */
  async reset(): Promise<void> {
    this.#generation++;
    this.#session.clear();
    this.#book = Promise.resolve({});
    await this.#write({});
  }

  #write(book: SaluteBook): Promise<void> {
    this.#writing = this.#writing
      .then(() => set(KEY, book, stateStore))
      .catch((e: unknown) => console.error('[kiosk] salutes not written', e));
    return this.#writing;
  }
}

/** The page's one salute store (the person page counts, the staff panel exports and resets). */
export const salutes = new SaluteStore();
