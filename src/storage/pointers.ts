/** IndexedDB pointers that say which pack is live; activation is one strict-durability write. */
import { createStore, del, get, set } from 'idb-keyval';

const DB = 'kiosk-state';
const STORE = 'kv';

/** idb-keyval store for state that may be written with Chrome's default relaxed durability. */
export const stateStore = createStore(DB, STORE);

/** What the kiosk needs to find a pack again after a restart. */
export interface PackPointer {
  pack: string;
  version: number;
  indexSha: string;
  manifestSha: string;
  contentSha: string;
  /** Every object hash of the pack (manifest and content included), for garbage collection. */
  objects: string[];
  expires: string;
  /** When the pack was published (from the signed index); absent in pointers written before it was kept. */
  published?: string;
  activatedAt: string;
}

export interface Pointers {
  active: PackPointer | null;
  previous: PackPointer | null;
  /** A pack being downloaded or waiting to go live; garbage collection keeps its objects. */
  staging: PackPointer | null;
  /** Highest version ever made live; lower or equal versions are refused (no rollback or replay). */
  highestVersion: number;
  /** Index hashes of packs rolled back (by quarantine or staff): never activated again. */
  withdrawn: string[];
}

/** Reads the pointers (defaults when the database is new). */
export async function readPointers(): Promise<Pointers> {
  const [active, previous, staging, highestVersion, withdrawn] = await Promise.all([
    get<PackPointer>('active', stateStore),
    get<PackPointer>('previous', stateStore),
    get<PackPointer>('staging', stateStore),
    get<number>('highestVersion', stateStore),
    get<string[]>('withdrawn', stateStore),
  ]);
  return {
    active: active ?? null,
    previous: previous ?? null,
    staging: staging ?? null,
    highestVersion: highestVersion ?? 0,
    withdrawn: withdrawn ?? [],
  };
}

/** Records (or clears) the pack being staged, so garbage collection leaves its objects alone. */
export async function setStaging(pointer: PackPointer | null): Promise<void> {
  if (pointer) await set('staging', pointer, stateStore);
  else await del('staging', stateStore);
}

/** Thrown when a newer pack went live meanwhile (another tab, or an import): nothing was written. */
export class StaleActivation extends Error {
  constructor(version: number, highest: number) {
    super(
      `version ${version} is no longer newer than version ${highest}, which went live meanwhile`,
    );
    this.name = 'StaleActivation';
  }
}

/**
 * Makes `next` live: `previous` ← old active, `active` ← next, `highestVersion` ← next.version,
 * in one transaction committed with strict durability (idb-keyval cannot ask for it), so a power
 * cut leaves either the old pack or the new one, never a mix. The version is checked again inside
 * the transaction, so a slower run can never move the kiosk back to an older pack. Re-activating
 * the live pack itself (a repair of missing objects) is allowed.
 */
export async function activatePointer(next: PackPointer): Promise<void> {
  const db = await openRaw();
  let stale: StaleActivation | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(STORE);
      const readActive = store.get('active');
      const readHighest = store.get('highestVersion');
      readHighest.onsuccess = () => {
        const current = readActive.result as PackPointer | undefined;
        const highest = (readHighest.result as number | undefined) ?? 0;
        const repair = current?.indexSha === next.indexSha;
        if (!repair && next.version <= highest) {
          stale = new StaleActivation(next.version, highest);
          tx.abort();
          return;
        }
        if (current && !repair) store.put(current, 'previous');
        store.put(next, 'active');
        store.put(Math.max(highest, next.version), 'highestVersion');
        store.delete('staging');
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(stale ?? tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/**
 * Rolls back from the live pack (quarantine, or staff's "roll back"): `active` ← `previous` (or
 * nothing, and the kiosk shows its embedded pack), and the pack rolled away from is withdrawn for
 * good, in one strict transaction. The highest trusted version stays, so older feeds are still
 * refused. Resolves what was withdrawn (null when nothing was live) and the pointer now live.
 */
export async function rollBack(): Promise<{
  withdrawn: PackPointer | null;
  live: PackPointer | null;
}> {
  const db = await openRaw();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(STORE);
      const readActive = store.get('active');
      const readPrevious = store.get('previous');
      const readWithdrawn = store.get('withdrawn');
      const result = { withdrawn: null as PackPointer | null, live: null as PackPointer | null };
      readWithdrawn.onsuccess = () => {
        const current = readActive.result as PackPointer | undefined;
        const previous = readPrevious.result as PackPointer | undefined;
        if (!current) return;
        const withdrawn = (readWithdrawn.result as string[] | undefined) ?? [];
        store.put([...new Set([...withdrawn, current.indexSha])].slice(-50), 'withdrawn');
        if (previous) store.put(previous, 'active');
        else store.delete('active');
        store.delete('previous');
        result.withdrawn = current;
        result.live = previous ?? null;
      };
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('cannot open IndexedDB'));
  });
}
