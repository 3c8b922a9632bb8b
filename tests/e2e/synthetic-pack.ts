/**
 * Source folders for transfer tests: the demo pack plus generated chapter images (real PNGs of
 * random pixels, sized to the byte) and optionally one large film (the demo's MP4 with a `free`
 * box of random bytes appended, so it still decodes), which the CLI builds like any staff pack.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import sharp from 'sharp';
import type { Content } from '../../src/content/schema';
import { DEMO_SOURCE } from './kiosk';

/** The demo film a large one is made from (faststart: its `moov` comes before `mdat`). */
const DEMO_FILM = 'videos/craft-1.mp4';
export const FILM_PATH = 'videos/bench-film.mp4';

export interface SyntheticOptions {
  /** The source folder to write (the demo is copied into it first). */
  out: string;
  pack: string;
  version: number;
  /** Byte size of each generated image, one entry per image (`images/gen/img-0001.png` …). */
  imageBytes: number[];
  /** Size of the large film; 0 leaves it out. */
  filmBytes?: number;
  /** Shown as the hall's welcome text, so a test can see which version is on screen. */
  welcome?: string;
}

export interface SyntheticSource {
  dir: string;
  /** Pack paths of the generated images, in order. */
  images: string[];
  film: string | null;
}

/** Path of the i-th generated image (0-based). */
export const imagePath = (i: number) => `images/gen/img-${String(i + 1).padStart(4, '0')}.png`;

/** Writes the source folder: demo media, generated images as chapters, the film, content and pack.json. */
export async function writeSyntheticSource(opts: SyntheticOptions): Promise<SyntheticSource> {
  await cp(DEMO_SOURCE, opts.out, {
    recursive: true,
    filter: (src) => !src.includes('/keys'),
  });
  const content = JSON.parse(await readFile(join(DEMO_SOURCE, 'content.json'), 'utf8')) as Content;
  const images = opts.imageBytes.map((_, i) => imagePath(i));
  await writeImages(opts.out, images, opts.imageBytes);
  // Each image becomes a chapter of one of the demo's people, round the roll.
  images.forEach((image, i) => {
    const worker = content.workers[i % content.workers.length]!;
    worker.chapters = [
      ...(worker.chapters ?? []),
      {
        year: 1990 + (i % 35),
        title: { 'zh-CN': `生成的章节 ${i + 1}`, en: `Generated chapter ${i + 1}` },
        text: { 'zh-CN': '用于传输测试的随机图像。', en: 'A random image for transfer tests.' },
        image,
      },
    ];
  });
  let film: string | null = null;
  if (opts.filmBytes) {
    await writePaddedFilm(join(opts.out, FILM_PATH), opts.filmBytes);
    film = FILM_PATH;
    const first = content.workers[0]!;
    first.videos = [
      ...(first.videos ?? []),
      { file: FILM_PATH, title: { 'zh-CN': '大文件测试影片', en: 'Large test film' } },
    ];
  }
  if (opts.welcome) content.hall.welcome = { 'zh-CN': opts.welcome, en: opts.welcome };
  await writeFile(join(opts.out, 'content.json'), JSON.stringify(content));
  await writeFile(
    join(opts.out, 'pack.json'),
    JSON.stringify({ pack: opts.pack, version: opts.version, validDays: 30 }),
  );
  return { dir: opts.out, images, film };
}

/** Sets the welcome text of a written source (content.json changes, nothing else). */
export async function setWelcome(dir: string, welcome: string): Promise<void> {
  const file = join(dir, 'content.json');
  const content = JSON.parse(await readFile(file, 'utf8')) as Content;
  content.hall.welcome = { 'zh-CN': welcome, en: welcome };
  await writeFile(file, JSON.stringify(content));
}

/** Writes new random pixels of about `bytes[i]` bytes to each of `paths` (a changed object each). */
export async function writeImages(dir: string, paths: string[], bytes: number[]): Promise<void> {
  await mkdir(join(dir, 'images/gen'), { recursive: true });
  for (let i = 0; i < paths.length; i++)
    await writeFile(join(dir, paths[i]!), await noisePng(bytes[i]!));
}

/**
 * A real PNG of random RGB pixels, stored without compression so its size is ~`bytes`
 * (each row is 1 + 3·width bytes; zlib's stored blocks add 5 bytes per 64 KiB).
 */
export async function noisePng(bytes: number): Promise<Uint8Array> {
  const side = Math.max(8, Math.floor(Math.sqrt(Math.max(0, bytes - 200) / 3)));
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0, adaptiveFiltering: false })
    .toBuffer();
}

/**
 * The demo film followed by one top-level `free` box of random bytes up to `bytes` in all: a
 * player reads the `moov` and `mdat` it needs and skips the rest, so the file still decodes.
 * Written in pieces, never held whole.
 */
async function writePaddedFilm(file: string, bytes: number): Promise<void> {
  const film = await readFile(join(DEMO_SOURCE, DEMO_FILM));
  const pad = bytes - film.length;
  if (pad < 8) throw new Error(`a film must be more than ${film.length + 8} bytes`);
  if (pad >= 2 ** 32) throw new Error('films of 4 GiB and more need a 64-bit box size');
  const out = createWriteStream(file);
  const write = async (chunk: Uint8Array) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(film);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(pad, 0);
  header.write('free', 4, 'latin1');
  await write(header);
  for (let left = pad - 8; left > 0; left -= 1 << 24)
    await write(randomBytes(Math.min(left, 1 << 24)));
  out.end();
  await once(out, 'finish');
}

/** A small seeded generator (mulberry32), so a benchmark's sizes and picks can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** `k` distinct indexes below `n`, drawn with `random`, in ascending order. */
export function pick(n: number, k: number, random: () => number): number[] {
  const all = [...Array(n).keys()];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, k).sort((a, b) => a - b);
}
