/** Fetches one object by hash with its length capped at the declared size, then checks its SHA-256. */
import { sha256Hex } from '../feed/crypto';

/** Why an object was refused; `transient` failures are retried later, the rest reject the pack. */
export class ObjectError extends Error {
  constructor(
    readonly code: 'network' | 'http' | 'truncated' | 'corrupt' | 'empty' | 'too-large',
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'ObjectError';
  }
}

/**
 * Reads at most `size` bytes into one buffer (an endless or over-long body is cut there, so memory
 * stays bounded by the declared size), then verifies the hash. `onBytes` reports progress.
 */
export async function fetchVerified(
  url: string,
  sha256: string,
  size: number,
  signal: AbortSignal,
  onBytes: (n: number) => void = () => {},
  fetchImpl: typeof fetch = fetch,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new ObjectError('network', `network error fetching ${url}`, true);
  }
  if (!response.ok || !response.body) {
    const transient = response.status >= 500 || response.status === 429 || response.status === 408;
    throw new ObjectError(
      'http',
      `${url} answered HTTP ${response.status}`,
      transient || response.status === 404,
    );
  }
  const buffer = new Uint8Array(size);
  let filled = 0;
  const reader = response.body.getReader();
  try {
    while (filled < size) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, size - filled);
      buffer.set(value.subarray(0, take), filled);
      filled += take;
      onBytes(take);
    }
  } catch (e) {
    if (signal.aborted) throw e;
    throw new ObjectError(
      'network',
      `connection lost after ${filled} of ${size} bytes of ${url}`,
      true,
    );
  } finally {
    // Stop reading whatever is left (an over-long or endless body) without buffering it.
    reader.cancel().catch(() => {});
  }
  if (filled === 0)
    throw new ObjectError('empty', `${url} is empty; the manifest declares ${size} bytes`, false);
  if (filled < size)
    throw new ObjectError(
      'truncated',
      `${url} ended after ${filled} of ${size} declared bytes`,
      false,
    );
  const actual = await sha256Hex(buffer);
  if (actual !== sha256)
    throw new ObjectError(
      'corrupt',
      `${url} does not match its SHA-256 (corrupted or swapped)`,
      false,
    );
  return buffer;
}

/**
 * Reads a small unsigned-yet body (the index and its signature) with a hard cap, so a captive
 * portal or a misconfigured server streaming something huge cannot exhaust memory.
 */
export async function readSmallBody(
  response: Response,
  max: number,
  what: string,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max)
        throw new ObjectError(
          'too-large',
          `${what} is larger than ${max} bytes; is this really the feed?`,
          false,
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
