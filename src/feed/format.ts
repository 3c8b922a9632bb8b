/** The `kiosk-feed/1` index and `kiosk-pack/1` manifest: their shapes and every check the kiosk makes. */
import * as v from 'valibot';
import { isAllowedType } from './media-types';
import { isSafePackPath } from './paths';

export const FEED_FORMAT = 'kiosk-feed/1';
export const PACK_FORMAT = 'kiosk-pack/1';

/** Pack ids and content ids: lowercase letters, digits and "-", at most 64, starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const Sha256Schema = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
);
const SizeSchema = v.pipe(
  v.number(),
  v.integer('must be a whole number of bytes'),
  v.minValue(1, 'must be at least 1 byte'),
  v.maxValue(2 ** 31, 'must be at most 2 GiB'),
);
const IsoTimeSchema = v.pipe(
  v.string(),
  v.isoTimestamp('must be an ISO time like 2026-01-01T00:00:00Z'),
);
const VersionSchema = v.pipe(
  v.number(),
  v.integer('must be a whole number'),
  // 0 is the pack built into the app; feeds start at 1.
  v.minValue(0, 'must be 0 or more'),
  v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large'),
);

export const FeedIndexSchema = v.object({
  format: v.literal(FEED_FORMAT, `must be "${FEED_FORMAT}"`),
  pack: v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a lowercase pack id')),
  version: VersionSchema,
  published: IsoTimeSchema,
  expires: IsoTimeSchema,
  manifest: v.object({ sha256: Sha256Schema, size: SizeSchema }),
});
export type FeedIndex = v.InferOutput<typeof FeedIndexSchema>;

export const ManifestFileSchema = v.object({
  path: v.pipe(
    v.string(),
    v.check(isSafePackPath, 'must be a plain relative path inside the pack'),
  ),
  sha256: Sha256Schema,
  size: SizeSchema,
  type: v.pipe(v.string(), v.check(isAllowedType, 'is not an allowed media type')),
});
export type ManifestFile = v.InferOutput<typeof ManifestFileSchema>;

export const ManifestSchema = v.pipe(
  v.object({
    format: v.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`),
    version: VersionSchema,
    content: Sha256Schema,
    files: v.array(ManifestFileSchema),
  }),
  v.check((m) => new Set(m.files.map((f) => f.path)).size === m.files.length, 'lists a path twice'),
  v.check(
    (m) => m.files.some((f) => f.sha256 === m.content && f.type === 'application/json'),
    'content must be one of the listed files (content.json)',
  ),
);
export type Manifest = v.InferOutput<typeof ManifestSchema>;

/** A check that failed: the file it concerns, the field, and what was expected. */
export class FeedError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly expected: string,
    readonly code: string,
  ) {
    super(`${file}: ${field} ${expected}`);
    this.name = 'FeedError';
  }
}

/** JSON from bytes that must be UTF-8 (a stray Latin-1 byte is an error, not a replacement character). */
export function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/** Parses JSON bytes against a schema, or throws a FeedError naming the file and field. */
export function parseJsonFile<T extends v.GenericSchema>(
  schema: T,
  bytes: Uint8Array,
  file: string,
): v.InferOutput<T> {
  let data: unknown;
  try {
    data = decodeJson(bytes);
  } catch {
    throw new FeedError(file, '(file)', 'must be UTF-8 JSON', 'bad-json');
  }
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = result.issues[0]!;
    const field = v.getDotPath(issue) ?? '(top level)';
    throw new FeedError(file, field, issue.message, 'bad-field');
  }
  return result.output;
}

/** The decision on a verified index, given the highest version this kiosk has trusted. */
export function judgeIndexVersion(
  index: FeedIndex,
  highestTrusted: number,
  activeIndexSha: string | null,
  indexSha: string,
): 'newer' | 'same' | 'rollback' | 'replay-different' {
  if (index.version > highestTrusted) return 'newer';
  if (index.version < highestTrusted) return 'rollback';
  return activeIndexSha === null || activeIndexSha === indexSha ? 'same' : 'replay-different';
}

/** True when the index's `expires` is in the past at `now` (ms). Content still plays. */
export function isExpired(index: FeedIndex, now: number): boolean {
  return Date.parse(index.expires) <= now;
}
