// Writes media/demo/pack.json and media/demo/content.json from the roster and hall data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATTRACT, HALL, TIMELINES, WALLS } from './hall.mjs';
import { ROSTER } from './roster.mjs';

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../media/demo');

/** One roster entry as it appears in content.json (generator-only fields removed). */
function toContentWorker({ look, ...w }) {
  const ordered = {
    id: w.id,
    name: w.name,
    sample: true,
    ...(look ? { portrait: `portraits/${w.id}.webp` } : {}),
    honors: w.honors,
    employer: w.employer,
    sector: w.sector,
    region: w.region,
    role: w.role,
    quote: w.quote,
    bio: w.bio,
    tags: w.tags,
    chapters: w.chapters,
    videos: w.videos,
  };
  return Object.fromEntries(Object.entries(ordered).filter(([, value]) => value !== undefined));
}

export function buildContent() {
  return {
    format: 'kiosk-content/1',
    hall: HALL,
    workers: ROSTER.map(toContentWorker),
    walls: WALLS,
    timelines: TIMELINES,
    attract: ATTRACT,
  };
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    join(OUT_DIR, 'pack.json'),
    json({ pack: 'demo', version: 1, validDays: 730, published: '2026-11-01T00:00:00.000Z' }),
  );
  const content = buildContent();
  writeFileSync(join(OUT_DIR, 'content.json'), json(content));
  const kinds = (w) => new Set(w.honors.map((h) => h.kind));
  for (const wall of WALLS) {
    const n = content.workers.filter((w) => wall.select.kinds.some((k) => kinds(w).has(k))).length;
    console.log(`wall ${wall.id}: ${n} workers`);
  }
  console.log(
    `content.json: ${content.workers.length} workers, ` +
      `${content.workers.filter((w) => w.portrait).length} with portraits, ` +
      `${content.workers.filter((w) => w.chapters?.length).length} with chapters`,
  );
}
