/** Stage 2 of a sync run: the manifest, an object like any other, checked by hash and against the index's version. */
import { sha256Hex } from '../feed/crypto';
import { ManifestSchema, parseJsonFile, type Manifest } from '../feed/format';
import { SourceError, type FeedSource } from './feed-source';
import { parseFeedJson, readSmall } from './read-index';
import { Rejection } from './rejection';

/** Largest manifest accepted (a 25,000-person pack's is about 5 MB). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** Reads and checks the manifest the signed index names; a missing or cut one is retried later. */
export async function readManifest(
  source: FeedSource,
  ref: { sha256: string; size: number },
  version: number,
  signal: AbortSignal,
  /** The manifest's bytes already kept from an earlier run (checked again here), if any. */
  stored: Uint8Array | null = null,
): Promise<{ parsed: Manifest; bytes: Uint8Array }> {
  const what = `objects/${ref.sha256} (manifest)`;
  if (ref.size > MAX_MANIFEST_BYTES)
    throw new Rejection(
      'too-large',
      `${what} declares ${ref.size} bytes, more than a manifest can be`,
    );
  const kept = stored && stored.length === ref.size && (await sha256Hex(stored)) === ref.sha256;
  const bytes = kept ? stored : await readSmall(source, `objects/${ref.sha256}`, ref.size, signal);
  if (!bytes) throw new SourceError('http', `${what} is not in the feed yet`, true);
  if (bytes.length !== ref.size || (await sha256Hex(bytes)) !== ref.sha256)
    throw new SourceError(
      'http',
      `${what} is cut or does not match its SHA-256 (still being copied?)`,
      true,
    );
  const parsed = parseFeedJson(() => parseJsonFile(ManifestSchema, bytes, what));
  if (parsed.version !== version)
    throw new Rejection(
      'mix-and-match',
      `the manifest is for version ${parsed.version} but the signed index is version ${version}`,
    );
  return { parsed, bytes };
}
