/** Reads an HTTP `Range: bytes=…` header against a file's size (RFC 9110 §14), so films can seek. */

/** The first and last byte to send, both inclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The byte range `header` asks of a file of `size` bytes: a range to answer with 206,
 * `'unsatisfiable'` to answer 416, or null to ignore the header and send the whole file (no
 * header, another unit, a malformed value, or several ranges: RFC 9110 lets a server ignore those).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=\s*(\d*)-(\d*)\s*$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const [first, last] = [m[1]!, m[2]!];
  if (first === '') {
    // `bytes=-N`: the last N bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null; // invalid: ignored, not refused
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}
