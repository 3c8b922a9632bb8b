/** Reads and checks a staff source folder: pack.json, content.json (or .yaml, or a spreadsheet) and every file it names. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import type { Content } from '../content/schema';
import { ID_PATTERN } from '../feed/format';
import { signatureProblem, typeForPath } from '../feed/media-types';
import { readDataFile } from './content-file';
import { CliProblem, CliProblems } from './problems';
import { schemaWords } from './schema-zh';
import { readContentSource } from './sheet-source';

const PackInfoSchema = v.strictObject({
  pack: v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a lowercase id like "city-hall"')),
  version: v.optional(
    v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  ),
  /** Fixed publish time for reproducible builds (the demo pack); otherwise the build time. */
  published: v.optional(
    v.pipe(v.string(), v.isoTimestamp('must be an ISO time like 2026-11-01T00:00:00Z')),
  ),
  validDays: v.optional(
    v.pipe(
      v.number(),
      v.integer('must be a whole number of days'),
      v.minValue(1, 'must be at least 1'),
    ),
    365,
  ),
});
export type PackInfo = v.InferOutput<typeof PackInfoSchema>;

export interface SourceFile {
  path: string;
  bytes: Uint8Array;
  type: string;
}

export interface PackSource {
  info: PackInfo;
  content: Content;
  contentBytes: Uint8Array;
  files: SourceFile[];
  /** Likely mistakes that do not stop the build (a missing portrait, a year in the future…). */
  warnings: string[];
}

/** Loads the folder, collecting every problem before failing so staff see them all at once. */
export async function readSource(dir: string): Promise<PackSource> {
  const info = await readPackInfo(join(dir, 'pack.json'));
  // content.json (or content.yaml) alone, or a spreadsheet for the people and it for the rest.
  const { content, contentBytes, warnings, fileProblem } = await readContentSource(dir);

  const problems: string[] = [];
  const files: SourceFile[] = [];
  for (const [path, namedAt] of namedFiles(content)) {
    const file = join(dir, path);
    const problem = (zh: string, en: string) => problems.push(fileProblem(path, namedAt, zh, en));
    const type = typeForPath(path);
    if (!type) {
      problem(
        `“${path}”的文件类型触摸屏不接受（可用 webp、png、jpg、mp4、webm、vtt）`,
        `"${path}" has a file type the kiosk does not accept (use webp, png, jpg, mp4, webm, vtt)`,
      );
      continue;
    }
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) {
      problem(`找不到文件 ${file}`, `the file ${file} is missing`);
      continue;
    }
    if (found.size === 0) {
      problem(`文件 ${file} 是空的`, `the file ${file} is empty`);
      continue;
    }
    const bytes = await readBytes(file);
    const wrong = signatureProblem(bytes, type);
    if (wrong) problem(`文件 ${file} 的内容与扩展名不符`, `the file ${file} ${wrong}`);
    else files.push({ path, bytes, type });
  }
  if (problems.length) throw new CliProblems(problems);
  return { info, content, contentBytes, files, warnings };
}

/** pack.json, checked; each problem names its field and line, in Chinese and English. */
async function readPackInfo(file: string): Promise<PackInfo> {
  const source = await readDataFile(file);
  const r = v.safeParse(PackInfoSchema, source.data);
  if (r.success) return r.output;
  throw new CliProblems(
    r.issues.map((i) => {
      const { zh, en } = schemaWords(i.message);
      return source.line(v.getDotPath(i) ?? '', zh, en);
    }),
  );
}

/**
 * Every file the content names, once, with the content path of its first mention
 * (`workers[3].portrait`), so a problem with the file says where it was named.
 */
function namedFiles(content: Content): Map<string, string> {
  const out = new Map<string, string>();
  const add = (path: string | undefined, at: string) => {
    if (path && !out.has(path)) out.set(path, at);
  };
  content.workers.forEach((w, i) => {
    const at = `workers[${i}]`;
    add(w.portrait, `${at}.portrait`);
    w.chapters?.forEach((c, j) => add(c.image, `${at}.chapters[${j}].image`));
    w.videos?.forEach((film, j) => {
      const f = `${at}.videos[${j}]`;
      add(film.file, `${f}.file`);
      add(film.poster, `${f}.poster`);
      add(film.captions?.['zh-CN'], `${f}.captions.zh-CN`);
      add(film.captions?.en, `${f}.captions.en`);
    });
  });
  content.timelines.forEach((t, i) =>
    t.eras.forEach((era, j) =>
      era.events.forEach((ev, k) => add(ev.image, `timelines[${i}].eras[${j}].events[${k}].image`)),
    ),
  );
  return out;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new CliProblem(file, '(file)', '无法读取 / cannot be read');
  }
}
