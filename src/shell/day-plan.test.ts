import { describe, expect, it } from 'vitest';
import { isOpen, minutesOf, nightlyReloadDue } from './day-plan';

const at = (iso: string) => new Date(iso); // local time: no Z
const weekdays = { open: '09:00', close: '17:30', days: [1, 2, 3, 4, 5] };

describe('opening hours', () => {
  it('is open within the hours on an opening day, closed outside them and on other days', () => {
    expect(isOpen(at('2026-11-25T10:00:00'), weekdays)).toBe(true); // Wednesday
    expect(isOpen(at('2026-11-25T08:59:00'), weekdays)).toBe(false);
    expect(isOpen(at('2026-11-25T17:30:00'), weekdays)).toBe(false);
    expect(isOpen(at('2026-11-29T10:00:00'), weekdays)).toBe(false); // Sunday
  });
  it('handles hours past midnight', () => {
    const late = { open: '18:00', close: '02:00', days: [5] }; // Friday evening
    expect(isOpen(at('2026-11-27T23:00:00'), late)).toBe(true);
    expect(isOpen(at('2026-11-28T01:30:00'), late)).toBe(true); // Saturday small hours
    expect(isOpen(at('2026-11-28T02:30:00'), late)).toBe(false);
    expect(isOpen(at('2026-11-28T23:00:00'), late)).toBe(false);
  });
  it('never darkens the hall on a missing or broken setting or an impossible clock', () => {
    expect(isOpen(at('2026-11-29T03:00:00'), null)).toBe(true);
    expect(isOpen(at('2026-11-29T03:00:00'), { open: '9am', close: '17:00', days: [0] })).toBe(
      true,
    );
    expect(isOpen(at('1970-01-01T03:00:00'), weekdays)).toBe(true);
    expect(minutesOf('24:00')).toBeNull();
  });
});

describe('nightly reload', () => {
  const booted = at('2026-11-24T09:00:00');
  const hour = 3_600_000;
  it('is due once the time has passed since boot, after a long enough run', () => {
    expect(nightlyReloadDue(at('2026-11-25T03:29:00'), booted, '03:30', 18 * hour)).toBe(false);
    expect(nightlyReloadDue(at('2026-11-25T03:31:00'), booted, '03:30', 18 * hour)).toBe(true);
    // Stays due through the day until it happens (the kiosk may have been busy at 03:30).
    expect(nightlyReloadDue(at('2026-11-25T11:00:00'), booted, '03:30', 26 * hour)).toBe(true);
  });
  it('never right after a boot, and not with a clock that cannot be right', () => {
    const rebooted = at('2026-11-25T03:31:00');
    expect(nightlyReloadDue(at('2026-11-25T03:40:00'), rebooted, '03:30', 9 * 60_000)).toBe(false);
    expect(nightlyReloadDue(at('2026-11-26T03:40:00'), rebooted, '03:30', 24 * hour)).toBe(true);
    expect(
      nightlyReloadDue(at('1970-01-02T03:40:00'), at('1970-01-01T09:00:00'), '03:30', 20 * hour),
    ).toBe(false);
  });
});
