/** Loads the live pack from storage: its pointer, manifest and validated content, offline. */
import type { Content } from '../content/schema';
import { ManifestSchema, parseJsonFile } from '../feed/format';
import { objectUrl } from '../feed/object-keys';
import { checkPackContent } from '../feed/pack-check';
import { readObject } from './object-store';
import type { PackPointer } from './pointers';

export interface LoadedPack {
  pointer: PackPointer;
  content: Content;
  /** Same-origin URL of a pack path (served by the service worker), or null if not in the pack. */
  urlFor(path: string | undefined): string | null;
}

/** Loads a pack from storage; throws when storage lost part of it or it no longer validates. */
export async function loadPack(pointer: PackPointer): Promise<LoadedPack> {
  const manifestBytes = await readObject(pointer.manifestSha);
  if (!manifestBytes)
    throw new Error(`the manifest of version ${pointer.version} is missing from storage`);
  const manifest = parseJsonFile(ManifestSchema, manifestBytes, 'manifest');
  const contentBytes = await readObject(pointer.contentSha);
  if (!contentBytes)
    throw new Error(`content.json of version ${pointer.version} is missing from storage`);
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
      return sha ? objectUrl(sha) : null;
    },
  };
}
