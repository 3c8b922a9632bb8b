// Checks the generated demo pack: schema, referenced files, allowed types, orphans, video format and size budget.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseContent, referencedPaths } from '../../src/content/schema';
import { typeForPath } from '../../src/feed/media-types';
import { isSafePackPath } from '../../src/feed/paths';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../media/demo');
const BUDGET = 15 * 1024 * 1024;
const problems: string[] = [];

/** Folders in media/demo that hold no pack payload (the demo signing keys live in keys/). */
const NOT_PAYLOAD = new Set(['keys']);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory())
      return dir === DIR && NOT_PAYLOAD.has(entry.name) ? [] : listFiles(full);
    return [relative(DIR, full).split('\\').join('/')];
  });
}

const pack = JSON.parse(readFileSync(join(DIR, 'pack.json'), 'utf8')) as Record<string, unknown>;
if (
  pack.pack !== 'demo' ||
  pack.version !== 1 ||
  pack.validDays !== 730 ||
  pack.published !== '2026-11-01T00:00:00.000Z'
)
  problems.push(`pack.json has unexpected values: ${JSON.stringify(pack)}`);

const result = parseContent(JSON.parse(readFileSync(join(DIR, 'content.json'), 'utf8')));
if (!result.ok) {
  for (const p of result.problems) problems.push(`content.json ${p.field}: ${p.message}`);
} else {
  const { content } = result;
  const referenced = new Set(referencedPaths(content));
  for (const path of referenced)
    if (!existsSync(join(DIR, path))) problems.push(`missing file: ${path}`);

  const files = listFiles(DIR);
  for (const file of files) {
    if (!isSafePackPath(file)) problems.push(`unsafe path: ${file}`);
    if (!typeForPath(file)) problems.push(`type not allowed: ${file}`);
    if (!referenced.has(file) && file !== 'content.json' && file !== 'pack.json')
      problems.push(`not referenced by content.json: ${file}`);
  }

  for (const path of referenced) {
    if (!path.endsWith('.mp4') || !existsSync(join(DIR, path))) continue;
    const probe = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=codec_name,pix_fmt:format=duration',
        '-of',
        'json',
        join(DIR, path),
      ],
      { encoding: 'utf8' },
    );
    const info = JSON.parse(probe) as {
      streams: { codec_name: string; pix_fmt: string }[];
      format: { duration: string };
    };
    const duration = Number(info.format.duration);
    if (info.streams[0]?.codec_name !== 'h264' || info.streams[0]?.pix_fmt !== 'yuv420p')
      problems.push(`${path}: expected h264/yuv420p`);
    if (!(duration >= 8 && duration <= 20))
      problems.push(`${path}: duration ${duration}s outside 8–20 s`);
  }

  const total = files.reduce((sum, file) => sum + statSync(join(DIR, file)).size, 0);
  if (total > BUDGET)
    problems.push(`pack is ${(total / 1048576).toFixed(1)} MB, over the 15 MB budget`);

  const workers = content.workers;
  console.log(
    `${workers.length} workers (all sample: ${workers.every((w) => w.sample)}), ` +
      `${workers.filter((w) => w.portrait).length} with portraits, ` +
      `${workers.filter((w) => (w.chapters?.length ?? 0) >= 3).length} with 3+ chapters, ` +
      `${workers.reduce((n, w) => n + (w.videos?.length ?? 0), 0)} videos, ` +
      `${files.length} files, ${(total / 1048576).toFixed(2)} MB`,
  );
}

if (problems.length) {
  for (const p of problems) console.error(`PROBLEM ${p}`);
  process.exit(1);
}
console.log('demo pack OK');
