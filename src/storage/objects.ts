/** Pack objects in Cache Storage, keyed `/objects/<sha256>`, which the service worker serves. */
import { OBJECT_CACHE, objectUrl } from '../feed/object-keys';

async function open(): Promise<Cache> {
  return caches.open(OBJECT_CACHE);
}

/** True when the object is stored (it was verified before it was stored). */
export async function hasObject(sha256: string): Promise<boolean> {
  return (await (await open()).match(objectUrl(sha256))) !== undefined;
}

/** Stores small verified bytes (a manifest) as a full 200 response. */
export async function putObject(sha256: string, bytes: Uint8Array, type: string): Promise<void> {
  await putObjectStream(
    sha256,
    new Blob([bytes as Uint8Array<ArrayBuffer>]).stream(),
    bytes.length,
    type,
  );
}

/**
 * Stores an object from a stream without holding it in memory. Cache Storage commits an entry
 * only once its body has been read to the end without error, so a body that errors (a verifying
 * stream that found a wrong hash, a cut connection, a kill) leaves nothing under the key.
 * The full 200 is stored; the worker slices Range requests from it.
 */
export async function putObjectStream(
  sha256: string,
  body: ReadableStream<Uint8Array>,
  size: number,
  type: string,
): Promise<void> {
  const response = new Response(body as ReadableStream<Uint8Array<ArrayBuffer>>, {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Length': String(size),
      'X-Content-Type-Options': 'nosniff',
    },
  });
  await (await open()).put(objectUrl(sha256), response);
}

/** The stored bytes, or null when absent. */
export async function readObject(sha256: string): Promise<Uint8Array | null> {
  const response = await (await open()).match(objectUrl(sha256));
  return response ? new Uint8Array(await response.arrayBuffer()) : null;
}

/** Every stored object hash. */
export async function listObjects(): Promise<string[]> {
  const keys = await (await open()).keys();
  return keys.map((r) => new URL(r.url).pathname.split('/').pop()!).filter(Boolean);
}

/** Removes one object (true when it was there). */
export async function deleteObject(sha256: string): Promise<boolean> {
  return (await open()).delete(objectUrl(sha256));
}

/** Removes objects not in `keep`; returns how many were removed. */
export async function deleteObjectsExcept(keep: Set<string>): Promise<number> {
  const cache = await open();
  let removed = 0;
  for (const sha of await listObjects()) {
    if (!keep.has(sha) && (await cache.delete(objectUrl(sha)))) removed++;
  }
  return removed;
}
