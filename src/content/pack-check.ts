/** Checks of a pack's content.json against its manifest, shared by the kiosk and `pack verify`. */
import { parseContent, referencedPaths, type Content } from './schema';
import { decodeJson, type Manifest } from '../feed/format';

export type ContentCheck =
  { content: Content; problems: [] } | { content: null; problems: string[] };

/**
 * Parses content.json bytes (UTF-8 JSON), validates them against the schema and checks that every
 * file they refer to is listed in the manifest. Problems are `content.json: …` lines.
 */
export function checkPackContent(bytes: Uint8Array, manifest: Manifest): ContentCheck {
  let data: unknown;
  try {
    data = decodeJson(bytes);
  } catch {
    return { content: null, problems: ['content.json: is not valid UTF-8 JSON'] };
  }
  const parsed = parseContent(data);
  if (!parsed.ok)
    return {
      content: null,
      problems: parsed.problems.map((p) => `content.json: ${p.field} ${p.message}`),
    };
  const listed = new Set(manifest.files.map((f) => f.path));
  const missing = referencedPaths(parsed.content)
    .filter((p) => !listed.has(p))
    .map((p) => `content.json: refers to "${p}", which the manifest does not list`);
  return missing.length
    ? { content: null, problems: missing }
    : { content: parsed.content, problems: [] };
}
