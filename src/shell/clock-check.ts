/**
 * Whether the kiosk's clock can be believed for schedules, and which time to use when it cannot: a
 * clock that says 1970 after a flat BIOS battery must never hide every scheduled person.
 */
import { CLOCK_SAYS, logLine } from '../i18n/log-strings';
import { formatLocal } from '../i18n/staff-format';

const DAY_MS = 86_400_000;
/** A clock this far behind what the kiosk knows has passed is wrong (a day covers any time zone). */
export const BEHIND_LIMIT_MS = DAY_MS;
/**
 * A clock this far ahead of the newest thing the kiosk knows is taken as wrong. Two years, not one:
 * a hall may well go a year without publishing (the feed froze, content keeps playing), and a clock
 * that is right must not be overruled; clocks that go wrong mostly fall back to their epoch.
 */
export const AHEAD_LIMIT_MS = 2 * 365 * DAY_MS;

/** What the kiosk knows has already happened: the live pack's publish time and the app's build. */
export interface KnownTimes {
  /** The signed index's publish time of the pack on screen (ISO), when known. */
  published?: string;
  /** When this app was built (ISO). */
  builtAt?: string;
}

export type ClockVerdict =
  | { ok: true; clock: number; now: number }
  | {
      ok: false;
      /** Behind what has already happened, or implausibly far ahead of it. */
      reason: 'behind' | 'ahead';
      /** Which known time it was measured against. */
      against: 'published' | 'built';
      reference: number;
      /** The clock's reading. */
      clock: number;
      /** The time schedules use instead: the newest moment known to have passed. */
      now: number;
    };

/**
 * Judges `clock` (ms since the epoch) against the times the kiosk knows have passed. Behind the
 * newest of them by more than a day, or ahead of it by more than two years, it is wrong, and
 * schedules run at that newest known time instead. With nothing known, the clock is believed.
 */
export function judgeClock(clock: number, known: KnownTimes): ClockVerdict {
  const published = timeOf(known.published);
  const built = timeOf(known.builtAt);
  if (published === null && built === null) return { ok: true, clock, now: clock };
  const against: 'published' | 'built' =
    built === null || (published !== null && published >= built) ? 'published' : 'built';
  const reference = (against === 'published' ? published : built)!;
  if (clock < reference - BEHIND_LIMIT_MS)
    return { ok: false, reason: 'behind', against, reference, clock, now: reference };
  if (clock > reference + AHEAD_LIMIT_MS)
    return { ok: false, reason: 'ahead', against, reference, clock, now: reference };
  return { ok: true, clock, now: clock };
}

function timeOf(iso: string | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** Same key, same situation: the staff log says it once, and again only when it changes. */
export function verdictKey(verdict: ClockVerdict): string {
  return verdict.ok ? 'ok' : `${verdict.reason} ${verdict.against} ${verdict.reference}`;
}

/** The staff-log line for a verdict, in plain Chinese with the English alongside. */
export function clockLine(verdict: ClockVerdict): string {
  const clock = when(verdict.clock);
  if (verdict.ok) return logLine(CLOCK_SAYS.right(clock));
  return logLine(CLOCK_SAYS.wrong(verdict.reason, verdict.against, clock, when(verdict.reference)));
}

/** A reading as staff see times elsewhere in the panel ("YYYY-MM-DD HH:MM", local). */
function when(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : formatLocal(d.toISOString());
}
