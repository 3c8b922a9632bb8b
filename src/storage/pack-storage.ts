/** Pack-level storage: persistence, space check, which objects are missing or damaged, garbage collection. */
import { sha256Hex } from '../feed/crypto';
import { deleteObject, deleteObjectsExcept, hasObject, listObjects, readObject } from './objects';
import { logStaff } from './staff-log';
import { readPointers } from './pointers';

/** Refuses to start a download that cannot fit, with room to spare (10 %). */
export async function ensureSpace(bytes: number): Promise<void> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota || estimate.usage === undefined) return;
  const free = estimate.quota - estimate.usage;
  if (free < bytes * 1.1)
    throw new Error(`not enough storage: the pack needs ${mb(bytes)} but only ${mb(free)} is free`);
}

/**
 * Asks the browser to keep the kiosk's storage under pressure (not evict it), and logs the answer
 * once per answer so staff know whether a full disk could cost them the content.
 */
export async function requestPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  const granted = await navigator.storage.persist().catch(() => false);
  await logStaff(
    granted ? 'info' : 'warn',
    granted ? 'storage-persistent' : 'storage-not-persistent',
    granted
      ? 'storage is persistent: the browser will not evict the content to free space'
      : 'the browser did not grant persistent storage: under disk pressure it may evict content, which the kiosk then fetches again',
  );
  return granted;
}

/** Keeps the objects of `active`, `previous` (rollback stays one tap) and `staging`; drops the rest. */
export async function collectGarbage(): Promise<void> {
  const { active, previous, staging } = await readPointers();
  const keep = new Set([
    ...(active?.objects ?? []),
    ...(previous?.objects ?? []),
    ...(staging?.objects ?? []),
  ]);
  if (active) await deleteObjectsExcept(keep);
}

/** Removes each small stored object whose bytes no longer match its hash (disk damage), so it is fetched again. */
export async function dropDamaged(shas: string[]): Promise<string[]> {
  const dropped: string[] = [];
  for (const sha of shas) {
    const bytes = await readObject(sha);
    if (bytes && (await sha256Hex(bytes)) !== sha) {
      await deleteObject(sha);
      dropped.push(sha);
    }
  }
  return dropped;
}

/** The hashes among `objects` that are not in storage (one listing, not a lookup each). */
export async function missingObjects(objects: string[]): Promise<string[]> {
  if (objects.length < 16) {
    const out: string[] = [];
    for (const sha of objects) if (!(await hasObject(sha))) out.push(sha);
    return out;
  }
  const stored = new Set(await listObjects());
  return objects.filter((sha) => !stored.has(sha));
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
