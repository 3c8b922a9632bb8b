/** Finds a file strictly inside a folder (after following symlinks) and sends it with Range and ETag support. */
import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { COMMON_HEADERS } from './http-policy';
import { parseRange } from './range';

/** A regular file found inside a root, by its real path. */
export interface FoundFile {
  path: string;
  stats: Stats;
}

/** True when `path` is `root` or lies below it (both absolute, normalised). */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/**
 * The regular file at `urlPath` (decoded, `/`-separated) under `root`, or null. The root and the
 * file are both resolved to their real paths, so neither `..` nor a symlink pointing elsewhere
 * reaches a file outside the folder. The root is resolved per request: a feed published by
 * swapping a symlink to a new folder is followed.
 */
export async function findInside(root: string, urlPath: string): Promise<FoundFile | null> {
  if (urlPath.includes('\0')) return null;
  try {
    const realRoot = await realpath(root);
    const candidate = resolve(realRoot, '.' + (urlPath.startsWith('/') ? urlPath : '/' + urlPath));
    if (!inside(realRoot, candidate)) return null;
    const real = await realpath(candidate);
    if (!inside(realRoot, real)) return null;
    const stats = await stat(real);
    return stats.isFile() ? { path: real, stats } : null;
  } catch {
    return null; // missing, unreadable, or a dangling link: all simply not here
  }
}

/** A strong validator from size and modification time, as nginx makes its own. */
export function etagOf(stats: Stats): string {
  return `"${Math.floor(stats.mtimeMs).toString(16)}-${stats.size.toString(16)}"`;
}

function matchesAny(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * Answers a GET or HEAD for `file` with `headers` added: 304 when the client's copy is current,
 * 206 for a satisfiable single Range (unless `If-Range` names another version), 416 for one past
 * the end, else 200 with the whole file.
 */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: FoundFile,
  headers: Record<string, string>,
): void {
  const { size } = file.stats;
  const etag = etagOf(file.stats);
  const base = {
    ...COMMON_HEADERS,
    ...headers,
    ETag: etag,
    'Last-Modified': file.stats.mtime.toUTCString(),
    'Accept-Ranges': 'bytes',
  };
  if (matchesAny(req.headers['if-none-match'], etag)) {
    res.writeHead(304, base).end();
    return;
  }
  const ifRange = req.headers['if-range'];
  const range =
    ifRange && ifRange !== etag && ifRange !== base['Last-Modified']
      ? null
      : parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...COMMON_HEADERS, 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  const [status, start, end] = range ? [206, range.start, range.end] : [200, 0, size - 1];
  res.writeHead(status, {
    ...base,
    'Content-Length': String(end - start + 1),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  createReadStream(file.path, { start, end })
    .on('error', () => res.destroy()) // removed or cut between stat and read: drop the answer
    .pipe(res);
}
