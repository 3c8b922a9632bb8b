/**
 * The content file of a source folder: content.json, or content.yaml / content.yml for power users.
 * Either is read into the same plain data (the pack ships it as content.json), and any place in it
 * can be named by content path and line, so every problem says where to look.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { YAMLError } from 'yaml';
import { jsonOffsets, jsonSyntaxError, lineAndColumn } from './json-locate';
import { CliProblem, CliProblems, fileLine } from './problems';

/** The names a content file may have, in the order they are looked for. */
export const CONTENT_FILE_NAMES = ['content.json', 'content.yaml', 'content.yml'] as const;

export interface ContentFile {
  /** The file's path, as problems name it. */
  file: string;
  yaml: boolean;
  /** Its data: what JSON.parse makes of the content.json the pack ships. */
  data: unknown;
  /** The content.json the pack ships: a JSON file as it is, a YAML file written as JSON. */
  bytes: Uint8Array;
  /** The line a content path is on (the deepest part of it the file has), when it can be found. */
  lineOf(path: string): number | undefined;
  /** One problem line: the file, the path and its line, Chinese then English. */
  line(path: string, zh: string, en: string): string;
}

/** Which content file `dir` has; a problem when it has none or more than one. */
export async function findContentFile(dir: string): Promise<string> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  const found = CONTENT_FILE_NAMES.filter((n) => names.has(n));
  if (found.length === 1) return join(dir, found[0]!);
  if (!found.length)
    throw new CliProblem(
      dir,
      '(file)',
      names.size
        ? '没有内容文件 content.json（或 content.yaml）/ has no content.json (or content.yaml)'
        : '不存在或是空文件夹 / does not exist or is empty',
    );
  throw new CliProblem(
    dir,
    '(file)',
    `同时有 ${found.join('、')}，只能保留一个内容文件 / holds ${found.join(' and ')}: keep one content file`,
  );
}

/** Reads and parses the folder's content file; a syntax error is a problem naming line and column. */
export async function readContentFile(dir: string): Promise<ContentFile> {
  return readDataFile(await findContentFile(dir));
}

/** Reads a JSON or YAML file (by its extension) with places for its problems, such as pack.json. */
export async function readDataFile(file: string): Promise<ContentFile> {
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliProblem(
      file,
      '(file)',
      code === 'ENOENT'
        ? '不存在 / is missing'
        : `无法读取 / cannot be read (${code ?? (e as Error).message})`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new CliProblem(
      file,
      '(file)',
      '不是 UTF-8 编码的文字，请用 UTF-8 保存 / is not UTF-8 text; save it as UTF-8',
    );
  }
  return /\.ya?ml$/i.test(file) ? readYaml(file, text) : readJson(file, raw, text);
}

function readJson(file: string, raw: Uint8Array, text: string): ContentFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const error = jsonSyntaxError(text);
    if (!error)
      throw new CliProblem(
        file,
        '(file)',
        `不是有效的 JSON / is not valid JSON (${(e as Error).message})`,
      );
    const { line, col } = lineAndColumn(text, error.offset);
    throw new CliProblems([
      fileLine({ file, line, col }, `JSON 格式有误：${error.zh}`, `not valid JSON: ${error.en}`),
    ]);
  }
  let offsets: Map<string, number> | undefined;
  // A compact file (a generated roster) is one line: a line number would not help.
  const oneLine = text.trimEnd().indexOf('\n') === -1;
  const lineOf = (path: string) => {
    if (oneLine) return undefined;
    offsets ??= jsonOffsets(text);
    for (let p: string | null = path; p !== null; p = parentPath(p)) {
      const at = offsets.get(p);
      if (at !== undefined) return lineAndColumn(text, at).line;
    }
    return undefined;
  };
  return withLine({ file, yaml: false, data, bytes: raw, lineOf });
}

const YAML_WORDS: Partial<Record<YAMLError['code'], [string, string]>> = {
  BAD_INDENT: ['缩进不对', 'bad indentation'],
  TAB_AS_INDENT: ['缩进不能用 Tab 键，请用空格', 'tabs cannot indent; use spaces'],
  DUPLICATE_KEY: ['同一层里有两个相同的名称', 'the same name twice at one level'],
  MISSING_CHAR: ['缺少结束的引号或括号', 'a closing quote or bracket is missing'],
  MULTIPLE_DOCS: ['只能有一个文档（不要再用 --- 分开）', 'only one document (no second ---)'],
  BLOCK_AS_IMPLICIT_KEY: [
    '“名称: 值”要写在一行，下一层要多缩进',
    '"name: value" goes on one line, and what is inside it is indented further',
  ],
  MULTILINE_IMPLICIT_KEY: [
    '“名称: 值”要写在一行，下一层要多缩进',
    '"name: value" goes on one line, and what is inside it is indented further',
  ],
  UNEXPECTED_TOKEN: ['这里有多余或不认识的符号', 'unexpected text here'],
  BAD_ALIAS: ['引用（*名称）写得不对', 'a bad alias (*name)'],
};

function readYaml(file: string, text: string): ContentFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number) => lines.linePos(offset);
  if (doc.errors.length)
    throw new CliProblems(
      doc.errors.map((e) => {
        const [zh, en] = YAML_WORDS[e.code] ?? ['格式有误', 'syntax error'];
        const { line, col } = at(e.pos[0]);
        return fileLine(
          { file, line, col },
          `YAML ${zh}`,
          `YAML ${en}: ${e.message.split('\n')[0]}`,
        );
      }),
    );
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // An alias to an anchor that is not there, or aliases that would blow up in size.
    throw new CliProblem(
      file,
      '(file)',
      `YAML 引用（*名称）找不到对应的锚点（&名称），或引用太多 / YAML alias problem: ${(e as Error).message}`,
    );
  }
  const lineOf = (path: string) => {
    const offset = yamlOffset(doc, path);
    return offset === undefined ? undefined : at(offset).line;
  };
  const odd = nonJson(js);
  if (odd.length)
    throw new CliProblems(
      odd.map((path) =>
        fileLine(
          { file, path, line: lineOf(path) },
          '这个值在 JSON 里无法表示（如 .inf、.nan），请改成普通的数字或文字',
          'this value has no JSON form (.inf, .nan…); write a plain number or text',
        ),
      ),
    );
  // The pack ships JSON; what is checked is exactly what it ships.
  const json = `${JSON.stringify(js ?? null, null, 2)}\n`;
  return withLine({
    file,
    yaml: true,
    data: JSON.parse(json) as unknown,
    bytes: new TextEncoder().encode(json),
    lineOf,
  });
}

function withLine(f: Omit<ContentFile, 'line'>): ContentFile {
  return {
    ...f,
    line: (path, zh, en) =>
      fileLine({ file: f.file, path, line: path ? f.lineOf(path) : undefined }, zh, en),
  };
}

/** `workers[3].honors` → `workers[3]` → `workers` → `''` → null. */
function parentPath(path: string): string | null {
  if (!path) return null;
  const m = /(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m ? path.slice(0, m.index) : '';
}

/** `workers[3].honors[0].year` → ['workers', 3, 'honors', 0, 'year']. */
function pathKeys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
}

/** The offset of the deepest node along `path`: a member's key, an item's start. */
function yamlOffset(doc: Document, path: string): number | undefined {
  let node: unknown = doc.contents;
  let at = (node as { range?: number[] } | null)?.range?.[0];
  for (const key of pathKeys(path)) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      at = (pair.key as { range?: number[] }).range?.[0] ?? at;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      at = (node as { range?: number[] }).range?.[0] ?? at;
    } else break;
  }
  return at;
}

/** Paths of values JSON cannot hold (NaN, Infinity, and anything but plain data). */
function nonJson(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(path || '(top level)');
  else if (Array.isArray(value)) value.forEach((v, i) => nonJson(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) out.push(path || '(top level)');
    else for (const [k, v] of Object.entries(value)) nonJson(v, path ? `${path}.${k}` : k, out);
  } else if (!['string', 'number', 'boolean'].includes(typeof value) && value !== null)
    out.push(path || '(top level)');
  return out;
}
