/** Checks an object as it streams past: cut at its declared size, hashed chunk by chunk, never held whole. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Why an object's bytes were refused. */
export class ObjectError extends Error {
  constructor(
    readonly code: 'truncated' | 'corrupt' | 'empty' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ObjectError';
  }
}

/**
 * A pass-through that lets exactly `size` bytes through and ends the stream only once their
 * SHA-256 equals `expected`; anything else errors the stream, so whatever consumes it (Cache
 * Storage's put) stores nothing. An over-long or endless body is cut at `size` and the rest
 * is never read. Memory is one chunk at a time whatever the object's size.
 */
export function verifyingStream(
  expected: string,
  size: number,
  what: string,
  onBytes: (n: number) => void = () => {},
): TransformStream<Uint8Array, Uint8Array> {
  const hash = sha256.create();
  let seen = 0;
  const check = (): ObjectError | null => {
    if (seen === 0)
      return new ObjectError('empty', `${what} is empty; the manifest declares ${size} bytes`);
    if (seen < size)
      return new ObjectError('truncated', `${what} ended after ${seen} of ${size} declared bytes`);
    if (bytesToHex(hash.digest()) !== expected)
      return new ObjectError(
        'corrupt',
        `${what} does not match its SHA-256 (corrupted or swapped)`,
      );
    return null;
  };
  return new TransformStream({
    transform(chunk, controller) {
      const take = Math.min(chunk.length, size - seen);
      const part = take === chunk.length ? chunk : chunk.subarray(0, take);
      hash.update(part);
      seen += take;
      onBytes(take);
      controller.enqueue(part);
      if (seen === size) {
        const problem = check();
        if (problem) controller.error(problem);
        // Declared size reached: end here, and the source is cancelled instead of read on.
        else controller.terminate();
      }
    },
    flush(controller) {
      // Only reached when the body ended before the declared size.
      controller.error(check() ?? new ObjectError('truncated', `${what} ended early`));
    },
  });
}

/**
 * Reads a small body (the index, its signature, a manifest) whole, refusing more than `max`
 * bytes so a captive portal streaming something huge cannot exhaust memory.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  max: number,
  what: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max)
        throw new ObjectError(
          'too-large',
          `${what} is larger than ${max} bytes; is this really the feed?`,
        );
      chunks.push(value);
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
