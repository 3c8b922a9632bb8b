/**
 * Writes a roster source folder as a hall gets it from the union office: one spreadsheet (人物.xlsx) of
 * N honourees with only a name, an honour and its year, the employer and the region (no id, no photo,
 * no story), beside the content.json and pack.json a spreadsheet source needs. The people are
 * gen-pack's name-only people, so names, honours and places read like a real city's roll.
 * `tsx scripts/gen-roster.ts --people N --out DIR [--seed S]`
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { parseKind, parseLevel } from '../src/cli/sheet-fields';
import type { Content } from '../src/content/schema';
import { KIND_NAMES } from '../src/i18n/roster-strings';
import { LEVEL_NAMES } from '../src/i18n/strings';
import { generatePackSource } from './gen-pack';

const DEMO = fileURLToPath(new URL('../media/demo', import.meta.url));
/**
 * The spreadsheet's columns, as the template names them. 级别 and 类别 are filled only where the title
 * does not tell them (铁路系统劳动模范 says no level, 电力行业技术能手 no kind), as staff would.
 */
export const ROSTER_HEADERS = ['姓名', '荣誉称号', '年份', '单位', '地区', '级别', '类别'] as const;

export interface RosterOptions {
  /** Honourees (rows). */
  people: number;
  /** The source folder to write (created). */
  out: string;
  /** Same seed, same roster. */
  seed?: number;
}

/** Writes the folder; returns the spreadsheet's path. */
export async function generateRosterSource(opts: RosterOptions): Promise<string> {
  if (!Number.isInteger(opts.people) || opts.people < 1)
    throw new Error('--people must be a whole number of at least 1');
  // gen-pack writes the demo's people first and its generated ones after: the roster takes those.
  const demoPeople = (JSON.parse(await readFile(join(DEMO, 'content.json'), 'utf8')) as Content)
    .workers.length;
  const scratch = await mkdtemp(join(tmpdir(), 'kiosk-roster-gen-'));
  let workers: Content['workers'];
  try {
    await generatePackSource({
      people: demoPeople + opts.people,
      out: scratch,
      rosterOnly: true,
      seed: opts.seed,
    });
    const content = JSON.parse(await readFile(join(scratch, 'content.json'), 'utf8')) as Content;
    workers = content.workers.slice(demoPeople);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  await mkdir(opts.out, { recursive: true });
  const book = join(opts.out, '人物.xlsx');
  // Streamed row by row, as a 25,000-row sheet should be written.
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: book });
  const sheet = writer.addWorksheet('人物');
  sheet.addRow([...ROSTER_HEADERS]).commit();
  for (const w of workers) {
    const honour = w.honors[0]!;
    const title = honour.title['zh-CN'];
    sheet
      .addRow([
        w.name['zh-CN'],
        title,
        honour.year,
        w.employer['zh-CN'],
        w.region?.['zh-CN'],
        parseLevel('', title).ok ? undefined : LEVEL_NAMES[honour.level]!['zh-CN'],
        parseKind('', title).ok ? undefined : KIND_NAMES[honour.kind]['zh-CN'],
      ])
      .commit();
  }
  sheet.commit();
  await writer.commit();

  const content = {
    format: 'kiosk-content/1',
    hall: {
      name: { 'zh-CN': '劳模名录', en: 'Roll of honour' },
      welcome: { 'zh-CN': `共 ${opts.people} 位劳动者`, en: `${opts.people} people honoured` },
    },
    walls: [
      { id: 'roster', title: { 'zh-CN': '劳模名录', en: 'Everyone' }, select: {}, layout: 'grid' },
    ],
    attract: { message: { 'zh-CN': '轻触屏幕', en: 'Touch the screen' } },
  };
  await writeFile(join(opts.out, 'content.json'), `${JSON.stringify(content, null, 2)}\n`);
  await writeFile(
    join(opts.out, 'pack.json'),
    `${JSON.stringify({ pack: `roster-${opts.people}`, published: '2026-01-01T00:00:00Z' }, null, 2)}\n`,
  );
  return book;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { people: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!values.people || !values.out || (seed !== undefined && !Number.isInteger(seed))) {
    console.error('usage: tsx scripts/gen-roster.ts --people N --out DIR [--seed S]');
    process.exit(2);
  }
  const book = await generateRosterSource({ people: Number(values.people), out: values.out, seed });
  console.log(`wrote ${book} (${values.people} rows) with content.json and pack.json`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
