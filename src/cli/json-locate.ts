/**
 * Where things are in a JSON text, for problems that name a line: the first syntax error (with what
 * was expected, in Chinese and English), or the offset of each value by its content path.
 * JSON.parse stays the parser; this scanner runs only when a problem needs a place.
 */

/** A syntax error: where it is (offset into the text) and what was expected. */
export interface JsonSyntaxError {
  offset: number;
  zh: string;
  en: string;
}

class Stop extends Error {
  constructor(readonly error: JsonSyntaxError) {
    super(error.en);
  }
}

/** Chinese punctuation typed by mistake, with the ASCII character JSON needs. */
const FULL_WIDTH: Record<string, string> = {
  '，': ',',
  '：': ':',
  '“': '"',
  '”': '"',
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
};

/**
 * Scans `text` as JSON. Returns the first syntax error, or null with every value's offset recorded in
 * `offsets` (when given) under its path: `workers[3].honors[0].year`. A member's offset is its key's,
 * so the line named is the one staff see the field on.
 */
function scan(text: string, offsets?: Map<string, number>): JsonSyntaxError | null {
  let i = 0;
  const fail = (zh: string, en: string, at = i): never => {
    throw new Stop({ offset: at, zh, en });
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const unexpected = (wantZh: string, wantEn: string): never => {
    if (i >= text.length)
      return fail(`文件在中途结束，缺少${wantZh}`, `the file ends early; expected ${wantEn}`);
    const ch = text[i]!;
    const ascii = FULL_WIDTH[ch];
    if (ascii)
      return fail(
        `这里用了中文标点“${ch}”，应为英文的 ${ascii}`,
        `found the Chinese "${ch}"; JSON needs the ASCII ${ascii}`,
      );
    return fail(`应为${wantZh}，而不是“${ch}”`, `expected ${wantEn}, found "${ch}"`);
  };
  const string = () => {
    const start = i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return text.slice(start, i);
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail('\\u 后应为 4 位十六进制数', 'expected 4 hex digits after \\u');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else
          fail(
            `不认识的转义“\\${next ?? ''}”（反斜杠要写成 \\\\）`,
            `unknown escape "\\${next ?? ''}" (write a backslash as \\\\)`,
          );
        continue;
      }
      if (ch < ' ')
        fail(
          '引号里的文字不能直接换行或含控制字符（换行写成 \\n）',
          'a line break or control character inside quotes (write a line break as \\n)',
        );
      i++;
    }
    return fail('引号没有结束', 'the quotes are never closed', start);
  };
  const value = (path: string) => {
    space();
    offsets?.set(path, offsets.get(path) ?? i);
    const ch = text[i];
    if (ch === '{') return object(path);
    if (ch === '[') return array(path);
    if (ch === '"') return void string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (literal) {
      i += literal[0].length;
      return;
    }
    return unexpected('一个值（文字要加英文双引号）', 'a value (text goes in double quotes "…")');
  };
  const object = (path: string) => {
    i++;
    space();
    if (text[i] === '}') return void i++;
    for (;;) {
      space();
      const keyAt = i;
      if (text[i] !== '"')
        return text[i] === '}'
          ? fail('最后一项后面多了逗号', 'a comma after the last item')
          : unexpected('用英文双引号括起来的名称', 'a name in double quotes');
      const key = JSON.parse(string()) as string;
      const child = path ? `${path}.${key}` : key;
      offsets?.set(child, keyAt);
      space();
      if (text[i] !== ':') unexpected('冒号 :', 'a colon ":"');
      i++;
      value(child);
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      return unexpected('逗号 , 或 }', 'a comma "," or "}"');
    }
  };
  const array = (path: string) => {
    i++;
    space();
    if (text[i] === ']') return void i++;
    for (let n = 0; ; n++) {
      space();
      if (text[i] === ']') return fail('最后一项后面多了逗号', 'a comma after the last item');
      value(`${path}[${n}]`);
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      return unexpected('逗号 , 或 ]', 'a comma "," or "]"');
    }
  };
  try {
    value('');
    space();
    if (i < text.length) fail('内容结束后还有多余的文字', 'more text after the end of the content');
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.error;
    throw e;
  }
}

/** The first syntax error in `text`, or null when it is JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  return scan(text);
}

/** Every value's offset by content path (`''` for the whole); empty when the text is not JSON. */
export function jsonOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  return scan(text, offsets) ? new Map() : offsets;
}

/** Line and column (from 1) of an offset into `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let n = text.indexOf('\n'); n !== -1 && n < offset; n = text.indexOf('\n', n + 1)) {
    line++;
    start = n + 1;
  }
  return { line, col: offset - start + 1 };
}
