/** The kiosk's day as pure functions: opening hours, and when the nightly reload is due. */

export interface OpeningHours {
  /** Local time the hall opens, "HH:MM". */
  open: string;
  /** Local time it closes, "HH:MM" (may be past midnight: earlier than `open`). */
  close: string;
  /** Days it opens, 0 = Sunday … 6 = Saturday. */
  days: number[];
}

/** A wall clock before this cannot be right (no RTC battery, no network time yet). */
const EARLIEST_PLAUSIBLE = Date.UTC(2024, 0, 1);

/** True when the wall clock reads something no kiosk of ours could see (schedules then stand still). */
export function clockImplausible(now: Date): boolean {
  return now.getTime() < EARLIEST_PLAUSIBLE;
}

/** Minutes after local midnight of "HH:MM", or null when it is not a time. */
export function minutesOf(hhmm: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * Whether the hall is open at `now` (local time). Without hours, or with hours that do not parse,
 * or with a clock that cannot be right, it is open: a wrong setting must never darken the hall.
 */
export function isOpen(now: Date, hours: OpeningHours | null | undefined): boolean {
  if (!hours || clockImplausible(now)) return true;
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (open === null || close === null || open === close || !hours.days?.length) return true;
  const minute = now.getHours() * 60 + now.getMinutes();
  const day = now.getDay();
  if (open < close) return hours.days.includes(day) && minute >= open && minute < close;
  // Past midnight: open from `open` on an opening day until `close` the next morning.
  if (minute >= open) return hours.days.includes(day);
  return minute < close && hours.days.includes((day + 6) % 7);
}

/**
 * True when the nightly reload is due: the local time `at` ("HH:MM") has passed since `bootedAt`,
 * and the page has run at least `minUptimeMs` (so a reload never follows a reload).
 */
export function nightlyReloadDue(
  now: Date,
  bootedAt: Date,
  at: string,
  uptimeMs: number,
  minUptimeMs = 60 * 60_000,
): boolean {
  const minutes = minutesOf(at);
  if (minutes === null || uptimeMs < minUptimeMs || clockImplausible(now)) return false;
  const target = new Date(now);
  target.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
  if (target > now) target.setDate(target.getDate() - 1); // the latest such moment not after now
  return target > bootedAt;
}
