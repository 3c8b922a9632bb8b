/** The staff PIN in IndexedDB: only its salted PBKDF2 hash, and the wrong-attempt book that survives reloads. */
import { get, set } from 'idb-keyval';
import {
  NO_ATTEMPTS,
  createPinRecord,
  lockedOut,
  pinMatches,
  recordFailure,
  waitLeft,
  type AttemptBook,
  type PinRecord,
} from '../shell/staff-pin';
import { stateStore } from './pointers';
import { logStaff } from './staff-log';

const PIN_KEY = 'staff-pin';
const ATTEMPTS_KEY = 'staff-pin-attempts';

/** The answer to a PIN typed on the pad. */
export type PinAnswer =
  { ok: true } | { ok: false; waitMs: number; lockedOut: boolean; failures: number };

/** True once a PIN has been set (until then the panel asks for one and does nothing else). */
export async function hasPin(): Promise<boolean> {
  return (await get<PinRecord>(PIN_KEY, stateStore)) !== undefined;
}

/** Stores a new PIN (first run, or staff changing it) and clears the wrong-attempt book. */
export async function savePin(pin: string, first: boolean): Promise<void> {
  await set(PIN_KEY, await createPinRecord(pin), stateStore);
  await set(ATTEMPTS_KEY, NO_ATTEMPTS, stateStore);
  await logStaff(
    'info',
    first ? 'staff-pin-set' : 'staff-pin-changed',
    first ? 'a staff PIN was set for the staff panel' : 'the staff PIN was changed',
  );
}

/** How long the pad must still wait at wall-clock `now`, and whether it is the long lockout. */
export async function pinWait(now = Date.now()): Promise<{ waitMs: number; lockedOut: boolean }> {
  const book = await readBook();
  return { waitMs: waitLeft(book, now), lockedOut: lockedOut(book) };
}

/**
 * Checks `pin`. While the pad must wait, it is refused without being checked at all; a wrong PIN
 * is counted (and past the free attempts, logged for staff) before the answer is given.
 */
export async function tryPin(pin: string, now: () => number = Date.now): Promise<PinAnswer> {
  const record = await get<PinRecord>(PIN_KEY, stateStore);
  if (!record) throw new Error('no staff PIN is set');
  const book = await readBook();
  const before = waitLeft(book, now());
  if (before > 0)
    return { ok: false, waitMs: before, lockedOut: lockedOut(book), failures: book.failures };
  if (await pinMatches(pin, record)) {
    if (book.failures) await set(ATTEMPTS_KEY, NO_ATTEMPTS, stateStore);
    return { ok: true };
  }
  // Read again: another tab may have counted a failure while the hash was being worked out.
  const next = recordFailure(await readBook(), now());
  await set(ATTEMPTS_KEY, next, stateStore);
  if (next.waitMs)
    await logStaff(
      'warn',
      lockedOut(next) ? 'staff-pin-lockout' : 'staff-pin-backoff',
      `${next.failures} wrong PINs in a row at the staff panel: the PIN pad waits ${Math.round(next.waitMs / 1000)} s`,
    );
  return {
    ok: false,
    waitMs: waitLeft(next, now()),
    lockedOut: lockedOut(next),
    failures: next.failures,
  };
}

async function readBook(): Promise<AttemptBook> {
  const book = await get<AttemptBook>(ATTEMPTS_KEY, stateStore);
  return book && Number.isFinite(book.failures) ? book : NO_ATTEMPTS;
}
