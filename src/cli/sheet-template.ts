/** `pack template`: a starting source folder with the spreadsheet (an example row a sheet, a 说明 sheet) and the JSON it needs. */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HONOR_KINDS, HONOR_LEVELS } from '../content/schema';
import { KIND_NAMES } from '../i18n/roster-strings';
import { LEVEL_NAMES } from '../i18n/strings';
import { CliProblem } from './problems';
import { SHEETS, type ColumnSpec, type SheetName } from './sheet-fields';

/** The spreadsheet's file name in a source folder. */
export const TEMPLATE_BOOK = '人物.xlsx';

/** One example row a sheet, by column key; they describe one fictional person and one event. */
const EXAMPLES: Record<SheetName, Record<string, string | number>> = {
  人物: {
    id: 'li-ming',
    name: '李明',
    'name.en': 'Li Ming',
    employer: '示例机械厂',
    'employer.en': 'Sample Machine Works',
    sector: '机械制造',
    role: '（示例）钳工',
    quote: '把每一件小事做到极致。',
    bio: '这是一位示例人物，请删去这一行，换成真实的人物。',
    tags: '劳模精神、工匠精神',
    sample: '是',
    honour: '市劳动模范',
    level: '市级',
    kind: '劳动模范',
    year: 2015,
  },
  荣誉: {
    person: '李明',
    honour: '全国五一劳动奖章',
    level: '全国',
    kind: '五一劳动奖章',
    year: 2020,
  },
  故事: {
    person: 'li-ming',
    year: 2010,
    title: '第一次技术革新',
    text: '他改进了一套夹具，让工时减少了一半。',
  },
  视频: {
    person: 'li-ming',
    file: 'videos/li-ming.mp4',
    title: '匠心',
    'captions-zh': 'videos/li-ming.zh-CN.vtt',
  },
  历程: {
    era: 'era-2010s',
    date: '2015-04-28',
    title: '表彰大会',
    text: '本市召开劳动模范表彰大会。',
    people: '李明',
  },
};

/** Columns kept as text, so Excel does not turn 1956-05 into a date or drop a leading zero. */
const TEXT_COLUMNS = new Set(['id', 'date', 'from', 'until']);

/** The content.json a spreadsheet source still needs: the hall, the walls, the attract loop, the eras. */
export const TEMPLATE_CONTENT = {
  format: 'kiosk-content/1',
  hall: {
    name: { 'zh-CN': '劳模之家', en: "Model Workers' Hall" },
    welcome: {
      'zh-CN': '欢迎来到劳模之家，轻触屏幕，走近他们。',
      en: 'Welcome. Touch the screen to meet them.',
    },
  },
  walls: [
    { id: 'all', title: { 'zh-CN': '全部劳模', en: 'Everyone' }, select: {}, layout: 'grid' },
  ],
  timelines: [
    {
      id: 'history',
      title: { 'zh-CN': '劳模表彰历程', en: 'Honouring model workers' },
      eras: [
        { id: 'era-2010s', title: { 'zh-CN': '新时代', en: 'A new era' }, from: 2010, to: 2029 },
      ],
    },
  ],
  attract: { message: { 'zh-CN': '轻触屏幕，开始参观', en: 'Touch the screen to begin' } },
};

const NOTES = [
  '这个表格是一个内容包的人物部分。每个工作表的第一行是列名，请不要改列名；空行会被跳过。',
  '示例行描述一位虚构的人物，请删去，换成真实的内容。',
  '同一人的几行（如几项荣誉）可以把“人物”单元格上下合并。',
  '照片、图片、影片放在本文件夹里（如 portraits/、images/、videos/），表格里写它们的路径。',
  '展厅、荣誉墙、待机轮播和历程的阶段写在 content.json 里。',
  '也可以不用 .xlsx，而用按工作表命名的 CSV 文件：人物.csv、荣誉.csv……（UTF-8 或 Excel 默认的 GBK 编码都可以）。',
  '检查并生成：npm run pack -- build 本文件夹 --out 输出文件夹 --key 密钥文件',
];

type RangeValidations = {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** The header cells of a sheet, in order, with their column key (`name`, `name.en`). */
export function templateHeaders(
  name: SheetName,
): { key: string; header: string; spec: ColumnSpec }[] {
  const out: { key: string; header: string; spec: ColumnSpec }[] = [];
  for (const [key, spec] of SHEETS[name].columns as Map<string, ColumnSpec>) {
    out.push({ key, header: spec.zh, spec });
    if (spec.bilingual) out.push({ key: `${key}.en`, header: `${spec.zh}（英文）`, spec });
  }
  return out;
}

/** The template workbook, with an example row in each sheet and the 说明 sheet last. */
export function templateBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const name of Object.keys(SHEETS) as SheetName[]) {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const headers = templateHeaders(name);
    ws.columns = headers.map(({ key, header }) => ({
      header,
      key,
      width: Math.max(10, header.length * 2 + 4),
      ...(TEXT_COLUMNS.has(key) && { style: { numFmt: '@' } }),
    }));
    ws.getRow(1).font = { bold: true };
    ws.addRow(EXAMPLES[name]);
    headers.forEach(({ key }, i) => {
      const names =
        key === 'level'
          ? HONOR_LEVELS.map((k) => LEVEL_NAMES[k]!['zh-CN'])
          : key === 'kind'
            ? HONOR_KINDS.map((k) => KIND_NAMES[k]['zh-CN'])
            : null;
      if (!names) return;
      const letter = ws.getColumn(i + 1).letter;
      // Drop-down lists of the names the kiosk shows (exceljs has this at run time, not in its types).
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}30000`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${names.join(',')}"`],
      });
    });
  }
  const notes = book.addWorksheet('说明');
  notes.columns = [{ width: 12 }, { width: 20 }, { width: 80 }];
  NOTES.forEach((line) => notes.addRow(['', '', line]));
  notes.addRow([]);
  notes.addRow(['工作表', '列', '填写说明']).font = { bold: true };
  for (const name of Object.keys(SHEETS) as SheetName[]) {
    notes.addRow([name, '', SHEETS[name].note]);
    for (const { key, header, spec } of templateHeaders(name))
      notes.addRow([
        '',
        header,
        key.endsWith('.en')
          ? `可选：“${spec.zh}”的英文，给外宾看；不填则只显示中文`
          : `${spec.required ? '【必填】' : ''}${spec.note}`,
      ]);
  }
  return book;
}

/** Writes 人物.xlsx, content.json and pack.json into `out`; refuses to overwrite any of them. */
export async function writeTemplate(out: string): Promise<string[]> {
  await mkdir(out, { recursive: true });
  const files = [TEMPLATE_BOOK, 'content.json', 'pack.json'].map((n) => join(out, n));
  for (const file of files)
    if (await stat(file).catch(() => null))
      throw new CliProblem(file, '(file)', '已经存在，不会覆盖 / already exists; not overwritten');
  await templateBook().xlsx.writeFile(files[0]!);
  await writeFile(files[1]!, `${JSON.stringify(TEMPLATE_CONTENT, null, 2)}\n`);
  await writeFile(
    files[2]!,
    `${JSON.stringify({ pack: 'my-hall', version: 1, validDays: 365 }, null, 2)}\n`,
  );
  return files;
}
