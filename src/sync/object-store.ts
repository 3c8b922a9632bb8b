/** Pack objects in Cache Storage, keyed `/objects/<sha256>`, which the service worker serves. */
import { OBJECT_CACHE, objectUrl } from '../feed/object-keys';

async function open(): Promise<Cache> {
  return caches.open(OBJECT_CACHE);
}

/** True when the object is stored (it was verified before it was stored). */
export async function hasObject(sha256: string): Promise<boolean> {
  return (await (await open()).match(objectUrl(sha256))) !== undefined;
}

/** Stores verified bytes as a full 200 response; the worker slices Range requests from it. */
export async function putObject(sha256: string, bytes: Uint8Array, type: string): Promise<void> {
  const response = new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Length': String(bytes.length),
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

/** Removes objects not in `keep`; returns how many were removed. */
export async function deleteObjectsExcept(keep: Set<string>): Promise<number> {
  const cache = await open();
  let removed = 0;
  for (const sha of await listObjects()) {
    if (!keep.has(sha) && (await cache.delete(objectUrl(sha)))) removed++;
  }
  return removed;
}
