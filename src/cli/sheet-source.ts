/**
 * A source folder's content, from content.json alone or from a spreadsheet plus content.json:
 * one .xlsx file (sheets 人物, 荣誉, 故事, 视频, 历程) or CSV files named after those sheets.
 * Either way the result is the schema's validated Content, with every problem found in one pass.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { NO_HONOUR, parseContent, type Content } from '../content/schema';
import { contentWarnings } from './content-warnings';
import { contentProblemWords } from './content-problems';
import { readContentFile, type ContentFile } from './content-file';
import { CliProblem, CliProblems, sheetLine } from './problems';
import type { SheetIssue, SheetPlace } from './problems';
import { contentFromSheets } from './sheet-content';
import { SHEETS, sheetFor } from './sheet-fields';
import { readCsv, readXlsx, type SheetTable } from './sheet-read';

/** A person with no honour, said as a sheet's author fixes it (the content's field names mean nothing there). */
const NO_HONOUR_IN_SHEET = {
  zh: '至少需要一项荣誉（在本行填写荣誉称号和年份，或在“荣誉”表里添加）',
  en: 'needs at least one honour (fill in the title and year on this row, or add one in the 荣誉 sheet)',
};

type Obj = Record<string, unknown>;

export interface ContentSource {
  content: Content;
  /** The content.json the pack ships: the file itself, or the spreadsheet's content written out. */
  contentBytes: Uint8Array;
  /** Likely mistakes, one line each (many of one sort are summed up). */
  warnings: string[];
  /**
   * A problem with a file the content names (`path`, named at `contentPath`), placed where staff
   * wrote its name: the spreadsheet's cell, or the path and line in content.json / content.yaml.
   */
  fileProblem(path: string, contentPath: string, zh: string, en: string): string;
  /** The spreadsheet files read (none for a JSON-only source). */
  sheets: string[];
}

/** How many warnings of one sort are listed before the rest are only counted. */
const WARNINGS_SHOWN = 8;

/** The spreadsheet files in `dir`: one .xlsx, or CSV files named after sheets (人物.csv …). */
export async function spreadsheetFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter(
    (n) => !n.startsWith('~$') && !n.startsWith('.'), // Excel's lock files while a book is open
  );
  const xlsx = names.filter((n) => extname(n).toLowerCase() === '.xlsx');
  const csv = names.filter(
    (n) => extname(n).toLowerCase() === '.csv' && sheetFor(basename(n, extname(n))),
  );
  if (xlsx.length > 1 || (xlsx.length && csv.length))
    throw new CliProblem(
      dir,
      '(file)',
      `放了多个表格文件（${[...xlsx, ...csv].join('、')}），只能有一个 .xlsx，或按工作表命名的 .csv / holds several spreadsheets; keep one .xlsx, or CSV files named after the sheets`,
    );
  return [...xlsx, ...csv].sort().map((n) => join(dir, n));
}

/** Reads the content of a source folder; throws CliProblems listing every problem found. */
export async function readContentSource(dir: string, now = new Date()): Promise<ContentSource> {
  const sheets = await spreadsheetFiles(dir);
  // content.json, or content.yaml for power users: the same data either way.
  const source = await readContentFile(dir);
  const { file: contentFile, data } = source;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new CliProblems([
      source.line(
        '',
        '整个文件应为一个对象 {…}，里面写 format、hall、walls…',
        'the file must hold one object {…} with format, hall, walls…',
      ),
    ]);
  if (!sheets.length) {
    const r = parseContent(data);
    if (!r.ok)
      throw new CliProblems(
        r.problems.map((p) => {
          const words = contentProblemWords(p);
          return source.line(p.field, words.zh, words.en);
        }),
      );
    const warnings = summed(
      contentWarnings(r.content, now).map((w) => ({
        kind: w.kind,
        line: source.line(w.path, w.zh, w.en),
      })),
    );
    return {
      content: r.content,
      contentBytes: source.bytes,
      warnings,
      fileProblem: (_path, contentPath, zh, en) => source.line(contentPath, zh, en),
      sheets,
    };
  }

  const raw = data as Obj;
  const line = source.line;
  const tables: SheetTable[] = [];
  for (const file of sheets) {
    const bytes = await readBytes(file);
    try {
      if (extname(file).toLowerCase() === '.xlsx') tables.push(...(await readXlsx(file, bytes)));
      else tables.push(await readCsv(file, basename(file, extname(file)), bytes));
    } catch (e) {
      throw new CliProblem(
        file,
        '(file)',
        `无法读取，是否是 Excel/WPS 保存的表格？/ cannot be read as a spreadsheet (${(e as Error).message})`,
      );
    }
  }
  const sheet = contentFromSheets(tables);
  const issues = [...sheet.issues];
  const plain: string[] = [];
  if (raw.workers !== undefined)
    plain.push(
      line(
        'workers',
        `人物来自表格，请从 ${basename(contentFile)} 删去 workers`,
        `the people come from the spreadsheet; remove "workers" from ${basename(contentFile)}`,
      ),
    );
  placeEvents(raw, sheet, source, issues, plain);
  // Without people the schema's "needs at least one worker" would repeat the sheet's own problem.
  if (!sheet.workers.length) sheet.reported.add('workers');
  const merged = { ...raw, workers: sheet.workers };
  const r = parseContent(merged);
  if (!r.ok)
    for (const p of r.problems) {
      const path = p.field;
      if (
        [...sheet.reported].some(
          (done) => path === done || path.startsWith(`${done}.`) || path.startsWith(`${done}[`),
        )
      )
        continue;
      const place = placeOf(sheet.places, path);
      const words = p.message === NO_HONOUR ? NO_HONOUR_IN_SHEET : contentProblemWords(p);
      if (place) issues.push({ place, ...words });
      else plain.push(line(path, words.zh, words.en));
    }
  if (issues.length || plain.length || !r.ok)
    throw new CliProblems([...sortIssues(issues).map(sheetLine), ...plain]);

  const lines = sheet.warnings.map((w) => ({ kind: 'sheet', line: sheetLine(w) }));
  for (const w of contentWarnings(r.content, now)) {
    const place = placeOf(sheet.places, w.path);
    const also = w.also === undefined ? undefined : placeOf(sheet.places, w.also);
    const see = also
      ? { zh: `（见第 ${also.row} 行）`, en: ` (see row ${also.row})` }
      : { zh: '', en: '' };
    lines.push({
      kind: w.kind,
      line: place
        ? sheetLine({ place, zh: w.zh + see.zh, en: w.en + see.en })
        : line(w.path, w.zh, w.en),
    });
  }
  const pathPlaces = new Map<string, SheetPlace>();
  for (const [path, place] of sheet.places)
    if (/\.(portrait|image|file|poster|captions\.(zh-CN|en))$/.test(path)) {
      const value = valueAt(merged, path);
      if (typeof value === 'string' && !pathPlaces.has(value)) pathPlaces.set(value, place);
    }
  return {
    content: r.content,
    // Written compact: a roster of 25,000 people is megabytes every kiosk downloads.
    contentBytes: new TextEncoder().encode(JSON.stringify(r.content)),
    warnings: summed(lines),
    fileProblem: (path, contentPath, zh, en) => {
      const place = pathPlaces.get(path);
      return place ? sheetLine({ place, zh, en }) : line(contentPath, zh, en);
    },
    sheets,
  };
}

/** Puts each 历程 row into its era in content.json's timelines, after the events already there. */
function placeEvents(
  raw: Obj,
  sheet: ReturnType<typeof contentFromSheets>,
  source: ContentFile,
  issues: SheetIssue[],
  plain: string[],
): void {
  const timelines = (Array.isArray(raw.timelines) ? raw.timelines : []) as Obj[];
  for (const ev of sheet.events) {
    const at = (key: string) => ev.places.find(([p]) => p === key)?.[1] ?? ev.places[0]![1];
    const hits: [number, number][] = [];
    timelines.forEach((t, i) => {
      if (ev.timeline && t.id !== ev.timeline) return;
      ((Array.isArray(t.eras) ? t.eras : []) as Obj[]).forEach((era, j) => {
        if (era.id === ev.era) hits.push([i, j]);
      });
    });
    if (hits.length !== 1) {
      const known = timelines.flatMap((t) =>
        ((t.eras ?? []) as Obj[]).map((e) => `${String(t.id)}/${String(e.id)}`),
      );
      issues.push(
        hits.length
          ? {
              place: at('timeline'),
              zh: `阶段“${ev.era}”在几条历程里都有，请填写历程 id`,
              en: `the era "${ev.era}" is in several timelines; write the timeline id`,
            }
          : {
              place: at('era'),
              zh: `${basename(source.file)} 的 timelines 里没有这个阶段${ev.timeline ? `（历程 ${ev.timeline}）` : ''}；已有：${known.join('、') || '无'}`,
              en: `no such era in the timelines of ${basename(source.file)}; there are: ${known.join(', ') || 'none'}`,
            },
      );
      continue;
    }
    const [i, j] = hits[0]!;
    const era = (timelines[i]!.eras as Obj[])[j]!;
    const events = (era.events = Array.isArray(era.events) ? [...(era.events as Obj[])] : []);
    events.push(ev.event);
    const base = `timelines[${i}].eras[${j}].events[${events.length - 1}]`;
    for (const [p, place] of ev.places) sheet.places.set(p ? `${base}.${p}` : base, place);
    for (const p of ev.reported) sheet.reported.add(p ? `${base}.${p}` : base);
  }
  // An era left without events is said plainly (the schema would only say a key is missing).
  timelines.forEach((t, i) =>
    ((Array.isArray(t.eras) ? t.eras : []) as Obj[]).forEach((era, j) => {
      if (Array.isArray(era.events) && era.events.length) return;
      const path = `timelines[${i}].eras[${j}]`;
      plain.push(
        source.line(
          path,
          `阶段“${String(era.id)}”没有事件：请在“历程”表里添加，或删去这个阶段`,
          `the era "${String(era.id)}" has no events: add them in the 历程 sheet, or remove the era`,
        ),
      );
      sheet.reported.add(`${path}.events`);
    }),
  );
}

/** The cell a content path came from: the path itself, or the nearest item above it. */
function placeOf(places: Map<string, SheetPlace>, path: string): SheetPlace | undefined {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const place = places.get(p);
    if (place) return place;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return undefined;
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    const key = m[1] ?? Number(m[2]);
    node = node && typeof node === 'object' ? (node as Obj)[key as string] : undefined;
  }
  return node;
}

function sortIssues(issues: SheetIssue[]): SheetIssue[] {
  // Sheets in the template's order, then by row and column, as staff read them.
  const sheets = Object.keys(SHEETS);
  const sheetRank = (p: SheetPlace) =>
    (sheets.indexOf(p.sheet) + sheets.length + 1) % (sheets.length + 1);
  const colRank = (p: SheetPlace) =>
    [...(p.col ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return issues
    .map((issue, n) => ({ issue, n }))
    .sort(
      ({ issue: a, n: i }, { issue: b, n: j }) =>
        sheetRank(a.place) - sheetRank(b.place) ||
        a.place.file.localeCompare(b.place.file) ||
        (a.place.row ?? 0) - (b.place.row ?? 0) ||
        colRank(a.place) - colRank(b.place) ||
        i - j,
    )
    .map((x) => x.issue);
}

/** Lists the first few warnings of each sort and counts the rest, so 25,000 rows do not flood the screen. */
function summed(lines: { kind: string; line: string }[]): string[] {
  const shown = new Map<string, number>();
  const out: string[] = [];
  for (const { kind, line } of lines) {
    const n = (shown.get(kind) ?? 0) + 1;
    shown.set(kind, n);
    if (n <= WARNINGS_SHOWN) out.push(line);
  }
  for (const [kind, n] of shown)
    if (n > WARNINGS_SHOWN)
      out.push(
        `…… 同类提醒还有 ${n - WARNINGS_SHOWN} 条 / … and ${n - WARNINGS_SHOWN} more like these (${kind})`,
      );
  return out;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new CliProblem(file, '(file)', '无法读取 / cannot be read; is it there?');
  }
}
