/** Storage steps of a sync run: space check, storing objects, checking a stored pack, garbage collection. */
import type { Manifest } from '../feed/format';
import { checkPackContent } from '../feed/pack-check';
import { Rejection } from './feed-fetch';
import { deleteObjectsExcept, hasObject, putObject, readObject } from './object-store';
import { readPointers } from './pointers';

export async function ensureSpace(bytes: number): Promise<void> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota || estimate.usage === undefined) return;
  const free = estimate.quota - estimate.usage;
  if (free < bytes * 1.1)
    throw new Error(`not enough storage: the pack needs ${mb(bytes)} but only ${mb(free)} is free`);
}

export async function storeObject(sha: string, bytes: Uint8Array, type: string): Promise<void> {
  try {
    await putObject(sha, bytes, type);
  } catch (e) {
    if ((e as DOMException).name === 'QuotaExceededError')
      throw new Error('storage is full; download aborted, what is live stays live', { cause: e });
    throw e;
  }
}

/** Everything the pack needs is in storage and its content passes the schema. */
export async function checkStoredPack(manifest: Manifest): Promise<void> {
  for (const f of manifest.files)
    if (!(await hasObject(f.sha256)))
      throw new Error(`${f.path} vanished from storage before activation`);
  const bytes = await readObject(manifest.content);
  if (!bytes) throw new Error('content.json vanished from storage before activation');
  const { problems } = checkPackContent(bytes, manifest);
  if (problems.length) throw new Rejection('content-invalid', problems.slice(0, 5).join('; '));
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

/** The hashes among `objects` that are not in storage. */
export async function missingObjects(objects: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const sha of objects) if (!(await hasObject(sha))) out.push(sha);
  return out;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
