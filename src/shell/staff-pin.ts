/** The staff PIN as pure logic: its PBKDF2 hash (WebCrypto) and the back-off after wrong attempts. */

/** How a PIN is hashed; stored with each record so a later build may raise the cost. */
export interface PinHashParams {
  /** PBKDF2-SHA-256 rounds: a stolen database costs this much work per guess. */
  iterations: number;
  saltBytes: number;
  hashBits: number;
}

/** OWASP's 2023 figure for PBKDF2-SHA-256; ~0.2 s in Chromium on a desktop CPU, under 1 s on a slow one. */
export const PIN_HASH: PinHashParams = { iterations: 600_000, saltBytes: 16, hashBits: 256 };

/** A PIN is 4 to 8 digits: typed on the touch pad, no keyboard needed. */
export const PIN_LENGTH = { min: 4, max: 8 } as const;

/** What is stored: never the PIN, only its salted hash (base64) and how it was made. */
export interface PinRecord {
  salt: string;
  hash: string;
  iterations: number;
}

/** Consecutive wrong attempts and until when the pad waits, kept across reloads. */
export interface AttemptBook {
  failures: number;
  /** Wall-clock ms until which attempts are refused (0: none). */
  waitUntil: number;
  /** Length of that wait, so a wall clock set back can never stretch it. */
  waitMs: number;
}

export const NO_ATTEMPTS: AttemptBook = { failures: 0, waitUntil: 0, waitMs: 0 };

/** When the pad starts to wait, and how long; from `lockoutAfter` wrong PINs on, each one locks it out. */
export interface BackoffRule {
  freeAttempts: number;
  firstWaitMs: number;
  maxWaitMs: number;
  lockoutAfter: number;
  lockoutMs: number;
}

export const BACKOFF: BackoffRule = {
  freeAttempts: 2,
  firstWaitMs: 30_000,
  maxWaitMs: 240_000,
  lockoutAfter: 10,
  lockoutMs: 5 * 60_000,
};

/** True for 4–8 ASCII digits. */
export function isValidPin(pin: string): boolean {
  return new RegExp(`^[0-9]{${PIN_LENGTH.min},${PIN_LENGTH.max}}$`).test(pin);
}

/**
 * Pure: the wait after `failures` consecutive wrong PINs. The first two cost nothing (a slip of the
 * finger), the third 30 s, then doubling to at most 4 min; from the tenth on, a 5-minute lockout each.
 */
export function waitAfter(failures: number, rule: BackoffRule = BACKOFF): number {
  if (failures >= rule.lockoutAfter) return rule.lockoutMs;
  if (failures <= rule.freeAttempts) return 0;
  return Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** (failures - rule.freeAttempts - 1));
}

/** Pure: the book after one more wrong PIN at wall-clock `now`. */
export function recordFailure(
  book: AttemptBook,
  now: number,
  rule: BackoffRule = BACKOFF,
): AttemptBook {
  const failures = book.failures + 1;
  const waitMs = waitAfter(failures, rule);
  return { failures, waitUntil: waitMs ? now + waitMs : 0, waitMs };
}

/**
 * Pure: milliseconds the pad must still wait at `now` (0: it may be tried). Bounded by the wait's own
 * length, so a wall clock that jumps back cannot lock staff out for longer than the rule says.
 */
export function waitLeft(book: AttemptBook, now: number): number {
  if (!book.waitUntil) return 0;
  return Math.max(0, Math.min(book.waitMs, book.waitUntil - now));
}

/** True when the book is in the long lockout (the tenth wrong PIN or later). */
export function lockedOut(book: AttemptBook, rule: BackoffRule = BACKOFF): boolean {
  return book.failures >= rule.lockoutAfter;
}

/** PBKDF2-SHA-256 of the PIN with `salt`, as bytes. */
export async function derivePinHash(
  pin: string,
  salt: Uint8Array,
  iterations: number,
  bits = PIN_HASH.hashBits,
): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const derived = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    bits,
  );
  return new Uint8Array(derived);
}

/** A new record for `pin` with a fresh random salt. */
export async function createPinRecord(
  pin: string,
  params: PinHashParams = PIN_HASH,
): Promise<PinRecord> {
  if (!isValidPin(pin)) throw new Error('a PIN is 4 to 8 digits');
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(params.saltBytes));
  const hash = await derivePinHash(pin, salt, params.iterations, params.hashBits);
  return { salt: encode(salt), hash: encode(hash), iterations: params.iterations };
}

/** True when `pin` hashes to the record's hash (compared without an early exit). */
export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const expected = decode(record.hash);
  const actual = await derivePinHash(
    pin,
    decode(record.salt),
    record.iterations,
    expected.length * 8,
  );
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (actual[i] ?? 0) ^ expected[i]!;
  return diff === 0;
}

function encode(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function decode(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
