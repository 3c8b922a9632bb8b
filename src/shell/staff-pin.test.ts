import { describe, expect, it } from 'vitest';
import {
  BACKOFF,
  NO_ATTEMPTS,
  PIN_HASH,
  createPinRecord,
  derivePinHash,
  isValidPin,
  lockedOut,
  pinMatches,
  recordFailure,
  waitAfter,
  waitLeft,
} from './staff-pin';

describe('PIN hashing', () => {
  it('uses PBKDF2-SHA-256 with at least 200,000 rounds and a 16-byte random salt', async () => {
    expect(PIN_HASH.iterations).toBeGreaterThanOrEqual(200_000);
    const a = await createPinRecord('2468');
    const b = await createPinRecord('2468');
    expect(a.iterations).toBe(PIN_HASH.iterations);
    expect(atob(a.salt)).toHaveLength(16);
    expect(atob(a.hash)).toHaveLength(32);
    // Same PIN, different salts: different hashes, and neither contains the PIN.
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('2468');
  });

  it('matches the right PIN only', async () => {
    const record = await createPinRecord('135790');
    expect(await pinMatches('135790', record)).toBe(true);
    expect(await pinMatches('135791', record)).toBe(false);
    expect(await pinMatches('13579', record)).toBe(false);
    expect(await pinMatches('', record)).toBe(false);
  });

  it('derives the published PBKDF2-HMAC-SHA-256 test vector', async () => {
    // "password" / "salt", 1 round, 32 bytes (a published vector for PBKDF2-HMAC-SHA256).
    const bytes = await derivePinHash('password', new TextEncoder().encode('salt'), 1, 256);
    expect(Buffer.from(bytes).toString('hex')).toBe(
      '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b',
    );
  });

  it('accepts 4 to 8 digits and nothing else', () => {
    expect(isValidPin('1234')).toBe(true);
    expect(isValidPin('12345678')).toBe(true);
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('123456789')).toBe(false);
    expect(isValidPin('12a4')).toBe(false);
    expect(isValidPin('١٢٣٤')).toBe(false); // other scripts' digits are not on the pad
  });

  it('refuses to store a PIN that is not 4 to 8 digits', async () => {
    await expect(createPinRecord('12')).rejects.toThrow(/4 to 8 digits/);
  });
});

describe('back-off after wrong PINs', () => {
  it('lets two slips pass, then waits 30 s, doubling to 4 min, and locks out 5 min from the tenth', () => {
    const waits = Array.from({ length: 12 }, (_, i) => waitAfter(i + 1) / 1000);
    expect(waits).toEqual([0, 0, 30, 60, 120, 240, 240, 240, 240, 300, 300, 300]);
  });

  it('counts failures and refuses until the wait is over', () => {
    let book = NO_ATTEMPTS;
    const t0 = 1_700_000_000_000;
    book = recordFailure(book, t0);
    book = recordFailure(book, t0 + 1000);
    expect(waitLeft(book, t0 + 1000)).toBe(0);
    book = recordFailure(book, t0 + 2000);
    expect(book.failures).toBe(3);
    expect(waitLeft(book, t0 + 2000)).toBe(30_000);
    expect(waitLeft(book, t0 + 31_999)).toBe(1);
    expect(waitLeft(book, t0 + 32_000)).toBe(0);
    expect(lockedOut(book)).toBe(false);
  });

  it('a wall clock set back never stretches the wait beyond its length', () => {
    const t0 = 1_700_000_000_000;
    const book = recordFailure({ failures: 2, waitUntil: 0, waitMs: 0 }, t0);
    expect(waitLeft(book, t0 - 86_400_000)).toBe(30_000);
  });

  it('the tenth wrong PIN is a lockout', () => {
    let book = NO_ATTEMPTS;
    for (let i = 0; i < BACKOFF.lockoutAfter; i++) book = recordFailure(book, 0);
    expect(lockedOut(book)).toBe(true);
    expect(waitLeft(book, 0)).toBe(5 * 60_000);
  });
});
