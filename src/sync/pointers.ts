/** IndexedDB pointers that say which pack is live; activation is one strict-durability write. */
import { createStore, get } from 'idb-keyval';

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
  activatedAt: string;
}

export interface Pointers {
  active: PackPointer | null;
  previous: PackPointer | null;
  /** Highest version ever made live; lower or equal versions are refused (no rollback or replay). */
  highestVersion: number;
}

/** Reads the pointers (defaults when the database is new). */
export async function readPointers(): Promise<Pointers> {
  const [active, previous, highestVersion] = await Promise.all([
    get<PackPointer>('active', stateStore),
    get<PackPointer>('previous', stateStore),
    get<number>('highestVersion', stateStore),
  ]);
  return {
    active: active ?? null,
    previous: previous ?? null,
    highestVersion: highestVersion ?? 0,
  };
}

/**
 * Makes `next` live: `previous` ← old active, `active` ← next, `highestVersion` ← next.version,
 * in one transaction committed with strict durability (idb-keyval cannot ask for it), so a power
 * cut leaves either the old pack or the new one, never a mix.
 */
export async function activatePointer(next: PackPointer): Promise<void> {
  const db = await openRaw();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(STORE);
      const read = store.get('active');
      read.onsuccess = () => {
        const current = read.result as PackPointer | undefined;
        if (current && current.indexSha !== next.indexSha) store.put(current, 'previous');
        store.put(next, 'active');
        store.put(next.version, 'highestVersion');
      };
      tx.oncomplete = () => resolve();
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
