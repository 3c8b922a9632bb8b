import { describe, expect, it } from 'vitest';
import { toBase64 } from '../feed/crypto';
import {
  checkFeedUrl,
  checkOpeningHours,
  checkPublicKey,
  defaultLocaleOf,
  keyFingerprint,
  stepSeconds,
} from './staff-settings';

const ORIGIN = 'http://localhost:8080';

describe('feed address', () => {
  it('accepts a same-origin folder path and http(s) folder URLs', () => {
    expect(checkFeedUrl(' /feed/ ', ORIGIN)).toEqual({ ok: true, value: '/feed/' });
    expect(checkFeedUrl('http://localhost:8080/halls/a/', ORIGIN)).toEqual({
      ok: true,
      value: 'http://localhost:8080/halls/a/',
      otherOrigin: false,
    });
    expect(checkFeedUrl('https://feed.hall.example/', ORIGIN)).toEqual({
      ok: true,
      value: 'https://feed.hall.example/',
      otherOrigin: true,
    });
  });

  it('refuses what is not a feed folder over http(s)', () => {
    const problem = (text: string) => {
      const r = checkFeedUrl(text, ORIGIN);
      return r.ok ? null : r.problem;
    };
    expect(problem('')).toBe('empty');
    expect(problem('/feed')).toBe('no-slash');
    expect(problem('https://feed.hall.example/feed')).toBe('no-slash');
    expect(problem('ftp://feed.hall.example/')).toBe('not-http');
    expect(problem('file:///media/usb/feed/')).toBe('not-http');
    expect(problem('javascript:alert(1)//')).toBe('not-http');
    expect(problem('//evil.example/feed/')).toBe('not-http');
    expect(problem('feed/')).toBe('not-http');
    expect(problem('/feed/?v=2')).toBe('has-query');
    expect(problem('https://u:p@feed.hall.example/')).toBe('has-credentials');
  });
});

describe('trusted public key', () => {
  it('accepts a real Ed25519 key and names it by a short fingerprint', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const base64 = toBase64(raw);
    expect(await checkPublicKey(` ${base64}\n`)).toEqual({ ok: true, value: base64 });
    expect(await keyFingerprint(base64)).toMatch(
      /^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/,
    );
  });

  it('refuses text that is not base64 of 32 bytes', async () => {
    expect(await checkPublicKey('')).toEqual({ ok: false, problem: 'empty' });
    expect(await checkPublicKey('not a key!')).toEqual({ ok: false, problem: 'not-base64' });
    expect(await checkPublicKey(toBase64(new Uint8Array(31)))).toEqual({
      ok: false,
      problem: 'not-32-bytes',
    });
  });
});

describe('opening hours', () => {
  it('keeps valid hours with their days sorted, refuses equal times, bad times and no days', () => {
    expect(checkOpeningHours({ open: '09:00', close: '17:30', days: [5, 1, 1, 3] })).toEqual({
      ok: true,
      value: { open: '09:00', close: '17:30', days: [1, 3, 5] },
    });
    expect(checkOpeningHours({ open: '9am', close: '17:30', days: [1] })).toMatchObject({
      problem: 'bad-time',
    });
    expect(checkOpeningHours({ open: '09:00', close: '09:00', days: [1] })).toMatchObject({
      problem: 'same-times',
    });
    expect(checkOpeningHours({ open: '09:00', close: '17:00', days: [] })).toMatchObject({
      problem: 'no-days',
    });
  });
});

describe('idle steppers and language', () => {
  it('steps finely for short times and coarsely for long ones, on the grid and within bounds', () => {
    expect(stepSeconds(55, true, 10, 1800)).toBe(60);
    expect(stepSeconds(60, true, 10, 1800)).toBe(75);
    expect(stepSeconds(60, false, 10, 1800)).toBe(55);
    expect(stepSeconds(93, true, 10, 1800)).toBe(105);
    expect(stepSeconds(93, false, 10, 1800)).toBe(90);
    expect(stepSeconds(300, true, 10, 1800)).toBe(360);
    expect(stepSeconds(300, false, 10, 1800)).toBe(285);
    expect(stepSeconds(10, false, 10, 1800)).toBe(10);
    expect(stepSeconds(1800, true, 10, 1800)).toBe(1800);
  });

  it('starts visits in Chinese unless English was chosen', () => {
    expect(defaultLocaleOf({})).toBe('zh-CN');
    expect(defaultLocaleOf({ defaultLocale: 'en' })).toBe('en');
    expect(defaultLocaleOf({ defaultLocale: 'fr' } as object)).toBe('zh-CN');
  });
});
