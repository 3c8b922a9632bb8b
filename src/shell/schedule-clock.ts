/**
 * The schedule clock: looks at the time every few seconds so people and films appear and go at
 * their `from`/`until`, and tells staff (once, and again when it changes) of a clock that is wrong.
 */
import { logStaff } from '../storage/staff-log';
import { clockLine, verdictKey, type ClockVerdict } from './clock-check';
import { kiosk } from './kiosk.svelte';

export interface ScheduleClockOptions {
  /** How often to look (a look costs a comparison until a window opens or closes). */
  everyMs?: number;
  /** Where the plain-words line goes (the staff log). */
  log?: typeof logStaff;
}

/** Starts looking; returns the disposer. */
export function startScheduleClock({
  everyMs = 5_000,
  log = logStaff,
}: ScheduleClockOptions = {}): () => void {
  /** The situation last told (null: nothing yet this boot; a right clock at boot is not news). */
  let told: string | null = null;
  kiosk.onClock((verdict: ClockVerdict) => {
    const key = verdictKey(verdict);
    if (key === told || (told === null && verdict.ok)) return;
    told = key;
    void log(
      verdict.ok ? 'info' : 'warn',
      verdict.ok ? 'clock-ok' : 'clock-wrong',
      clockLine(verdict),
    );
  });
  kiosk.tick();
  const timer = setInterval(() => kiosk.tick(), everyMs);
  return () => {
    clearInterval(timer);
    kiosk.onClock(null);
  };
}
