/**
 * Turns spreadsheet tables into content items (workers with their honours, chapters and films, and
 * timeline events), remembering which cell each value came from so any later problem can name it.
 */
import { ID_PATTERN } from '../feed/format';
import { nameReadings } from '../content/name-pinyin';
import type { SheetIssue, SheetPlace } from './problems';
import type { SheetRow, SheetTable } from './sheet-read';
import * as f from './sheet-fields';

type Obj = Record<string, unknown>;

/** A timeline event from the 历程 sheet, not yet placed in its era. */
export interface SheetEvent {
  timeline?: string;
  era: string;
  event: Obj;
  /** Where each part came from, by its path under the event ('' is the row, 'date', 'title.en'…). */
  places: [string, SheetPlace][];
  /** Paths under the event whose problem is already reported. */
  reported: string[];
}

export interface SheetContent {
  workers: Obj[];
  events: SheetEvent[];
  /** Where each value came from, by its content path (`workers[3].honors[0].level`). */
  places: Map<string, SheetPlace>;
  /** Paths whose problem was already reported here, so the schema's word on them is not repeated. */
  reported: Set<string>;
  issues: SheetIssue[];
  warnings: SheetIssue[];
}

/** Finds a worker's index by the row's 人物 cell (or the given text): an id, else a unique name. */
type Finder = (row: Row, key?: string, who?: string) => number | undefined;

/** One data row with its sheet's columns; values are read by a column's English key. */
class Row {
  /** Paths relative to the item this row makes, and the cell each came from. */
  readonly rel: [string, SheetPlace][] = [];
  /** Paths relative to the item whose problem this row has reported. */
  readonly done: string[] = [];
  constructor(
    private readonly table: SheetTable,
    private readonly cols: Map<string, string>,
    private readonly row: SheetRow,
    private readonly out: SheetContent,
  ) {}

  get(key: string): string {
    const col = this.cols.get(key);
    return (col && this.row.cells.get(col)) ?? '';
  }

  place(key?: string): SheetPlace {
    const { file, sheet } = this.table;
    const col = key === undefined ? undefined : this.cols.get(key);
    const header = col && this.table.headers.get(col);
    return { file, sheet, row: this.row.row, ...(col && { col }), ...(header && { header }) };
  }

  problem(key: string | undefined, zh: string, en: string, path?: string): void {
    this.out.issues.push({ place: this.place(key), zh, en });
    if (path !== undefined) this.done.push(path);
  }

  /** Records that the value at `path` (relative to this row's item) came from column `key`. */
  mark(path: string, key?: string): void {
    this.rel.push([path, this.place(key)]);
  }

  /** A required cell's text, or a problem when it is empty (unless the whole column is missing). */
  need(key: string, path: string): string {
    const text = this.get(key);
    // A missing column is reported once for the sheet, not again on each row.
    if (!text && this.cols.has(key)) this.problem(key, '不能为空', 'must not be empty', path);
    else if (!text) this.done.push(path);
    return text;
  }

  /** `{ "zh-CN", en }` from a column and its English twin; Chinese is required when either is filled. */
  local(key: string, path: string, required = false): Obj | undefined {
    const zh = required ? this.need(key, path) : this.get(key);
    const en = this.get(`${key}.en`);
    this.mark(path, key);
    this.mark(`${path}.zh-CN`, key);
    if (en) this.mark(`${path}.en`, `${key}.en`);
    if (!zh) {
      if (en && !required)
        this.problem(`${key}.en`, '只有英文，缺少中文', 'has English text but no Chinese', path);
      return undefined;
    }
    return en ? { 'zh-CN': zh, en } : { 'zh-CN': zh };
  }

  /** Sets `item[name]` from a plain text column (paths with "\" turned to "/"). */
  text(item: Obj, name: string, key = name, path = false): void {
    const value = this.get(key);
    // Marked even when empty, so a warning about a missing file can point at its cell.
    this.mark(name, key);
    if (value) item[name] = path ? value.replaceAll('\\', '/') : value;
  }

  year(item: Obj, name: string, key: string): void {
    const text = this.need(key, name);
    this.mark(name, key);
    if (!text) return;
    const r = f.parseYear(text);
    if (r.ok) item[name] = r.value;
    else this.problem(key, r.zh, r.en, name);
  }

  bool(item: Obj, name: string): void {
    const text = this.get(name);
    if (!text) return;
    const r = f.parseBool(text);
    // Only "yes" is written: a "no" means the same as leaving the key out.
    if (!r.ok) this.problem(name, r.zh, r.en, name);
    else if (r.value) item[name] = true;
    this.mark(name, name);
  }

  when(item: Obj): void {
    for (const key of ['from', 'until']) {
      const text = this.get(key);
      if (text) item[key] = f.normDate(text);
      this.mark(key, key);
    }
  }

  /** The rel places, put under `base` in the content's map. */
  commit(base: string): void {
    this.out.places.set(base, this.place());
    for (const [path, place] of this.rel) this.out.places.set(`${base}.${path}`, place);
    for (const path of this.done) this.out.reported.add(path ? `${base}.${path}` : base);
    this.rel.length = 0;
    this.done.length = 0;
  }
}

/** Which column letter holds each field of `spec`, with problems for doubled headers. */
function columnsOf(table: SheetTable, name: f.SheetName, out: SheetContent): Map<string, string> {
  const spec = f.SHEETS[name];
  const byAlias = new Map<string, string>();
  for (const [key, col] of spec.columns) {
    for (const a of f.headerAliases(col, false)) byAlias.set(a, key);
    if ('bilingual' in col && col.bilingual)
      for (const a of f.headerAliases(col, true)) byAlias.set(a, `${key}.en`);
  }
  const cols = new Map<string, string>();
  for (const [letter, header] of table.headers) {
    const key = byAlias.get(f.normHeader(header));
    const place = {
      file: table.file,
      sheet: table.sheet,
      row: table.headerRow,
      col: letter,
      header,
    };
    if (!key)
      out.warnings.push({ place, zh: '不认识这一列，已忽略', en: 'unknown column, ignored' });
    else if (cols.has(key))
      out.issues.push({
        place,
        zh: `与 ${cols.get(key)} 列重复`,
        en: `repeats column ${cols.get(key)}`,
      });
    else cols.set(key, letter);
  }
  for (const [key, col] of spec.columns)
    if ('required' in col && col.required && !cols.has(key) && table.rows.length)
      out.issues.push({
        place: { file: table.file, sheet: table.sheet, row: table.headerRow || 1 },
        zh: `缺少「${col.zh}」列`,
        en: `the sheet has no 「${col.zh}」 (${col.en}) column`,
      });
  return cols;
}

/** Builds workers and events from the tables, collecting every problem rather than stopping at one. */
export function contentFromSheets(tables: SheetTable[]): SheetContent {
  const out: SheetContent = {
    workers: [],
    events: [],
    places: new Map(),
    reported: new Set(),
    issues: [],
    warnings: [],
  };
  const bySheet = new Map<f.SheetName, { table: SheetTable; cols: Map<string, string> }[]>();
  for (const table of tables) {
    const name = f.sheetFor(table.sheet);
    if (!name) {
      if (!f.NOTE_SHEETS.includes(f.normHeader(table.sheet)))
        out.warnings.push({
          place: { file: table.file, sheet: table.sheet },
          zh: `不认识这个工作表，已忽略（可用：${Object.keys(f.SHEETS).join('、')}）`,
          en: `unknown sheet, ignored (known: ${Object.keys(f.SHEETS).join(', ')})`,
        });
      continue;
    }
    const list = bySheet.get(name) ?? [];
    list.push({ table, cols: columnsOf(table, name, out) });
    bySheet.set(name, list);
  }
  const rows = (name: f.SheetName) =>
    (bySheet.get(name) ?? []).flatMap(({ table, cols }) =>
      table.rows.map((r) => new Row(table, cols, r, out)),
    );
  const people = rows('人物');
  if (!people.length) {
    const file = tables[0]?.file ?? '(spreadsheet)';
    out.issues.push({
      place: { file, sheet: '人物' },
      zh: '没有「人物」工作表，或表中没有人物',
      en: 'there is no 人物 (people) sheet, or it lists nobody',
    });
  }
  const find = readPeople(people, out);
  for (const row of rows('荣誉')) {
    const i = find(row);
    if (i === undefined) continue;
    const honors = out.workers[i]!.honors as Obj[];
    const honour = readHonour(row, 'honour');
    if (!honour) continue;
    honors.push(honour);
    row.commit(`workers[${i}].honors[${honors.length - 1}]`);
  }
  for (const row of rows('故事')) {
    const i = find(row);
    if (i === undefined) continue;
    const chapter: Obj = {};
    row.year(chapter, 'year', 'year');
    putLocal(row, chapter, 'title', true);
    putLocal(row, chapter, 'text', true);
    row.text(chapter, 'image', 'image', true);
    row.when(chapter);
    const list = ((out.workers[i]!.chapters as Obj[] | undefined) ??= [] as Obj[]);
    list.push(chapter);
    row.commit(`workers[${i}].chapters[${list.length - 1}]`);
  }
  for (const row of rows('视频')) {
    const i = find(row);
    if (i === undefined) continue;
    const video: Obj = {};
    if (row.need('file', 'file')) row.text(video, 'file', 'file', true);
    putLocal(row, video, 'title', true);
    row.text(video, 'poster', 'poster', true);
    const captions: Obj = {};
    row.text(captions, 'zh-CN', 'captions-zh', true);
    row.text(captions, 'en', 'captions-en', true);
    row.rel.forEach((r) => (r[0] = r[0].replace(/^(zh-CN|en)$/, 'captions.$1')));
    if (Object.keys(captions).length) video.captions = captions;
    row.when(video);
    const list = ((out.workers[i]!.videos as Obj[] | undefined) ??= [] as Obj[]);
    list.push(video);
    row.commit(`workers[${i}].videos[${list.length - 1}]`);
  }
  for (const row of rows('历程')) out.events.push(...readEvent(row, find, out.workers));
  return out;
}

function putLocal(row: Row, item: Obj, key: string, required = false): void {
  const text = row.local(key, key, required);
  if (text) item[key] = text;
}

/** One honour from a row: title, year, and level and kind by name or guessed from the title. */
function readHonour(row: Row, titleKey: string): Obj | undefined {
  const honour: Obj = {};
  const title = row.local(titleKey, 'title', true);
  row.mark('title', titleKey);
  if (title) honour.title = title;
  for (const key of ['level', 'kind'] as const) {
    row.mark(key, key);
    // Without a title there is nothing to guess from; the title's own problem says enough.
    if (!title) {
      row.done.push(key);
      continue;
    }
    const r = (key === 'level' ? f.parseLevel : f.parseKind)(
      row.get(key),
      title['zh-CN'] as string,
    );
    if (r.ok) honour[key] = r.value;
    else row.problem(key, r.zh, r.en, key);
  }
  row.year(honour, 'year', 'year');
  return honour;
}

/** The 人物 sheet: one worker a row, ids given or made from the name's pinyin; returns a finder. */
function readPeople(rows: Row[], out: SheetContent): Finder {
  const used = new Set(rows.map((r) => r.get('id')).filter(Boolean));
  const byName = new Map<string, number[]>();
  const byId = new Map<string, number>();
  rows.forEach((row, i) => {
    const w: Obj = {};
    const name = row.local('name', 'name', true);
    let id = row.get('id');
    if (!id && name) {
      id = uniqueId(idFromName(name['zh-CN'] as string), used);
      used.add(id);
    }
    if (id) w.id = id;
    row.mark('id', 'id');
    // The schema checks this only once all else is right; staff should hear it with the rest.
    if (id && byId.has(id))
      row.problem(
        'id',
        `编号“${id}”重复（第 ${byId.get(id)! + 1} 位人物已用）`,
        `the id "${id}" is already used by person ${byId.get(id)! + 1}`,
        'id',
      );
    if (name) w.name = name;
    for (const key of ['employer', 'sector', 'region', 'role', 'quote', 'bio']) {
      const text = row.local(key, key, key === 'employer');
      if (text) w[key] = text;
    }
    row.text(w, 'portrait', 'portrait', true);
    const tags = row.get('tags');
    if (tags) {
      const r = f.parseTags(tags);
      if (r.ok) w.tags = r.value;
      else row.problem('tags', r.zh, r.en, 'tags');
      row.mark('tags', 'tags');
    }
    row.text(w, 'link');
    row.bool(w, 'sample');
    row.bool(w, 'withdrawn');
    row.when(w);
    const base = `workers[${i}]`;
    w.honors = [];
    row.commit(base);
    if (['honour', 'level', 'kind', 'year'].some((k) => row.get(k))) {
      const honour = readHonour(row, 'honour');
      if (honour) (w.honors as Obj[]).push(honour);
      row.commit(`${base}.honors[0]`);
    }
    // A worker's honours are named by its row when none is given anywhere.
    out.places.set(`${base}.honors`, out.places.get(base)!);
    out.workers.push(w);
    if (id && !byId.has(id)) byId.set(id, i);
    if (name)
      byName.set(name['zh-CN'] as string, [...(byName.get(name['zh-CN'] as string) ?? []), i]);
  });
  return (row, key = 'person', who = row.need(key, '')) => {
    if (!who) return undefined;
    const found = byId.get(who) ?? byName.get(who);
    if (typeof found === 'number') return found;
    if (found?.length === 1) return found[0];
    if (found)
      row.problem(
        key,
        `有 ${found.length} 位人物名叫“${who}”，请改填编号（${found.map((i) => out.workers[i]!.id).join('、')}）`,
        `${found.length} people are named "${who}"; write the id instead (${found.map((i) => out.workers[i]!.id).join(', ')})`,
      );
    else
      row.problem(
        key,
        `“人物”表里没有“${who}”`,
        `no one with the id or name "${who}" in the 人物 sheet`,
      );
    return undefined;
  };
}

function readEvent(row: Row, find: Finder, workers: Obj[]): SheetEvent[] {
  const era = row.need('era', 'era');
  const event: Obj = {};
  const date = row.need('date', 'date');
  if (date) event.date = f.normDate(date);
  row.mark('date', 'date');
  putLocal(row, event, 'title', true);
  putLocal(row, event, 'text', true);
  const people = f.splitList(row.get('people'));
  if (people.length) {
    const ids: string[] = [];
    for (const who of people) {
      const i = find(row, 'people', who);
      if (i !== undefined) ids.push(workers[i]!.id as string);
    }
    event.workers = ids;
    row.mark('workers', 'people');
  }
  row.text(event, 'image', 'image', true);
  row.when(event);
  const timeline = row.get('timeline') || undefined;
  row.mark('era', 'era');
  row.mark('timeline', 'timeline');
  const places: [string, SheetPlace][] = [['', row.place()], ...row.rel];
  return era ? [{ timeline, era, event, places, reported: [...row.done] }] : [];
}

/** wang-jianguo for 王建国: the surname, a dash, then the given name's syllables. */
export function idFromName(name: string): string {
  const [surname = '', ...given] = nameReadings(name)[0] ?? [];
  const id = [surname, given.join('')].filter(Boolean).join('-').slice(0, 58);
  return ID_PATTERN.test(id) ? id : 'person';
}

function uniqueId(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
