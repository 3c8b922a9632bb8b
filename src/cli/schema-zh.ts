/** The schemas' problem messages said in Chinese too (and valibot's own terse ones said plainly), for staff who read Chinese first. */

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must not be empty/, () => '不能为空'],
  [/^must be a whole year/, () => '应为整数年份'],
  [/^must be 1949 or later/, () => '应不早于 1949 年'],
  [/^must be 2100 or earlier/, () => '应不晚于 2100 年'],
  [
    /^must be a relative path inside the pack/,
    () => '应为素材文件夹里的相对路径（字母、数字和 - _ . /，不能有“..”、开头的“/”或“\\”）',
  ],
  [/^must be lowercase letters, digits and "-"/, () => '只能用小写字母、数字和“-”（最多 64 个）'],
  [/^must be a lowercase id like "(.*)"/, (m) => `只能用小写字母、数字和“-”，如“${m[1]}”`],
  [/^duplicate worker id "(.*)"/, (m) => `编号“${m[1]}”重复`],
  [/^names unknown worker "(.*)"/, (m) => `找不到编号为“${m[1]}”的人物`],
  [/^names unknown wall "(.*)"/, (m) => `找不到 id 为“${m[1]}”的荣誉墙`],
  [/^worker "(.*)" has no story chapters/, (m) => `人物“${m[1]}”没有故事章节`],
  [
    /^worker "(.*)" has no film number (-?\d+)/,
    (m) => `人物“${m[1]}”没有第 ${m[2]} 号影片（从 0 数起）`,
  ],
  [/^must be YYYY, YYYY-MM or YYYY-MM-DD/, () => '应写成 1950、1950-09 或 1950-09-25'],
  [
    /^must be a day like/,
    () => '应为日期（如 2026-05-01）或带时差的时刻（如 2026-05-01T09:00+08:00）',
  ],
  [/^must be later than "from"/, () => '应晚于“开始展示”，否则永远不会展示'],
  [/^must be an https:\/\/ address|^Invalid URL/, () => '应为 https:// 开头的网址'],
  [
    /^needs at least one honour/,
    () => '至少需要一项荣誉（在 honors 里添加一项，含 title、level、kind、year）',
  ],
  [/^needs at least one (worker|wall|era|event|segment)/, () => '至少需要一项'],
  [/^must be one of: (.*)/, (m) => `应为以下之一：${m[1]!.split(', ').join('、')}`],
  [/^must be "(.*)"$/, (m) => `应为 "${m[1]}"`],
  [/^must be at least (\d+) seconds/, (m) => `应不少于 ${m[1]} 秒`],
  [/^must be at most (\d+) seconds/, (m) => `应不超过 ${m[1]} 秒（30 分钟）`],
  [
    /^must be \{"wall"/,
    () =>
      '应写成 {"wall": "荣誉墙 id"}、{"people": 人数或 true}、{"story": "人物编号"} 或 {"film": "人物编号", "video": 从 0 数起的影片序号}，都可加 "seconds"（3 到 1800）',
  ],
  [/^must be an ISO time like (\S+)/, (m) => `应为 ISO 时间，如 ${m[1]}`],
  [/^must be a whole number of days/, () => '应为整数天数'],
  [/^must be a whole number/, () => '应为整数'],
  [/^must be (\d+) or more/, (m) => `应不小于 ${m[1]}`],
  [/^must be at least (\d+)/, (m) => `应不小于 ${m[1]}`],
];

/** A schema problem in both languages. */
export interface SchemaWords {
  zh: string;
  en: string;
}

/** valibot's names of types, and what staff call them. */
const TYPES: Record<string, SchemaWords> = {
  Object: { zh: '对象 {…}', en: 'an object {…}' },
  Array: { zh: '列表 […]', en: 'a list […]' },
  string: { zh: '文字（用双引号括起来）', en: 'text in quotes' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
};

/** What valibot expected: a type, a literal, or a choice (`("a" | "b")`). */
function expectedWords(expected: string): SchemaWords {
  const named = TYPES[expected];
  if (named) return named;
  const choices = expected.replace(/^\((.*)\)$/, '$1').split(' | ');
  if (choices.length > 1)
    return { zh: `以下之一：${choices.join('、')}`, en: `one of ${choices.join(', ')}` };
  return { zh: expected, en: expected };
}

/** What valibot received, as valibot prints it (`"2015"`, `12`, `Object`, `null`). */
function receivedWords(received: string): SchemaWords {
  if (received === 'Object') return { zh: '对象 {…}', en: 'an object {…}' };
  if (received === 'Array') return { zh: '列表 […]', en: 'a list […]' };
  if (received.startsWith('"')) return { zh: `文字 ${received}`, en: `the text ${received}` };
  if (/^-?\d/.test(received)) return { zh: `数字 ${received}`, en: received };
  return { zh: ` ${received}`, en: received };
}

/** valibot's default messages (`Invalid type: Expected number but received "2015"`), said plainly. */
const DEFAULTS: [RegExp, (m: RegExpExecArray) => SchemaWords][] = [
  [
    /^Invalid key: Expected "(.*)" but received undefined$/,
    (m) => ({ zh: `缺少“${m[1]}”这一项`, en: `"${m[1]}" is missing` }),
  ],
  [
    /^Invalid key: Expected never but received "(.*)"$/,
    (m) => ({ zh: `不认识“${m[1]}”这一项`, en: `unknown field "${m[1]}"` }),
  ],
  [
    /^Invalid type: Expected (.*) but received (.*)$/,
    (m) => {
      const want = expectedWords(m[1]!);
      const got = receivedWords(m[2]!);
      return { zh: `应为${want.zh}，而不是${got.zh}`, en: `must be ${want.en}, not ${got.en}` };
    },
  ],
  [
    /^Invalid value: Expected >=(\S+) but received (.*)$/,
    (m) => ({ zh: `应不小于 ${m[1]}（现为 ${m[2]}）`, en: `must be ${m[1]} or more, not ${m[2]}` }),
  ],
  [
    /^Invalid value: Expected <=(\S+) but received (.*)$/,
    (m) => ({ zh: `应不大于 ${m[1]}（现为 ${m[2]}）`, en: `must be ${m[1]} or less, not ${m[2]}` }),
  ],
  [
    /^Invalid integer: Received (.*)$/,
    (m) => ({ zh: `应为整数（现为 ${m[1]}）`, en: `must be a whole number, not ${m[1]}` }),
  ],
  [
    /^Invalid length: Expected >=(\d+) but received (\d+)$/,
    (m) => ({ zh: `至少需要 ${m[1]} 项`, en: `needs at least ${m[1]} (has ${m[2]})` }),
  ],
  [
    /^Invalid URL: Received (.*)$/,
    (m) => ({ zh: '应为 https:// 开头的网址', en: `must be a web address, not ${m[1]}` }),
  ],
];

const ITEMS: Record<string, string> = {
  worker: '人物',
  wall: '荣誉墙',
  timeline: '历程',
  era: '阶段',
  film: '影片',
  chapter: '章节',
  event: '事件',
};

/** `(worker "li-ming", film 2)` after a schedule problem: which item, said in Chinese too. */
function itemZh(message: string): string {
  const label = /\(((?:(?:worker|wall|timeline|era|film|chapter|event) [^,()]+(?:, )?)+)\)$/.exec(
    message,
  );
  if (!label) return '';
  const parts = label[1]!.split(', ').map((part) => {
    const [, kind, id] = /^(\w+) (.*)$/.exec(part)!;
    return id!.startsWith('"')
      ? `${ITEMS[kind!]}“${id!.slice(1, -1)}”`
      : `第 ${id} 个${ITEMS[kind!]}`;
  });
  return `（${parts.join('，')}）`;
}

/** A schema message in Chinese and English: valibot's defaults reworded, the schema's own translated. */
export function schemaWords(message: string): SchemaWords {
  for (const [re, words] of DEFAULTS) {
    const m = re.exec(message);
    if (m) {
      const w = words(m);
      return { zh: w.zh + itemZh(message), en: w.en };
    }
  }
  return { zh: schemaZh(message) + itemZh(message), en: message };
}

/** The Chinese for one of the schema's messages, or a general word when it has none. */
export function schemaZh(message: string): string {
  for (const [re, words] of DEFAULTS) {
    const m = re.exec(message);
    if (m) return words(m).zh;
  }
  for (const [re, zh] of RULES) {
    const m = re.exec(message);
    if (m) return zh(m);
  }
  return '不符合要求';
}
