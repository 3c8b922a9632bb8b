/** Packs every portrait of a pack into the face atlas (`derived/faces-<k>.webp` + `derived/faces.json`) at build time, with sharp. */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Content, Wall, Worker } from '../content/schema';
import { referencedPaths } from '../content/schema';
import { workersOnWall } from '../content/selectors';
import {
  DERIVED_PREFIX,
  FACE_CELL,
  FACE_GUTTER,
  FACE_PAGE_MAX,
  FACE_PITCH,
  FACES_FORMAT,
  FACES_PATH,
  type FacesIndex,
} from '../feed/faces';
import type { MediaCache } from './media-cache';
import { CliProblems } from './problems';
import { quietProgress, type Progress } from './progress';
import type { SourceFile } from './source';

/** WebP quality of atlas pages: faces 64 px wide show no visible loss at 82 and a full page stays well under 1 MB. */
export const FACE_QUALITY = 82;
const PER_ROW = Math.floor(FACE_PAGE_MAX / FACE_PITCH);
/** Faces one full page holds. */
export const FACES_PER_PAGE = PER_ROW * PER_ROW;
const CHANNELS = 3;
/** What a transparent portrait is laid on: the warm paper of the wall's cards. */
const BACKDROP = { r: 236, g: 229, b: 214 };
/** Changes whenever renderFace would draw the same bytes differently (part of the cell cache's key). */
const CELL_SETTINGS = `face-cell/1 ${FACE_CELL}+${FACE_GUTTER} ${BACKDROP.r},${BACKDROP.g},${BACKDROP.b} sharp${sharp.versions.sharp ?? ''}`;

/** A wall that selects everyone: its order is the order a real wall keeps, so a wall's neighbours share pages. */
const EVERYONE: Wall = { id: 'everyone', title: { 'zh-CN': '全部' }, select: {}, layout: 'grid' };

export interface FaceAtlas {
  /** The atlas files to list in the manifest (none when no one has a portrait). */
  files: SourceFile[];
  faces: number;
  pages: number;
  /** Distinct portrait images decoded (identical bytes are decoded once). */
  decoded: number;
}

/** Where the n-th face goes: page, and the top-left pixel of its 64×64 cell (not of its gutter). */
export function cellPlace(n: number): [page: number, x: number, y: number] {
  const page = Math.floor(n / FACES_PER_PAGE);
  const k = n % FACES_PER_PAGE;
  return [
    page,
    (k % PER_ROW) * FACE_PITCH + FACE_GUTTER,
    Math.floor(k / PER_ROW) * FACE_PITCH + FACE_GUTTER,
  ];
}

/** Size of a page holding `count` faces: full width once a row is full, only as tall as its rows. */
export function pageSize(count: number): { width: number; height: number } {
  return {
    width: Math.min(count, PER_ROW) * FACE_PITCH,
    height: Math.ceil(count / PER_ROW) * FACE_PITCH,
  };
}

/** Workers who get a face cell, in atlas order: on walls (not withdrawn), with a portrait, in wall order. */
export function atlasOrder(content: Content): Worker[] {
  return workersOnWall(content, EVERYONE).filter((w) => w.portrait !== undefined);
}

/**
 * Builds the face atlas for `content` from the source's files (which must include every portrait).
 * `label(path)` names a file in problem lines (the source folder's path of it). Deterministic: the same
 * content and bytes give the same atlas bytes, so an unchanged rebuild stays unchanged.
 */
export async function buildFaceAtlas(
  content: Content,
  files: readonly SourceFile[],
  label: (path: string) => string = (p) => p,
  opts: { cache?: MediaCache; progress?: Progress } = {},
): Promise<FaceAtlas> {
  const progress = opts.progress ?? quietProgress;
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const people = atlasOrder(content);
  if (people.length === 0) return { files: [], faces: 0, pages: 0, decoded: 0 };

  // One decode per distinct image: generated and real packs alike reuse the same photo under several names.
  const hashOf = new Map<string, string>();
  const firstPathOf = new Map<string, string>();
  for (const w of people) {
    const path = w.portrait!;
    if (hashOf.has(path)) continue;
    const bytes = byPath.get(path);
    if (!bytes) throw new CliProblems([`${label(path)}: is not among the source files read`]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    hashOf.set(path, sha);
    if (!firstPathOf.has(sha)) firstPathOf.set(sha, path);
  }
  const problems: string[] = [];
  const cells = new Map<string, Buffer>();
  progress.start('face atlas', firstPathOf.size);
  await inPool([...firstPathOf], async ([sha, path]) => {
    try {
      // A cell drawn by an earlier build from the same bytes is taken as it is (a rebuild redraws only new faces).
      const kept = await opts.cache?.get(sha, CELL_SETTINGS);
      if (kept?.length === FACE_PITCH * FACE_PITCH * CHANNELS) cells.set(sha, Buffer.from(kept));
      else {
        const cell = await renderFace(byPath.get(path)!);
        cells.set(sha, cell);
        await opts.cache?.put(sha, CELL_SETTINGS, cell);
      }
    } catch (e) {
      problems.push(
        `${label(path)}: cannot be read as an image for the face atlas (${(e as Error).message})`,
      );
    }
    progress.tick();
  });
  progress.done();
  if (problems.length) throw new CliProblems(problems.sort());

  const index: FacesIndex = { format: FACES_FORMAT, cell: FACE_CELL, pages: [], faces: {} };
  people.forEach((w, n) => {
    index.faces[w.id] = cellPlace(n);
  });
  const pageCount = Math.ceil(people.length / FACES_PER_PAGE);
  for (let p = 0; p < pageCount; p++)
    index.pages.push({
      path: `${DERIVED_PREFIX}faces-${p}.webp`,
      ...pageSize(Math.min(FACES_PER_PAGE, people.length - p * FACES_PER_PAGE)),
    });

  // Page by page, so only a few raw pages (12 MB each) are in memory however long the roster.
  const encoded: Uint8Array[] = new Array<Uint8Array>(pageCount);
  await inPool(index.pages, async ({ width, height }, p) => {
    const raw = Buffer.alloc(width * height * CHANNELS);
    for (const w of people.slice(p * FACES_PER_PAGE, (p + 1) * FACES_PER_PAGE)) {
      const [, x, y] = index.faces[w.id]!;
      blit(cells.get(hashOf.get(w.portrait!)!)!, raw, width, x, y);
    }
    const webp = sharp(raw, { raw: { width, height, channels: CHANNELS } });
    encoded[p] = new Uint8Array(await webp.webp({ quality: FACE_QUALITY }).toBuffer());
  });
  const out: SourceFile[] = [
    {
      path: FACES_PATH,
      bytes: new TextEncoder().encode(JSON.stringify(index)),
      type: 'application/json',
    },
    ...index.pages.map((pg, p) => ({ path: pg.path, bytes: encoded[p]!, type: 'image/webp' })),
  ];
  return { files: out, faces: people.length, pages: pageCount, decoded: cells.size };
}

/**
 * One face with its gutter, as raw RGB (FACE_PITCH² × 3 bytes): turned upright by its EXIF orientation,
 * cropped square around what draws the eye (a face, usually), shrunk to FACE_CELL, edges copied outwards.
 */
async function renderFace(bytes: Uint8Array): Promise<Buffer> {
  const { data, info } = await sharp(bytes)
    .autoOrient()
    .resize(FACE_CELL, FACE_CELL, { fit: 'cover', position: 'attention' })
    .flatten({ background: BACKDROP })
    .extend({
      top: FACE_GUTTER,
      left: FACE_GUTTER,
      bottom: FACE_GUTTER,
      right: FACE_GUTTER,
      extendWith: 'copy',
    })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== FACE_PITCH || info.height !== FACE_PITCH || info.channels !== CHANNELS)
    throw new Error(`decoded to ${info.width}×${info.height}×${info.channels}, not RGB`);
  return data;
}

/** Copies one padded cell into a page so that the face's top-left lands at (x, y). */
function blit(cell: Buffer, page: Buffer, pageWidth: number, x: number, y: number): void {
  const row = FACE_PITCH * CHANNELS;
  for (let r = 0; r < FACE_PITCH; r++) {
    const at = ((y - FACE_GUTTER + r) * pageWidth + (x - FACE_GUTTER)) * CHANNELS;
    cell.copy(page, at, r * row, (r + 1) * row);
  }
}

/** Runs `work` over `items` a few at a time: sharp works on libuv's threads, and a roster of thousands must not queue all at once. */
export async function inPool<T>(items: readonly T[], work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  const lanes = Math.max(1, Math.min(4, availableParallelism(), items.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

/**
 * Problem lines for source files under `derived/`, which only the CLI writes: any named in content,
 * and any file in the source folder's own `derived/` folder.
 */
export async function derivedProblems(sourceDir: string, content: Content): Promise<string[]> {
  const reserved = `${DERIVED_PREFIX} is reserved for files the pack CLI makes; move or rename it`;
  const problems = referencedPaths(content)
    .filter((p) => p.startsWith(DERIVED_PREFIX))
    .map((p) => `${join(sourceDir, p)}: ${reserved}`);
  const dir = join(sourceDir, DERIVED_PREFIX);
  const own = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of own)
    if (!entry.isDirectory()) {
      const file = join(entry.parentPath, entry.name);
      if (!problems.some((line) => line.startsWith(`${file}:`)))
        problems.push(`${file}: ${reserved}`);
    }
  return problems.sort();
}
