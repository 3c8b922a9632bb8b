/** Kiosk settings: build defaults, overridden by staff settings in IndexedDB, then by URL for diagnostics. */
import { get } from 'idb-keyval';
import { stateStore } from '../storage/pointers';
import { minutesOf, type OpeningHours } from './day-plan';
import type { Locale } from '../i18n/strings';
import type { Scene } from './kiosk.svelte';

export interface Settings {
  feedUrl: string;
  publicKey: string;
  idleSeconds: number;
  countdownSeconds: number;
  checkMinutes: number;
  /** How long the screen must be untouched before a downloaded pack may replace the live one. */
  activateAfterIdleSeconds: number;
  /** A feed request that gets no answer, or stops sending, for this long is given up (retried later). */
  feedTimeoutSeconds: number;
  /** A scene's own idle time where it differs (a long story, a wall to explore), in seconds. */
  sceneIdleSeconds: Partial<Record<SceneName, number>>;
  /** A visitor in elderly mode gets this many times the idle time and the countdown. */
  elderlyIdleFactor: number;
  /** After the idle reset, the attract loop invites the next visitor (off: the home screen waits). */
  attract: boolean;
  /** Frames stopped this long while the page is visible → the watchdog reloads. */
  watchdogStallSeconds: number;
  /** Local time of the nightly reload, "HH:MM", or null for none. */
  nightlyReloadAt: string | null;
  /** When the hall is open; outside these hours a dark, slowly moving screen. Null: always open. */
  openingHours: OpeningHours | null;
  /** The kiosk looks for a new app version at least this often, visitors or not. */
  appCheckSeconds: number;
  /** …and again on each return to the idle home screen once its last look is this old. */
  appIdleCheckSeconds: number;
  /** The language each visit starts in (staff choose it in the panel). */
  defaultLocale: Locale;
  /** Calm motion: stories and the history move slower and less (the OS's reduced motion stills them). */
  calmMotion: boolean;
}

type SceneName = Scene['name'];

export const DEFAULT_SETTINGS: Settings = {
  feedUrl: __FEED_URL__,
  publicKey: __FEED_PUBLIC_KEY__,
  idleSeconds: 90,
  countdownSeconds: 10,
  checkMinutes: 15,
  activateAfterIdleSeconds: 30,
  feedTimeoutSeconds: 30,
  sceneIdleSeconds: { story: 180, history: 180 },
  elderlyIdleFactor: 2,
  attract: true,
  watchdogStallSeconds: 60,
  nightlyReloadAt: '03:30',
  openingHours: null,
  appCheckSeconds: 3600,
  appIdleCheckSeconds: 600,
  defaultLocale: 'zh-CN',
  calmMotion: false,
};

/** True when the build still trusts the demo key, which the staff panel flags. */
export const usesDemoKey = (s: Settings) => s.publicKey === __DEMO_PUBLIC_KEY__;

/** Allowed range of each numeric setting; a saved or typed value outside it is clamped. */
const RANGES: Record<
  | 'idleSeconds'
  | 'countdownSeconds'
  | 'checkMinutes'
  | 'activateAfterIdleSeconds'
  | 'feedTimeoutSeconds'
  | 'watchdogStallSeconds'
  | 'appCheckSeconds'
  | 'appIdleCheckSeconds'
  | 'elderlyIdleFactor',
  [number, number]
> = {
  idleSeconds: [5, 3600],
  countdownSeconds: [1, 60],
  checkMinutes: [1, 24 * 60],
  activateAfterIdleSeconds: [5, 3600],
  feedTimeoutSeconds: [1, 600],
  watchdogStallSeconds: [5, 3600],
  appCheckSeconds: [5, 7 * 24 * 3600],
  appIdleCheckSeconds: [5, 24 * 3600],
  elderlyIdleFactor: [1, 5],
};

export async function loadSettings(search = location.search): Promise<Settings> {
  const saved = (await get<Partial<Settings>>('settings', stateStore).catch(() => undefined)) ?? {};
  const merged: Settings = { ...DEFAULT_SETTINGS, ...saved };
  const params = new URLSearchParams(search);
  for (const [key, [min, max]] of Object.entries(RANGES) as [
    keyof typeof RANGES,
    [number, number],
  ][]) {
    const raw = params.get(key);
    const wanted = raw === null ? merged[key] : Number(raw);
    const n = Number.isFinite(wanted) ? wanted : DEFAULT_SETTINGS[key];
    merged[key] = Math.min(max, Math.max(min, n));
  }
  merged.countdownSeconds = Math.min(merged.countdownSeconds, merged.idleSeconds);
  const attract = params.get('attract');
  if (attract !== null) merged.attract = attract !== '0' && attract !== 'false';
  merged.attract = merged.attract !== false;
  // A scene's own idle time is kept within the same bounds, and never below the countdown.
  const [min, max] = RANGES.idleSeconds;
  merged.sceneIdleSeconds = Object.fromEntries(
    Object.entries(
      typeof merged.sceneIdleSeconds === 'object' && merged.sceneIdleSeconds
        ? merged.sceneIdleSeconds
        : {},
    )
      .filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
      // The URL's idleSeconds (tests, diagnostics) shortens every scene alike.
      .map(([k, v]) => [
        k,
        params.has('idleSeconds') ? merged.idleSeconds : Math.min(max, Math.max(min, v)),
      ]),
  );
  // Times of day: a value that is not "HH:MM" falls back to the default (never a dark hall by typo).
  const nightly = params.get('nightlyReloadAt') ?? merged.nightlyReloadAt;
  merged.nightlyReloadAt =
    nightly === null || nightly === '' || nightly === 'off'
      ? null
      : minutesOf(nightly) === null
        ? DEFAULT_SETTINGS.nightlyReloadAt
        : nightly;
  const hours = params.get('openingHours');
  if (hours !== null) merged.openingHours = parseHoursParam(hours);
  merged.defaultLocale = merged.defaultLocale === 'en' ? 'en' : 'zh-CN';
  const calm = params.get('calm');
  merged.calmMotion = calm !== null ? calm === '1' : merged.calmMotion === true;
  if (typeof merged.feedUrl !== 'string' || !merged.feedUrl)
    merged.feedUrl = DEFAULT_SETTINGS.feedUrl;
  if (!merged.feedUrl.endsWith('/')) merged.feedUrl += '/';
  return merged;
}

/** `09:00-17:30@1,2,3,4,5` (diagnostics and tests) → opening hours; anything else → always open. */
function parseHoursParam(text: string): OpeningHours | null {
  const m = /^(\d\d?:\d\d)-(\d\d?:\d\d)@([0-6](?:,[0-6])*)$/.exec(text);
  return m ? { open: m[1]!, close: m[2]!, days: m[3]!.split(',').map(Number) } : null;
}
