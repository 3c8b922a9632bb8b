/** Loads a pack for the screen: the live one from storage, or the embedded one shipped inside the app. */
import type { Content } from '../content/schema';
import { sha256Hex } from '../feed/crypto';
import { ManifestSchema, parseJsonFile, type Manifest } from '../feed/format';
import { objectUrl } from '../feed/object-keys';
import { checkPackContent } from '../content/pack-check';
import { httpSource } from './feed-source';
import { readObject } from '../storage/objects';
import type { PackPointer } from '../storage/pointers';
import { readSignedIndex, readSmall } from './read-index';
import { readManifest } from './read-manifest';

export interface LoadedPack {
  pointer: PackPointer;
  content: Content;
  /** True for the pack built into the app (shown until a feed pack is live). */
  embedded?: boolean;
  /** Same-origin URL of a pack path (served by the service worker), or null if not in the pack. */
  urlFor(path: string | undefined): string | null;
}

/** Loads a pack from storage; throws when storage lost part of it or it no longer validates. */
export async function loadPack(pointer: PackPointer): Promise<LoadedPack> {
  const manifestBytes = await readObject(pointer.manifestSha);
  if (!manifestBytes)
    throw new Error(`the manifest of version ${pointer.version} is missing from storage`);
  const contentBytes = await readObject(pointer.contentSha);
  if (!contentBytes)
    throw new Error(`content.json of version ${pointer.version} is missing from storage`);
  const manifest = parseJsonFile(ManifestSchema, manifestBytes, 'manifest');
  return assemble(pointer, manifest, contentBytes, objectUrl);
}

/** Where the app carries its built-in pack (a feed folder precached by the service worker). */
export const EMBEDDED_FEED = '/embedded/';

/**
 * The embedded pack, read through the same index and manifest checks as any feed. It counts as
 * version 0: it is never written to the pointers, so any verified feed pack simply replaces it.
 */
export async function loadEmbeddedPack(signal = AbortSignal.timeout(30_000)): Promise<LoadedPack> {
  const source = httpSource(EMBEDDED_FEED);
  const { index, indexSha } = await readSignedIndex(source, __EMBEDDED_PUBLIC_KEY__, signal);
  const { parsed: manifest } = await readManifest(source, index.manifest, index.version, signal);
  const content = manifest.files.find((f) => f.sha256 === manifest.content)!;
  const contentBytes = await readSmall(source, `objects/${content.sha256}`, content.size, signal);
  if (!contentBytes || (await sha256Hex(contentBytes)) !== content.sha256)
    throw new Error("the embedded pack's content.json is missing or damaged");
  const pointer: PackPointer = {
    pack: index.pack,
    version: 0,
    indexSha,
    manifestSha: index.manifest.sha256,
    contentSha: manifest.content,
    objects: [],
    expires: index.expires,
    published: index.published,
    activatedAt: '',
  };
  const pack = assemble(pointer, manifest, contentBytes, (sha) => `${EMBEDDED_FEED}objects/${sha}`);
  return { ...pack, embedded: true };
}

function assemble(
  pointer: PackPointer,
  manifest: Manifest,
  contentBytes: Uint8Array,
  urlOf: (sha: string) => string,
): LoadedPack {
  const { content, problems } = checkPackContent(contentBytes, manifest);
  if (!content)
    throw new Error(
      `content.json of version ${pointer.version} no longer validates: ${problems[0]}`,
    );
  const byPath = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  return {
    pointer,
    content,
    urlFor: (path) => {
      const sha = path ? byPath.get(path) : undefined;
      return sha ? urlOf(sha) : null;
    },
  };
}
