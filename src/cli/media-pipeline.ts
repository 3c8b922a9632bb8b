/** The build's media step: portraits made into the pack's own sizes (cached), pictures and films checked, with warnings and refusals for staff. */
import sharp from 'sharp';
import { referencedPaths, type Content } from '../content/schema';
import { DERIVED_PREFIX } from '../feed/faces';
import { inPool } from './face-atlas';
import { sha256, type MediaCache } from './media-cache';
import {
  PORTRAIT_SETTINGS,
  preparePortrait,
  tooSmallWarning,
  type PreparedPortrait,
} from './portraits';
import { CliProblems } from './problems';
import { quietProgress, type Progress } from './progress';
import type { SourceFile } from './source';
import { filmProblem } from './video-check';

/** Pictures (chapter, event, film poster) are shown across the screen; narrower ones are enlarged over 2 times. */
export const PICTURE_MIN_WIDTH = 960;
/** Where processed portraits go in a pack (under the CLI's reserved `derived/`). */
export const PORTRAIT_PREFIX = `${DERIVED_PREFIX}portraits/`;

export interface MediaOptions {
  /** Names a pack path in messages: the file in the source folder. */
  label: (path: string) => string;
  cache: MediaCache;
  progress?: Progress;
}

export interface MediaResult {
  /** The content with each processed portrait's path pointing at its new file (the same object when none was). */
  content: Content;
  /** The pack's files: processed portraits in, originals no longer named by the content out. */
  files: SourceFile[];
  warnings: string[];
  /** New pack path → the source file it was made from (for messages about derived files). */
  madeFrom: Map<string, string>;
  stats: { portraits: number; asIs: number; made: number; reused: number };
}

/** What a cache entry holds: a JSON header (all of PreparedPortrait but the bytes) and the bytes. */
function packEntry(p: PreparedPortrait): Uint8Array {
  const { bytes, ...head } = p;
  const json = new TextEncoder().encode(JSON.stringify(head));
  const out = new Uint8Array(4 + json.length + bytes.length);
  new DataView(out.buffer).setUint32(0, json.length);
  out.set(json, 4);
  out.set(bytes, 4 + json.length);
  return out;
}

function unpackEntry(entry: Uint8Array): PreparedPortrait | null {
  try {
    const n = new DataView(entry.buffer, entry.byteOffset).getUint32(0);
    const head = JSON.parse(new TextDecoder().decode(entry.subarray(4, 4 + n))) as PreparedPortrait;
    return { ...head, bytes: entry.subarray(4 + n) };
  } catch {
    return null; // a damaged entry is made again
  }
}

/**
 * Runs the media step over a read source. Portraits: see preparePortrait; each distinct photo is made once,
 * and a photo made by an earlier build with the same settings is taken from `cache`. Pictures: read to check
 * they are images, warned about when narrower than PICTURE_MIN_WIDTH, shipped as they are. Films: refused
 * unless their codec and size suit the kiosk (see video-check.ts). Throws CliProblems listing every refusal.
 */
export async function processMedia(
  content: Content,
  files: readonly SourceFile[],
  opts: MediaOptions,
): Promise<MediaResult> {
  const progress = opts.progress ?? quietProgress;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const problems: string[] = [];
  const warnings: string[] = [];

  const portraitPaths = [...new Set(content.workers.flatMap((w) => w.portrait ?? []))];
  const prepared = new Map<string, PreparedPortrait>();
  const stats = { portraits: portraitPaths.length, asIs: 0, made: 0, reused: 0 };
  progress.start('portraits', portraitPaths.length);
  await inPool(portraitPaths, async (path) => {
    const bytes = byPath.get(path)!.bytes;
    const sha = sha256(bytes);
    try {
      const cached = await opts.cache.get(sha, PORTRAIT_SETTINGS);
      let p = cached && unpackEntry(cached);
      if (p) stats.reused++;
      else {
        p = await preparePortrait(bytes);
        if (p.asIs) stats.asIs++;
        else {
          stats.made++;
          await opts.cache.put(sha, PORTRAIT_SETTINGS, packEntry(p));
        }
      }
      prepared.set(path, p);
      const small = tooSmallWarning(opts.label(path), p);
      if (small) warnings.push(small);
    } catch (e) {
      problems.push(
        `${opts.label(path)}: 肖像无法作为图片读取 / the portrait cannot be read as an image (${(e as Error).message})`,
      );
    }
    progress.tick();
  });
  progress.done();

  for (const path of pictures(content)) {
    const bytes = byPath.get(path)?.bytes;
    if (!bytes) continue;
    try {
      const meta = await sharp(bytes).metadata();
      const width = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
      if (width < PICTURE_MIN_WIDTH)
        warnings.push(
          `${opts.label(path)}: 图片只有 ${width} 像素宽，全屏显示会发虚；请用至少 ${PICTURE_MIN_WIDTH} 像素宽（最好 1920）的图片` +
            ` / the picture is only ${width} px wide and looks soft across the screen; use one at least ${PICTURE_MIN_WIDTH} px wide (best 1920)`,
        );
    } catch (e) {
      problems.push(
        `${opts.label(path)}: 无法作为图片读取 / cannot be read as an image (${(e as Error).message})`,
      );
    }
  }

  for (const path of new Set(content.workers.flatMap((w) => w.videos?.map((v) => v.file) ?? []))) {
    const file = byPath.get(path);
    const wrong = file && filmProblem(file.bytes, file.type);
    if (wrong) problems.push(`${opts.label(path)}: ${wrong}`);
  }
  if (problems.length) throw new CliProblems(problems.sort());

  // Point each processed portrait at its new file; a path is named by its source's hash, so it never collides.
  const renamed = new Map<string, SourceFile>();
  const madeFrom = new Map<string, string>();
  // In the content's order, not the order the pool finished in: the same source must give the same manifest.
  for (const path of portraitPaths) {
    const p = prepared.get(path)!;
    if (p.asIs) continue;
    const ext = p.type === 'image/avif' ? 'avif' : 'webp';
    const to = `${PORTRAIT_PREFIX}${sha256(byPath.get(path)!.bytes).slice(0, 20)}.${ext}`;
    renamed.set(path, { path: to, bytes: p.bytes, type: p.type });
    madeFrom.set(to, opts.label(path));
  }
  if (renamed.size === 0) return { content, files: [...files], warnings, madeFrom, stats };
  const next: Content = {
    ...content,
    workers: content.workers.map((w) =>
      w.portrait && renamed.has(w.portrait) ? { ...w, portrait: renamed.get(w.portrait)!.path } : w,
    ),
  };
  const named = new Set(referencedPaths(next));
  const made = [...new Map([...renamed.values()].map((f) => [f.path, f])).values()];
  return {
    content: next,
    files: [...files.filter((f) => named.has(f.path)), ...made],
    warnings,
    madeFrom,
    stats,
  };
}

/** Paths of the pictures that are not portraits: story chapters, timeline events and film posters. */
function pictures(content: Content): string[] {
  const out = new Set<string>();
  for (const w of content.workers) {
    w.chapters?.forEach((c) => c.image && out.add(c.image));
    w.videos?.forEach((v) => v.poster && out.add(v.poster));
  }
  for (const t of content.timelines)
    for (const era of t.eras) for (const ev of era.events) if (ev.image) out.add(ev.image);
  return [...out];
}
