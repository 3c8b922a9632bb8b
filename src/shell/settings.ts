/** Kiosk settings: build defaults, overridden by staff settings in IndexedDB, then by URL for diagnostics. */
import { get } from 'idb-keyval';
import { stateStore } from '../sync/pointers';

export interface Settings {
  feedUrl: string;
  publicKey: string;
  idleSeconds: number;
  countdownSeconds: number;
  checkMinutes: number;
  /** How long the screen must be untouched before a downloaded pack may replace the live one. */
  activateAfterIdleSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
  feedUrl: '/feed/',
  publicKey: __FEED_PUBLIC_KEY__,
  idleSeconds: 90,
  countdownSeconds: 10,
  checkMinutes: 15,
  activateAfterIdleSeconds: 30,
};

/** True when the build still trusts the demo key, which the staff panel flags. */
export const usesDemoKey = (s: Settings) => s.publicKey === __DEMO_PUBLIC_KEY__;

const NUMERIC: (keyof Settings)[] = [
  'idleSeconds',
  'countdownSeconds',
  'checkMinutes',
  'activateAfterIdleSeconds',
];

export async function loadSettings(search = location.search): Promise<Settings> {
  const saved = (await get<Partial<Settings>>('settings', stateStore).catch(() => undefined)) ?? {};
  const merged: Settings = { ...DEFAULT_SETTINGS, ...saved };
  const params = new URLSearchParams(search);
  for (const key of NUMERIC) {
    const raw = params.get(key);
    const n = raw === null ? NaN : Number(raw);
    if (Number.isFinite(n) && n > 0) (merged[key] as number) = n;
  }
  merged.countdownSeconds = Math.min(merged.countdownSeconds, merged.idleSeconds);
  return merged;
}
