/** Reads and checks a staff source folder: pack.json, content.json and every file it names. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { referencedPaths, type Content } from '../content/schema';
import { ID_PATTERN, decodeJson } from '../feed/format';
import { signatureProblem, typeForPath } from '../feed/media-types';
import { CliProblem, CliProblems } from './problems';
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
  const info = await readJson(join(dir, 'pack.json'), (data, file) => {
    const r = v.safeParse(PackInfoSchema, data);
    if (r.success) return r.output;
    throw new CliProblems(
      r.issues.map(
        (i) => new CliProblem(file, v.getDotPath(i) ?? '(top level)', i.message).message,
      ),
    );
  });
  // content.json alone, or a spreadsheet for the people and content.json for the rest.
  const { content, contentBytes, warnings, namedIn } = await readContentSource(dir);

  const problems: string[] = [];
  const files: SourceFile[] = [];
  for (const path of referencedPaths(content)) {
    const file = join(dir, path);
    const type = typeForPath(path);
    if (!type) {
      problems.push(
        `${namedIn(path)}: "${path}" has a file type the kiosk does not accept (use webp, png, jpg, mp4, webm, vtt)`,
      );
      continue;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      problems.push(`${file}: is missing (named in ${namedIn(path)})`);
      continue;
    }
    if (info.size === 0) {
      problems.push(`${file}: is empty`);
      continue;
    }
    const bytes = await readBytes(file);
    const wrong = signatureProblem(bytes, type);
    if (wrong) problems.push(`${file}: ${wrong}`);
    else files.push({ path, bytes, type });
  }
  if (problems.length) throw new CliProblems(problems);
  return { info, content, contentBytes, files, warnings };
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new CliProblem(file, '(file)', 'cannot be read; is it there?');
  }
}

async function readJson<T>(file: string, check: (data: unknown, file: string) => T): Promise<T> {
  return parseJsonBytes(await readBytes(file), file, (d) => check(d, file));
}

function parseJsonBytes<T>(bytes: Uint8Array, file: string, check: (data: unknown) => T): T {
  let data: unknown;
  try {
    data = decodeJson(bytes);
  } catch (e) {
    throw new CliProblem(file, '(file)', `is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  return check(data);
}
