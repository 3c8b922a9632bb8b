/** `pack build`: turns a checked source folder into a signed, content-addressed feed folder. */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex, toBase64 } from '../feed/crypto';
import { FEED_FORMAT, PACK_FORMAT, type FeedIndex, type Manifest } from '../feed/format';
import { readSource } from './source';
import { sign } from './keys';
import { buildFaceAtlas, derivedProblems } from './face-atlas';
import { chooseFont } from './font-choice';
import { makePackFont, type PackFontSummary } from './font-subset';
import { cacheDirFor, diskCache } from './media-cache';
import { processMedia, type MediaResult } from './media-pipeline';
import { CliProblems } from './problems';
import type { Progress } from './progress';

export interface BuildOptions {
  source: string;
  out: string;
  key: CryptoKey;
  version?: number;
  now?: Date;
  /** Folder of processed media kept between builds; default SOURCE/.cache/pack-media; false keeps none. */
  cache?: string | false;
  /** Shown while portraits and faces are made (the CLI draws a bar on a terminal); quiet by default. */
  progress?: Progress;
}

export interface BuildResult {
  index: FeedIndex;
  files: number;
  bytes: number;
  newObjects: number;
  bumpedFrom?: number;
  /** True when the feed already held this exact pack and its index was left untouched. */
  unchanged?: boolean;
  /** The face atlas made for the walls: faces placed, pages and their bytes (faces.json included). */
  atlas: { faces: number; pages: number; bytes: number };
  /** Likely mistakes in the source, one line each, for staff to read (the build went ahead). */
  warnings: string[];
  /** Portraits: how many, shipped as they were, made now, and taken from the cache of an earlier build. */
  media: MediaResult['stats'];
  /** The pack's font subset: family, characters, bytes per weight, whether it came from the cache. */
  font: PackFontSummary;
}

/** Builds the feed; objects already in `out` are kept, so a rebuild writes only what changed. */
export async function buildPack(opts: BuildOptions): Promise<BuildResult> {
  const src = await readSource(opts.source);
  const reserved = await derivedProblems(opts.source, src.content);
  if (reserved.length) throw new CliProblems(reserved);
  // Before the long media steps: a missing font fails the build at once.
  const fontChoice = await chooseFont(opts.source);
  const cache = diskCache(opts.cache === false ? null : (opts.cache ?? cacheDirFor(opts.source)));
  const label = (p: string) => join(opts.source, p);
  const media = await processMedia(src.content, src.files, {
    label,
    cache,
    progress: opts.progress,
  });
  // A processed portrait has a new path, so the pack's content.json names it (the source's own is not touched).
  const contentBytes =
    media.content === src.content
      ? src.contentBytes
      : new TextEncoder().encode(JSON.stringify(media.content));
  const atlas = await buildFaceAtlas(
    media.content,
    media.files,
    (p) => media.madeFrom.get(p) ?? label(p),
    { cache, progress: opts.progress },
  );
  const captions = media.files.filter((f) => f.type === 'text/vtt');
  const font = await makePackFont(fontChoice, media.content, captions, {
    cache,
    progress: opts.progress,
  });
  const warnings = [...src.warnings, ...media.warnings, ...font.warnings];
  const atlasSummary = {
    faces: atlas.faces,
    pages: atlas.pages,
    bytes: atlas.files.reduce((sum, f) => sum + f.bytes.length, 0),
  };
  const objectsDir = join(opts.out, 'objects');
  await mkdir(objectsDir, { recursive: true });

  const contentSha = await sha256Hex(contentBytes);
  const entries = [
    { path: 'content.json', bytes: contentBytes, type: 'application/json' },
    ...media.files,
    ...atlas.files,
    ...font.files,
  ];
  let newObjects = 0;
  let bytes = 0;
  const files: Manifest['files'] = [];
  for (const f of entries) {
    const sha = f.path === 'content.json' ? contentSha : await sha256Hex(f.bytes);
    if (await writeObject(objectsDir, sha, f.bytes)) newObjects++;
    bytes += f.bytes.length;
    files.push({ path: f.path, sha256: sha, size: f.bytes.length, type: f.type });
  }

  // Kiosks refuse a version they already trust, so a changed pack must go out under a higher one;
  // an identical rebuild keeps its version (and, with a fixed publish time, its exact bytes).
  const previous = await readExistingIndex(opts.out);
  const wanted = opts.version ?? src.info.version ?? 1;
  let version = wanted;
  let manifest = await encodeManifest(version, contentSha, files);
  if (previous && version <= previous.version) {
    // Same files as the feed's current pack? Then keep its version rather than bump it.
    const asPrevious = await encodeManifest(previous.version, contentSha, files);
    version = asPrevious.sha === previous.manifestSha ? previous.version : previous.version + 1;
    manifest = await encodeManifest(version, contentSha, files);
  }
  const { bytes: manifestBytes, sha: manifestSha } = manifest;
  if (await writeObject(objectsDir, manifestSha, manifestBytes)) newObjects++;
  const bumpedFrom = version === wanted ? undefined : wanted;
  if (previous && version === previous.version && manifestSha === previous.manifestSha) {
    // Nothing changed: keep the published index byte for byte, so kiosks see "up to date".
    return {
      index: previous.index,
      files: files.length,
      bytes,
      newObjects,
      unchanged: true,
      atlas: atlasSummary,
      warnings,
      media: media.stats,
      font: font.summary,
    };
  }

  const now = opts.now ?? (src.info.published ? new Date(src.info.published) : new Date());
  const index: FeedIndex = {
    format: FEED_FORMAT,
    pack: src.info.pack,
    version,
    published: now.toISOString(),
    expires: new Date(now.getTime() + src.info.validDays * 86_400_000).toISOString(),
    manifest: { sha256: manifestSha, size: manifestBytes.length },
  };
  const indexBytes = new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`);
  const signature = toBase64(await sign(opts.key, indexBytes));
  // Signature first, index last: a kiosk reading mid-publish sees a mismatch and retries later.
  await atomicWrite(join(opts.out, 'index.json.sig'), `${signature}\n`);
  await atomicWrite(join(opts.out, 'index.json'), indexBytes);
  return {
    index,
    files: files.length,
    bytes,
    newObjects,
    bumpedFrom,
    atlas: atlasSummary,
    warnings,
    media: media.stats,
    font: font.summary,
  };
}

async function writeObject(dir: string, sha: string, bytes: Uint8Array): Promise<boolean> {
  const file = join(dir, sha);
  const existing = await stat(file).catch(() => null);
  // An object already there is kept only if its bytes really are these (a damaged copy is replaced).
  if (existing?.size === bytes.length && (await sha256Hex(await readFile(file))) === sha)
    return false;
  await atomicWrite(file, bytes);
  return true;
}

async function atomicWrite(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

async function encodeManifest(version: number, content: string, files: Manifest['files']) {
  const manifest: Manifest = { format: PACK_FORMAT, version, content, files };
  const bytes = new TextEncoder().encode(JSON.stringify(manifest, null, 1));
  return { bytes, sha: await sha256Hex(bytes) };
}

async function readExistingIndex(
  out: string,
): Promise<{ version: number; manifestSha: string; index: FeedIndex } | null> {
  try {
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as FeedIndex;
    return typeof index.version === 'number' && index.manifest
      ? { version: index.version, manifestSha: index.manifest.sha256, index }
      : null;
  } catch {
    return null;
  }
}
