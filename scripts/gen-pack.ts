/**
 * Writes a large test pack's source folder from the demo: its 40 people as they are plus generated ones,
 * so walls, rosters and the CLI can be tried at a real hall's scale.
 * `tsx scripts/gen-pack.ts --people N --out DIR [--roster-only] [--seed S] [--layout L]`
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  SPIRIT_TAGS,
  WALL_LAYOUTS,
  parseContent,
  referencedPaths,
  type Content,
  type Honor,
  type Wall,
  type WallLayoutName,
  type Worker,
} from '../src/content/schema';
import {
  EMPLOYERS,
  GIVEN,
  HONORS,
  POLYPHONIC_SURNAMES,
  REGIONS,
  SURNAMES,
  type HonorKind,
} from './gen-pack-tables';

const DEMO = fileURLToPath(new URL('../media/demo', import.meta.url));
const LAST_YEAR = 2025;

export interface GenerateOptions {
  /** People in the pack, the demo's 40 included (at least 40). */
  people: number;
  /** The source folder to write (created; files already there are overwritten). */
  out: string;
  /** Generated people get only a name, one honour, an employer and a region: no portrait, no story. */
  rosterOnly?: boolean;
  /** Same seed, same pack, byte for byte. */
  seed?: number;
  /** Layout of the first wall, the one that shows everyone. */
  layout?: WallLayoutName;
  /** The demo source to start from (media/demo). */
  demo?: string;
}

export interface GeneratedPack {
  dir: string;
  pack: string;
  people: number;
  withPortrait: number;
}

/** Generates the source folder; it passes the content schema (checked here before anything is written). */
export async function generatePackSource(opts: GenerateOptions): Promise<GeneratedPack> {
  const demoDir = opts.demo ?? DEMO;
  const demo = JSON.parse(await readFile(join(demoDir, 'content.json'), 'utf8')) as Content;
  const info = JSON.parse(await readFile(join(demoDir, 'pack.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  if (!Number.isInteger(opts.people) || opts.people < demo.workers.length)
    throw new Error(`--people must be a whole number of at least ${demo.workers.length}`);

  const random = mulberry32(opts.seed ?? 1);
  const portraits = [...new Set(demo.workers.flatMap((w) => (w.portrait ? [w.portrait] : [])))];
  const generated: Worker[] = [];
  for (let i = 1; i <= opts.people - demo.workers.length; i++)
    generated.push(person(i, random, opts.rosterOnly ? null : portraits));

  const everyone: Wall = {
    id: 'everyone',
    title: { 'zh-CN': '劳模名录', en: 'Everyone honoured' },
    subtitle: {
      'zh-CN': `全部 ${opts.people} 位（含生成的示例人物）`,
      en: `All ${opts.people} people (generated samples included)`,
    },
    select: {},
    layout: opts.layout ?? 'sphere',
  };
  const content: Content = {
    ...demo,
    workers: [...demo.workers, ...generated],
    walls: [everyone, ...demo.walls.filter((w) => w.id !== everyone.id)],
  };
  const parsed = parseContent(content);
  if (!parsed.ok)
    throw new Error(
      `generated content breaks the schema: ${parsed.problems
        .slice(0, 5)
        .map((p) => `${p.field} ${p.message}`)
        .join('; ')}`,
    );

  const pack = `${String(info.pack)}-gen-${opts.people}${opts.rosterOnly ? '-roster' : ''}`;
  await mkdir(opts.out, { recursive: true });
  for (const path of referencedPaths(parsed.content)) {
    await mkdir(dirname(join(opts.out, path)), { recursive: true });
    await copyFile(join(demoDir, path), join(opts.out, path));
  }
  await writeFile(join(opts.out, 'pack.json'), `${JSON.stringify({ ...info, pack }, null, 2)}\n`);
  // Compact: at 25,000 people every indent costs megabytes the kiosk downloads and parses.
  await writeFile(join(opts.out, 'content.json'), JSON.stringify(content));
  return {
    dir: opts.out,
    pack,
    people: content.workers.length,
    withPortrait: content.workers.filter((w) => w.portrait).length,
  };
}

/** The i-th generated person (`gen-00001`…). `portraits` null makes a name-only roster entry. */
function person(i: number, random: () => number, portraits: string[] | null): Worker {
  // The first few take each polyphonic surname once, so even a small pack tests them all.
  const surname =
    i <= POLYPHONIC_SURNAMES.length
      ? SURNAMES.find(([zh]) => zh === POLYPHONIC_SURNAMES[i - 1])!
      : weighted(SURNAMES, (s) => s[2], random);
  const pool = [...(random() < 0.5 ? GIVEN.male : GIVEN.female), ...GIVEN.either];
  const given = Array.from({ length: random() < 0.7 ? 2 : 1 }, () => pick(pool, random));
  const name = {
    'zh-CN': surname[0] + given.map((g) => g[0]).join(''),
    en: `${surname[1]} ${capitalise(joinSyllables(given.map((g) => g[1])))}`,
  };
  const employer = pick(EMPLOYERS, random);
  const region = pick(REGIONS, random);
  const honors = [
    honor(
      weighted(HONORS, (k) => k.weight, random),
      random,
    ),
  ];
  const worker: Worker = {
    id: `gen-${String(i).padStart(5, '0')}`,
    name,
    honors,
    employer: employer.name,
    region,
    sample: true,
  };
  if (!portraits) return worker;
  if (random() < 0.25) {
    // A second honour, later than the first, as careers go.
    const more = honor(
      weighted(HONORS, (k) => k.weight, random),
      random,
      honors[0]!.year,
    );
    if (more.year > honors[0]!.year) honors.push(more);
  }
  const tags = SPIRIT_TAGS.filter(() => random() < 0.5);
  return {
    ...worker,
    sector: employer.sector,
    role: { 'zh-CN': `（示例人物）${employer.job['zh-CN']}`, en: `(Sample) ${employer.job.en}` },
    portrait: pick(portraits, random),
    ...(tags.length ? { tags } : {}),
  };
}

function honor(kind: HonorKind, random: () => number, after = 0): Honor {
  const from = Math.max(kind.from, after + 1);
  const year = Math.min(LAST_YEAR, from + Math.floor(random() * (LAST_YEAR - from + 1)));
  return { title: kind.title, level: kind.level, kind: kind.kind, year };
}

/** Pinyin syllables joined as names are written: an apostrophe before a syllable starting with a, o or e (Jian'an). */
function joinSyllables(syllables: string[]): string {
  return syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(items: readonly T[], weight: (item: T) => number, random: () => number): T {
  let r = random() * items.reduce((sum, item) => sum + weight(item), 0);
  for (const item of items) if ((r -= weight(item)) < 0) return item;
  return items[items.length - 1]!;
}

/** A small seeded generator (mulberry32): the same seed gives the same pack on any machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string' },
      out: { type: 'string' },
      'roster-only': { type: 'boolean' },
      seed: { type: 'string' },
      layout: { type: 'string' },
    },
  });
  const layout = values.layout as WallLayoutName | undefined;
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const bad =
    (layout && !WALL_LAYOUTS.includes(layout)) || (seed !== undefined && !Number.isInteger(seed));
  if (!values.people || !values.out || bad) {
    console.error(
      `usage: tsx scripts/gen-pack.ts --people N --out DIR [--roster-only] [--seed S] [--layout ${WALL_LAYOUTS.join('|')}]`,
    );
    process.exit(2);
  }
  const started = performance.now();
  const r = await generatePackSource({
    people: Number(values.people),
    out: values.out,
    rosterOnly: values['roster-only'],
    seed,
    layout,
  });
  console.log(
    `wrote source "${r.pack}" to ${r.dir}: ${r.people} people, ${r.withPortrait} with a portrait (${Math.round(performance.now() - started)} ms)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
