/** A folder of processed media keyed by source hash + processing settings, so a rebuild redoes only what changed. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a source folder's cache lives unless told otherwise (`.cache/` is never read as pack content). */
export const cacheDirFor = (source: string) => join(source, '.cache', 'pack-media');

/** Counts of one build's lookups, for the CLI's summary line and the tests. */
export interface CacheStats {
  hits: number;
  misses: number;
}

export interface MediaCache {
  /** The stored entry for this source hash and settings, or null. */
  get(sourceSha: string, settings: string): Promise<Uint8Array | null>;
  /** Stores an entry; a cache that cannot be written (a read-only stick) is skipped, never an error. */
  put(sourceSha: string, settings: string, bytes: Uint8Array): Promise<void>;
  readonly stats: CacheStats;
}

/** The key of one entry: a file name from the source's hash and a hash of the settings that made it. */
export function cacheKey(sourceSha: string, settings: string): string {
  const s = createHash('sha256').update(settings).digest('hex').slice(0, 16);
  return `${sourceSha}-${s}`;
}

/**
 * A cache in `dir` (made on first write). Entries are written to a temporary name and renamed, so two builds
 * of one source at once (browser tests do that) never read half an entry. `null` gives a cache that keeps nothing.
 */
export function diskCache(dir: string | null): MediaCache {
  const stats: CacheStats = { hits: 0, misses: 0 };
  let writable = dir !== null;
  const file = (sha: string, settings: string) =>
    join(dir!, sha.slice(0, 2), cacheKey(sha, settings));
  return {
    stats,
    async get(sha, settings) {
      const bytes = dir ? await readFile(file(sha, settings)).catch(() => null) : null;
      if (bytes) stats.hits++;
      else stats.misses++;
      return bytes && new Uint8Array(bytes);
    },
    async put(sha, settings, bytes) {
      if (!writable) return;
      const target = file(sha, settings);
      const tmp = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      try {
        await mkdir(join(dir!, sha.slice(0, 2)), { recursive: true });
        await writeFile(tmp, bytes);
        await rename(tmp, target);
      } catch {
        writable = false;
      }
    },
  };
}

/** SHA-256 hex of bytes (Node's, synchronous: these are in memory already). */
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
