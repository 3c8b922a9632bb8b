/** Settings staff change in the panel: checked before saving, merged into the saved settings in IndexedDB. */
import { get, update } from 'idb-keyval';
import { fromBase64, importPublicKey, sha256Hex } from '../feed/crypto';
import type { Locale } from '../i18n/strings';
import { stateStore } from '../storage/pointers';
import { minutesOf, type OpeningHours } from './day-plan';

/**
 * What the panel saves (a subset of `Settings` from settings.ts, plus the language a visit starts
 * in); `loadSettings` reads them back at the next start.
 */
export interface SavedSettings {
  feedUrl?: string;
  publicKey?: string;
  idleSeconds?: number;
  countdownSeconds?: number;
  openingHours?: OpeningHours | null;
  defaultLocale?: Locale;
  calmMotion?: boolean;
}

/** Why a typed value cannot be saved, named so the panel can say it in both languages. */
export type Problem =
  | 'empty'
  | 'not-http'
  | 'no-slash'
  | 'has-query'
  | 'has-credentials'
  | 'not-base64'
  | 'not-32-bytes'
  | 'not-ed25519'
  | 'bad-time'
  | 'no-days'
  | 'same-times';

export type Checked<T> =
  { ok: true; value: T; otherOrigin?: boolean } | { ok: false; problem: Problem };

/**
 * A feed address: an http(s) URL, or a path on the kiosk's own origin; either ends in `/` (the
 * feed is a folder) and carries no query, fragment or password. `otherOrigin` warns that the page's
 * security policy lets it reach only the origin it was built for.
 */
export function checkFeedUrl(text: string, origin: string): Checked<string> {
  const raw = text.trim();
  if (!raw) return { ok: false, problem: 'empty' };
  const isPath = raw.startsWith('/') && !raw.startsWith('//');
  let url: URL;
  try {
    url = new URL(raw, isPath ? origin : undefined);
  } catch {
    return { ok: false, problem: 'not-http' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, problem: 'not-http' };
  if (url.username || url.password) return { ok: false, problem: 'has-credentials' };
  if (url.search || url.hash || /[?#]/.test(raw)) return { ok: false, problem: 'has-query' };
  if (!url.pathname.endsWith('/')) return { ok: false, problem: 'no-slash' };
  if (isPath) return { ok: true, value: url.pathname };
  return { ok: true, value: url.href, otherOrigin: url.origin !== new URL(origin).origin };
}

/** A trusted public key: base64 of 32 bytes that WebCrypto imports as Ed25519. */
export async function checkPublicKey(text: string): Promise<Checked<string>> {
  const raw = text.trim();
  if (!raw) return { ok: false, problem: 'empty' };
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(raw);
  } catch {
    return { ok: false, problem: 'not-base64' };
  }
  if (bytes.length !== 32) return { ok: false, problem: 'not-32-bytes' };
  try {
    await importPublicKey(raw);
  } catch {
    return { ok: false, problem: 'not-ed25519' };
  }
  return { ok: true, value: raw };
}

/** Opening hours as staff set them: two "HH:MM" times that differ, and at least one day. */
export function checkOpeningHours(hours: OpeningHours): Checked<OpeningHours> {
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (open === null || close === null) return { ok: false, problem: 'bad-time' };
  if (open === close) return { ok: false, problem: 'same-times' };
  const days = [...new Set(hours.days)].filter((d) => d >= 0 && d <= 6).sort();
  if (!days.length) return { ok: false, problem: 'no-days' };
  return { ok: true, value: { open: hours.open.trim(), close: hours.close.trim(), days } };
}

/** A short fingerprint of a base64 public key: the first 8 bytes of its SHA-256, in groups of four hex digits. */
export async function keyFingerprint(base64: string): Promise<string> {
  const hex = await sha256Hex(fromBase64(base64));
  return hex.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Limits and steps of the idle timings on the panel's steppers (within what `loadSettings` allows). */
export const IDLE_LIMITS = {
  idleSeconds: { min: 10, max: 1800 },
  countdownSeconds: { min: 3, max: 60 },
} as const;

/** Pure: the next value of a seconds stepper: fine steps for short times, coarse ones for long. */
export function stepSeconds(value: number, up: boolean, min: number, max: number): number {
  const step = (v: number) => (v < 60 ? 5 : v < 300 ? 15 : 60);
  // Lands on the step grid, so 93 goes to 90 or 105 rather than 78 or 108.
  const s = step(up ? value : value - 1);
  const next = up ? Math.floor(value / s) * s + s : Math.ceil(value / s) * s - s;
  return Math.min(max, Math.max(min, next));
}

/** The language a visit starts in, from saved settings (Chinese unless staff chose English). */
export function defaultLocaleOf(saved: SavedSettings | object): Locale {
  return (saved as SavedSettings).defaultLocale === 'en' ? 'en' : 'zh-CN';
}

/** What staff saved so far (empty when nothing). */
export async function readSavedSettings(): Promise<SavedSettings> {
  return (await get<SavedSettings>('settings', stateStore)) ?? {};
}

/** Merges `patch` into the saved settings (read at the next start by `loadSettings`). */
export async function saveSettings(patch: SavedSettings): Promise<void> {
  await update<SavedSettings>('settings', (old) => ({ ...(old ?? {}), ...patch }), stateStore);
}
