/**
 * Pack build time, full and incremental: a generated source of N people with JPEG portraits of varied sizes and
 * EXIF orientations is built with an empty cache, then again after one photo changes; prints both times and
 * their ratio (goal: incremental ≤ 5 % of full), plus a rebuild with nothing changed.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { buildPack, type BuildResult } from '../../src/cli/build-pack';
import { inPool } from '../../src/cli/face-atlas';
import { keygen, readPrivateKey } from '../../src/cli/keys';
import { rosterBuildBench } from './roster-build';

const GOAL = 0.05;
/** Photo sizes staff bring (phone, scanner, camera, already-cropped), stored landscape when the tag turns them. */
const SIZES = [
  [900, 1200],
  [1536, 2048],
  [2000, 1500],
  [1200, 1200],
  [2448, 3264],
  [720, 960],
] as const;
const ORIENTATIONS = [1, 1, 6, 8, 3, 1] as const;

let tile: Promise<Buffer> | null = null;
const grainTile = () =>
  (tile ??= sharp({
    create: {
      width: 256,
      height: 256,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 14 },
    },
  })
    .png()
    .toBuffer());

/** A portrait-like JPEG: a graded backdrop, shoulders, a face with eyes and hair, grain; a mark placed by `seed` makes every one distinct. */
async function photo(seed: number): Promise<Buffer> {
  const [w0, h0] = SIZES[seed % SIZES.length]!;
  const orientation = ORIENTATIONS[seed % ORIENTATIONS.length]!;
  // Stored on its side when the tag turns it a quarter, as a phone does.
  const [w, h] = orientation >= 5 ? [h0, w0] : [w0, h0];
  const cx = w * (0.35 + ((seed * 7) % 30) / 100);
  const cy = h * 0.38;
  const r = Math.min(w, h) * 0.13;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w0}" height="${h0}">
    <defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(seed * 47) % 360},30%,72%)"/>
    <stop offset="1" stop-color="hsl(${(seed * 91) % 360},25%,28%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <ellipse cx="${cx}" cy="${cy + r * 3.2}" rx="${r * 2.3}" ry="${r * 2}" fill="hsl(${(seed * 13) % 360},35%,25%)"/>
    <ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${r * 1.25}" fill="#dcae8c"/>
    <ellipse cx="${cx}" cy="${cy - r * 0.95}" rx="${r * 1.05}" ry="${r * 0.5}" fill="#2a1d15"/>
    <circle cx="${cx - r * 0.38}" cy="${cy - r * 0.1}" r="${r * 0.1}" fill="#1a1a1a"/>
    <circle cx="${cx + r * 0.38}" cy="${cy - r * 0.1}" r="${r * 0.1}" fill="#1a1a1a"/>
    <rect x="${seed % 600}" y="${10 + Math.floor(seed / 600) * 25}" width="20" height="20" fill="#f0f0f0"/>
    <rect x="${cx - r * 0.35}" y="${cy + r * 0.5}" width="${r * 0.7}" height="${r * 0.12}" fill="#9a4a44"/></svg>`;
  // Grain from one small tile repeated: camera noise, so the encoders have real detail to keep.
  const upright = await sharp(Buffer.from(svg))
    .composite([{ input: await grainTile(), blend: 'soft-light', tile: true }])
    .png({ compressionLevel: 0 })
    .toBuffer();
  // Turn the upright picture so that the tag turns it back, and store the tag with it.
  const undo: Record<number, number> = { 1: 0, 3: 180, 6: -90, 8: 90 };
  return sharp(upright)
    .rotate(undo[orientation])
    .jpeg({ quality: 86 })
    .withMetadata({ orientation })
    .toBuffer();
}

/** Writes the source folder: N people, each with a portrait, one wall of everyone. */
async function writeSource(dir: string, people: number): Promise<void> {
  await mkdir(join(dir, 'portraits'), { recursive: true });
  await inPool(
    Array.from({ length: people }, (_, i) => i),
    async (i) => writeFile(join(dir, 'portraits', `p${i}.jpg`), await photo(i)),
  );
  const workers = Array.from({ length: people }, (_, i) => ({
    id: `p${i}`,
    name: { 'zh-CN': `劳模${i}`, en: `Worker ${i}` },
    honors: [
      {
        title: { 'zh-CN': '市劳动模范', en: 'Municipal Model Worker' },
        level: 'municipal',
        kind: 'model-worker',
        year: 1990 + (i % 35),
      },
    ],
    employer: { 'zh-CN': `示例厂${i % 40}` },
    portrait: `portraits/p${i}.jpg`,
  }));
  const content = {
    format: 'kiosk-content/1',
    hall: { name: { 'zh-CN': '基准测试' }, welcome: { 'zh-CN': '欢迎' } },
    workers,
    walls: [{ id: 'all', title: { 'zh-CN': '全部' }, select: {}, layout: 'grid' }],
    attract: { message: { 'zh-CN': '轻触屏幕' } },
  };
  await writeFile(join(dir, 'content.json'), JSON.stringify(content));
  await writeFile(
    join(dir, 'pack.json'),
    JSON.stringify({ pack: 'build-bench', published: '2026-01-01T00:00:00Z' }),
  );
}

async function timed(build: () => Promise<BuildResult>): Promise<[number, BuildResult]> {
  const t = performance.now();
  const r = await build();
  return [performance.now() - t, r];
}

const mediaLine = (r: BuildResult) =>
  `${r.media.made} made, ${r.media.reused} from cache, ${r.newObjects} new objects, ${(r.bytes / 1e6).toFixed(1)} MB`;

/** `npm run bench -- build [--people 500] [--keep]`, or `build --roster 25000` (roster-build.ts) */
export async function buildBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string', default: '500' },
      keep: { type: 'boolean' },
      roster: { type: 'string' },
    },
  });
  if (values.roster !== undefined) return rosterBuildBench(Number(values.roster), values.keep);
  const people = Number(values.people);
  const work = join(tmpdir(), 'kiosk-build-bench');
  await rm(work, { recursive: true, force: true });
  const source = join(work, 'source');
  const out = join(work, 'feed');
  try {
    let t = performance.now();
    await writeSource(source, people);
    console.log(
      `source: ${people} people with JPEG portraits (${SIZES.map(([w, h]) => `${w}×${h}`).join(', ')}; EXIF 1/3/6/8), written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const key = await readPrivateKey((await keygen(join(work, 'keys'))).key);
    const build = () => buildPack({ source, out, key });

    const [full, a] = await timed(build);
    console.log(`full build (empty cache): ${(full / 1000).toFixed(2)} s — ${mediaLine(a)}`);
    const [same, b] = await timed(build);
    console.log(
      `rebuild, nothing changed: ${(same / 1000).toFixed(2)} s — ${mediaLine(b)}${b.unchanged ? ', index left as it was' : ''}`,
    );
    t = performance.now();
    await writeFile(join(source, 'portraits', 'p7.jpg'), await photo(people + 7));
    const [inc, c] = await timed(build);
    console.log(`incremental (one photo changed): ${(inc / 1000).toFixed(2)} s — ${mediaLine(c)}`);
    const ratio = inc / full;
    console.log(
      `ratio incremental ÷ full: ${(ratio * 100).toFixed(1)} % (goal ≤ ${GOAL * 100} %) ${ratio <= GOAL ? 'OK' : 'OVER'}`,
    );
    console.log(
      `machine: ${availableParallelism()} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}
