/** Dates and counts in visitors' texts, as each language writes them (Intl). */
import type { Locale } from './strings';

/**
 * The month and day of an ISO date ("1978-03-05" → 3月5日 / March 5; "1978-03" → 3月 / March), or ''
 * for a year alone. Read as a calendar date, never shifted by the kiosk's time zone.
 */
export function monthDay(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month) return '';
  return new Intl.DateTimeFormat(locale, {
    // 3月5日, 3月; March 5, March (Intl's long Chinese month alone is 三月, not what dates say).
    month: locale === 'en' || day ? 'long' : 'numeric',
    ...(day ? { day: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day || 1)));
}

/** A count as the language writes it (grouped by thousands: 25,000). */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}
