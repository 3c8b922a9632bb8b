/** Checks that need both the content and the manifest: every referenced file is in the pack. */
import type { Content } from '../content/schema';
import { referencedPaths } from '../content/schema';
import type { Manifest } from './format';

/** Problems as `content.json: <path> …` lines; empty when every reference resolves. */
export function missingReferences(content: Content, manifest: Manifest): string[] {
  const listed = new Set(manifest.files.map((f) => f.path));
  return referencedPaths(content)
    .filter((p) => !listed.has(p))
    .map((p) => `content.json: refers to "${p}", which the manifest does not list`);
}
