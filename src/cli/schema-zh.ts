/** The content schema's English problem messages said in Chinese too, for staff who read Chinese first. */

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
  [/^duplicate worker id "(.*)"/, (m) => `编号“${m[1]}”重复`],
  [/^names unknown worker "(.*)"/, (m) => `找不到编号为“${m[1]}”的人物`],
  [/^names unknown wall "(.*)"/, (m) => `找不到 id 为“${m[1]}”的荣誉墙`],
  [/^worker "(.*)" has no story chapters/, (m) => `人物“${m[1]}”没有故事章节`],
  [
    /^worker "(.*)" has no film number (\d+)/,
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
    () => '至少需要一项荣誉（在本行填写荣誉称号和年份，或在“荣誉”表里添加）',
  ],
  [/^needs at least one (worker|wall|era|event|segment)/, () => '至少需要一项'],
  [/^must be one of/, () => '不在可选值之中'],
  [/^Invalid key/, () => '缺少这一项，或多了不认识的一项'],
  [/^Invalid type/, () => '类型不对'],
];

/** The Chinese for one of the schema's messages, or a general word when it has none. */
export function schemaZh(message: string): string {
  for (const [re, zh] of RULES) {
    const m = re.exec(message);
    if (m) return zh(m);
  }
  return '不符合要求';
}
