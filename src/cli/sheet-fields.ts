/** The spreadsheet's sheets and Chinese column headers, and how each cell's text becomes a content value. */
import { HONOR_KINDS, HONOR_LEVELS, SPIRIT_TAGS } from '../content/schema';
import type { HonorKind, HonorLevel, SpiritTag } from '../content/schema';
import { KIND_NAMES } from '../i18n/roster-strings';
import { LEVEL_NAMES, TAG_NAMES } from '../i18n/strings';

/** A column: its Chinese header (what the template writes), an English header also accepted, and a note. */
export interface ColumnSpec {
  zh: string;
  en: string;
  /** Needs a value on every row. */
  required?: boolean;
  /** Has a second column for the English text: 「姓名（英文）」. */
  bilingual?: boolean;
  /** One line for the template's 说明 sheet, Chinese. */
  note: string;
}

const c = (
  zh: string,
  en: string,
  note: string,
  more: Partial<ColumnSpec> = {},
): [string, ColumnSpec] => [en, { zh, en, note, ...more }];

const WHEN = [
  c('开始展示', 'from', '从这天起展示，如 2026-05-01；空着表示一直展示'),
  c('结束展示', 'until', '展示到这天（含当天），如 2026-06-30'),
];
const HONOUR = (req: boolean) => [
  c('荣誉称号', 'honour', '如 全国劳动模范', { bilingual: true, required: req }),
  c('级别', 'level', '全国、省级、市级、行业；空着时按称号推断（“全国…”“省…”“市…”）'),
  c('类别', 'kind', '劳动模范、先进工作者、五一劳动奖章、工匠、工人先锋号等；空着时按称号推断'),
  c('年份', 'year', '获评年份，四位数字，如 2015', { required: req }),
];

/** Every sheet the reader knows, by its Chinese name; columns by their English key. */
export const SHEETS = {
  人物: {
    en: 'people',
    note: '每行一位人物。可在本表直接填一项荣誉；更多荣誉写在“荣誉”表。',
    columns: new Map([
      c('编号', 'id', '小写字母、数字和“-”，如 wang-jianguo；空着时按姓名拼音生成'),
      c('姓名', 'name', '必填', { required: true, bilingual: true }),
      c('单位', 'employer', '必填，工作单位', { required: true, bilingual: true }),
      c('行业', 'sector', '如 机械制造', { bilingual: true }),
      c('地区', 'region', '如 东城区', { bilingual: true }),
      c('职务', 'role', '如 车工', { bilingual: true }),
      c('格言', 'quote', '一句话', { bilingual: true }),
      c('简介', 'bio', '人物页的介绍', { bilingual: true }),
      c('肖像', 'portrait', '照片在素材文件夹里的路径，如 portraits/wang.webp'),
      c('精神', 'tags', '劳模精神、劳动精神、工匠精神，可填多个，用顿号分开'),
      c('链接', 'link', 'https:// 开头的网址'),
      c('示例', 'sample', '填“是”表示虚构的示例人物'),
      c('撤下', 'withdrawn', '填“是”表示暂不展示'),
      ...WHEN,
      ...HONOUR(false),
    ]),
  },
  荣誉: {
    en: 'honours',
    note: '每行一项荣誉；同一人的几项荣誉可以合并“人物”单元格。',
    columns: new Map([
      c('人物', 'person', '人物的编号或姓名', { required: true }),
      ...HONOUR(true),
    ]),
  },
  故事: {
    en: 'stories',
    note: '每行一个故事章节，按行的顺序讲述。',
    columns: new Map([
      c('人物', 'person', '人物的编号或姓名', { required: true }),
      c('年份', 'year', '四位年份', { required: true }),
      c('标题', 'title', '章节标题', { required: true, bilingual: true }),
      c('正文', 'text', '章节正文', { required: true, bilingual: true }),
      c('图片', 'image', '图片路径，如 images/workshop.webp；空着时显示肖像'),
      ...WHEN,
    ]),
  },
  视频: {
    en: 'videos',
    note: '每行一部影片。',
    columns: new Map([
      c('人物', 'person', '人物的编号或姓名', { required: true }),
      c('文件', 'file', '影片路径，如 videos/craft.mp4', { required: true }),
      c('标题', 'title', '影片标题', { required: true, bilingual: true }),
      c('封面', 'poster', '封面图片路径'),
      c('中文字幕', 'captions-zh', '字幕文件路径（.vtt）'),
      c('英文字幕', 'captions-en', '英文字幕文件路径（.vtt）'),
      ...WHEN,
    ]),
  },
  历程: {
    en: 'events',
    note: '每行一个历史事件，放进 content.json 里 timelines 的某个阶段（eras）。',
    columns: new Map([
      c('历程', 'timeline', 'content.json 里历程的 id；只有一条历程时可空着'),
      c('阶段', 'era', 'content.json 里阶段的 id，如 era-1950-1966', { required: true }),
      c('日期', 'date', '如 1950、1950-09 或 1950-09-25', { required: true }),
      c('标题', 'title', '事件标题', { required: true, bilingual: true }),
      c('内容', 'text', '事件说明', { required: true, bilingual: true }),
      c('人物', 'people', '相关人物的编号或姓名，多个用顿号分开'),
      c('图片', 'image', '图片路径'),
      ...WHEN,
    ]),
  },
} as const;

export type SheetName = keyof typeof SHEETS;

/** Sheets the reader skips on purpose: the template's notes. */
export const NOTE_SHEETS = ['说明', 'notes', 'readme'];

/** Header text compared loosely: full-width brackets, spaces and case do not matter. */
export function normHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The headers a column answers to: 姓名, name; and for its English twin 姓名(英文), 英文姓名, name(en). */
export function headerAliases(col: ColumnSpec, english: boolean): string[] {
  const zh = english ? [`${col.zh}(英文)`, `英文${col.zh}`] : [col.zh, `${col.zh}(中文)`];
  const en = english ? [`${col.en}(en)`, `${col.en}.en`] : [col.en, `${col.en}(zh)`];
  return [...zh, ...en].map(normHeader);
}

/** Which sheet a sheet name (or CSV file name) stands for, if any. */
export function sheetFor(name: string): SheetName | null {
  const n = normHeader(name);
  for (const [zh, spec] of Object.entries(SHEETS))
    if (n === zh || n === spec.en) return zh as SheetName;
  return null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };
const bad = (zh: string, en: string) => ({ ok: false, zh, en }) as const;
const good = <T>(value: T) => ({ ok: true, value }) as const;

/** A four-digit year: 2015, 2015年 or an Excel 2015.0. */
export function parseYear(text: string): Parsed<number> {
  const m = /^(\d{4})(?:年|\.0+)?$/.exec(text);
  return m
    ? good(Number(m[1]))
    : bad('应为四位年份，如 2015', 'must be a four-digit year like 2015');
}

/** 1950年9月25日, 1950/9/25, 1950.9 → 1950-09-25, 1950-09; anything else is left for the schema to judge. */
export function normDate(text: string): string {
  const m = /^(\d{4})(?:[-/.年](\d{1,2})月?(?:[-/.](\d{1,2})|月?(\d{1,2})日)?)?年?$/.exec(text);
  if (!m) return text;
  const day = m[3] ?? m[4];
  return [m[1], m[2], day]
    .filter(Boolean)
    .map((p, i) => (i ? p!.padStart(2, '0') : p))
    .join('-');
}

/** A yes/no cell: 是/否, Y/N, TRUE/FALSE, 1/0, ✓/×. */
export function parseBool(text: string): Parsed<boolean> {
  const n = normHeader(text);
  if (['是', 'y', 'yes', 'true', '1', '✓', '√', '对'].includes(n)) return good(true);
  if (['否', 'n', 'no', 'false', '0', '×', '✗', '不'].includes(n)) return good(false);
  return bad('应为“是”或“否”', 'must be 是 (yes) or 否 (no)');
}

function aliasTable<K extends string>(
  keys: readonly K[],
  names: Record<string, { 'zh-CN': string; en?: string }>,
  extra: Record<string, K>,
): Map<string, K> {
  const table = new Map<string, K>();
  for (const k of keys) {
    table.set(normHeader(k), k);
    table.set(normHeader(names[k]!['zh-CN']), k);
    if (names[k]!.en) table.set(normHeader(names[k]!.en!), k);
  }
  for (const [alias, k] of Object.entries(extra)) table.set(normHeader(alias), k);
  return table;
}

const LEVELS = aliasTable(HONOR_LEVELS, LEVEL_NAMES, {
  国家级: 'national',
  全国级: 'national',
  国家: 'national',
  省: 'provincial',
  省部级: 'provincial',
  市: 'municipal',
  地市级: 'municipal',
  行业级: 'industry',
});
const KINDS = aliasTable(HONOR_KINDS, KIND_NAMES, {
  劳模: 'model-worker',
  先进生产者: 'advanced-worker',
  五一奖章: 'may-day-medal',
  工人先锋号: 'pioneer',
  其他: 'pioneer',
  其它: 'pioneer',
});
const TAGS = aliasTable(SPIRIT_TAGS, TAG_NAMES, {});

const list = (names: Record<string, { 'zh-CN': string }>, keys: readonly string[]) =>
  keys.map((k) => names[k]!['zh-CN']).join('、');

/** A level by its Chinese name (全国, 国家级, 省级, 市级, 行业) or its code; empty guesses from the title. */
export function parseLevel(text: string, title: string): Parsed<HonorLevel> {
  const level = text ? LEVELS.get(normHeader(text)) : guessLevel(title);
  if (level) return good(level);
  const names = list(LEVEL_NAMES, HONOR_LEVELS);
  return text
    ? bad(
        `无法识别“${text}”，应为 ${names} 之一`,
        `"${text}" is not a level; use one of ${names} (${HONOR_LEVELS.join(', ')})`,
      )
    : bad(
        `不能从称号“${title}”看出级别，请填写 ${names} 之一`,
        `the level cannot be told from the title "${title}"; write one of ${names}`,
      );
}

/** A kind by its Chinese name (劳动模范, 先进工作者, 五一劳动奖章, 工匠, 工人先锋号等) or its code; empty guesses. */
export function parseKind(text: string, title: string): Parsed<HonorKind> {
  const kind = text ? KINDS.get(normHeader(text)) : guessKind(title);
  if (kind) return good(kind);
  const names = list(KIND_NAMES, HONOR_KINDS);
  return text
    ? bad(
        `无法识别“${text}”，应为 ${names} 之一`,
        `"${text}" is not a kind of honour; use one of ${names} (${HONOR_KINDS.join(', ')})`,
      )
    : bad(
        `不能从称号“${title}”看出类别，请填写 ${names} 之一`,
        `the kind cannot be told from the title "${title}"; write one of ${names}`,
      );
}

function guessLevel(title: string): HonorLevel | undefined {
  if (/^(全国|国家)/.test(title)) return 'national';
  if (/^[\p{Script=Han}]{1,4}省|^省/u.test(title)) return 'provincial';
  if (/^[\p{Script=Han}]{0,4}市/u.test(title)) return 'municipal';
  if (/行业/.test(title)) return 'industry';
  return undefined;
}

function guessKind(title: string): HonorKind | undefined {
  if (/五一劳动奖章/.test(title)) return 'may-day-medal';
  if (/劳动模范|劳模/.test(title)) return 'model-worker';
  if (/先进工作者|先进生产者/.test(title)) return 'advanced-worker';
  if (/工匠/.test(title)) return 'craftsman';
  if (/先锋号/.test(title)) return 'pioneer';
  return undefined;
}

/** Several values in one cell, split at 、，,；; or spaces. */
export function splitList(text: string): string[] {
  return text.split(/[、,，;；\s]+/).filter(Boolean);
}

/** Spirit tags by their Chinese names (劳模精神…) or codes. */
export function parseTags(text: string): Parsed<SpiritTag[]> {
  const tags: SpiritTag[] = [];
  for (const part of splitList(text)) {
    const tag = TAGS.get(normHeader(part));
    if (!tag) {
      const names = list(TAG_NAMES, SPIRIT_TAGS);
      return bad(`无法识别“${part}”，应为 ${names}`, `"${part}" is not a tag; use ${names}`);
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  return good(tags);
}
