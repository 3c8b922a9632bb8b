// The demo's people typed into the template spreadsheet build the very Content the demo's JSON does.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContent, type Content, type LocalText } from '../content/schema';
import { KIND_NAMES } from '../i18n/roster-strings';
import { LEVEL_NAMES, TAG_NAMES } from '../i18n/strings';
import { buildPack } from './build-pack';
import { keygen, readPrivateKey, readPublicKeyText } from './keys';
import { readContentSource } from './sheet-source';
import { TEMPLATE_BOOK, templateHeaders, writeTemplate } from './sheet-template';
import type { SheetName } from './sheet-fields';
import { verifyFeed } from './verify-feed';

const DEMO = join('media', 'demo');
let work: string;
let demo: Content;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-sheet-demo-'));
  const r = parseContent(JSON.parse(await readFile(join(DEMO, 'content.json'), 'utf8')));
  if (!r.ok) throw new Error('the demo content is not valid');
  demo = r.content;
});
afterAll(() => rm(work, { recursive: true, force: true }));

type Row = Record<string, string | number | undefined>;
const both = (key: string, text: LocalText | undefined): Row =>
  text ? { [key]: text['zh-CN'], [`${key}.en`]: text.en } : {};

/** The demo's content as rows of the template's sheets, the way staff would type it in. */
function demoRows(content: Content): Record<SheetName, Row[]> {
  const rows: Record<SheetName, Row[]> = { 人物: [], 荣誉: [], 故事: [], 视频: [], 历程: [] };
  for (const w of content.workers) {
    rows.人物.push({
      id: w.id,
      ...both('name', w.name),
      ...both('employer', w.employer),
      ...both('sector', w.sector),
      ...both('region', w.region),
      ...both('role', w.role),
      ...both('quote', w.quote),
      ...both('bio', w.bio),
      portrait: w.portrait,
      tags: w.tags?.map((t) => TAG_NAMES[t]!['zh-CN']).join('、'),
      link: w.link,
      sample: w.sample ? '是' : undefined,
      withdrawn: w.withdrawn ? '是' : undefined,
      from: w.from,
      until: w.until,
    });
    // Honours by the names the kiosk shows; the person by name on the first, then merged down.
    for (const h of w.honors)
      rows.荣誉.push({
        person: w.name['zh-CN'],
        ...both('honour', h.title),
        level: LEVEL_NAMES[h.level]!['zh-CN'],
        kind: KIND_NAMES[h.kind]['zh-CN'],
        year: h.year,
      });
    for (const c of w.chapters ?? [])
      rows.故事.push({
        person: w.id,
        year: c.year,
        ...both('title', c.title),
        ...both('text', c.text),
        image: c.image,
        from: c.from,
        until: c.until,
      });
    for (const v of w.videos ?? [])
      rows.视频.push({
        person: w.id,
        file: v.file,
        ...both('title', v.title),
        poster: v.poster,
        'captions-zh': v.captions?.['zh-CN'],
        'captions-en': v.captions?.en,
        from: v.from,
        until: v.until,
      });
  }
  const names = new Map(content.workers.map((w) => [w.id, w.name['zh-CN']]));
  for (const t of content.timelines)
    for (const era of t.eras)
      for (const ev of era.events)
        rows.历程.push({
          timeline: t.id,
          era: era.id,
          date: ev.date,
          ...both('title', ev.title),
          ...both('text', ev.text),
          people: ev.workers?.map((id) => names.get(id)).join('、'),
          image: ev.image,
          from: ev.from,
          until: ev.until,
        });
  return rows;
}

/** Fills the template book: example rows out, the demo's rows in, person cells of one person merged. */
async function fillTemplate(dir: string, rows: Record<SheetName, Row[]>): Promise<void> {
  const file = join(dir, TEMPLATE_BOOK);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const [name, list] of Object.entries(rows) as [SheetName, Row[]][]) {
    const ws = book.getWorksheet(name)!;
    ws.spliceRows(2, 1);
    const header = ws.getRow(1).values as (string | undefined)[];
    const colOf = new Map(
      templateHeaders(name).map(({ key, header: h }) => [key, header.indexOf(h)]),
    );
    list.forEach((row, i) => {
      // An empty row after the first few, as staff leave them.
      const at = i + 2 + (i >= 3 ? 1 : 0);
      for (const [key, value] of Object.entries(row))
        if (value !== undefined) ws.getRow(at).getCell(colOf.get(key)!).value = value;
    });
    if (name === '荣誉') {
      const col = colOf.get('person')!;
      let start = 2;
      const last = ws.rowCount; // fixed first: getRow() past the end adds rows
      for (let r = 3; r <= last + 1; r++) {
        const cell = (n: number) => ws.getRow(n).getCell(col).value;
        if (cell(r) === cell(start) && cell(r) !== null) continue;
        const end = r - 1;
        if (end > start) {
          for (let m = start + 1; m <= end; m++) ws.getRow(m).getCell(col).value = null;
          ws.mergeCells(start, col, end, col);
        }
        start = r;
      }
    }
  }
  await book.xlsx.writeFile(file);
}

describe('the demo from the template spreadsheet', () => {
  it('reads into the same Content as the demo JSON, and builds a feed that verifies', async () => {
    const dir = join(work, 'source');
    await writeTemplate(dir);
    await fillTemplate(dir, demoRows(demo));
    // content.json keeps the hall, walls, attract loop and the eras, without their events.
    const rest = JSON.parse(await readFile(join(DEMO, 'content.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    delete rest.workers;
    for (const t of rest.timelines as { eras: { events?: unknown }[] }[])
      for (const era of t.eras) delete era.events;
    await writeFile(join(dir, 'content.json'), JSON.stringify(rest, null, 2));
    for (const sub of ['portraits', 'images', 'videos', 'pack.json'])
      await cp(join(DEMO, sub), join(dir, sub), { recursive: true });

    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(join(dir, TEMPLATE_BOOK));
    expect(filled.getWorksheet('荣誉')!.model.merges.length).toBeGreaterThan(5);
    expect(filled.getWorksheet('人物')!.getRow(5).cellCount).toBe(0); // the empty row

    const source = await readContentSource(dir, new Date('2026-06-01T00:00:00Z'));
    expect(source.sheets).toEqual([join(dir, TEMPLATE_BOOK)]);
    expect(source.content).toEqual(demo);
    expect(parseContent(JSON.parse(new TextDecoder().decode(source.contentBytes)))).toEqual({
      ok: true,
      content: demo,
    });
    // The demo's five people without a portrait are the only warnings.
    expect(source.warnings.filter((w) => !/没有肖像/.test(w))).toEqual([]);
    expect(source.warnings).toHaveLength(demo.workers.filter((w) => !w.portrait).length);
    expect(source.warnings[0]).toMatch(/人物\.xlsx › 人物 › 第 \d+ 行 [A-Z]+ 列「肖像」/);

    await keygen(join(work, 'keys'), 'hall');
    const key = await readPrivateKey(join(work, 'keys', 'hall.key'));
    const feed = join(work, 'feed');
    const built = await buildPack({ source: dir, out: feed, key });
    expect(built.index.pack).toBe('demo');
    const verified = await verifyFeed(
      feed,
      await readPublicKeyText(join(work, 'keys', 'hall.pub')),
    );
    expect(verified.problems).toEqual([]);
  }, 120_000);
});
