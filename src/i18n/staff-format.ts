/**
 * Figures as staff read them, in the panel's language (Intl): a wait as m:ss, an uptime, a size in
 * MB or GB, a date and time; and the one fixed date format of the staff log's own sentences.
 */
import type { Locale } from './strings';

/** `28_400` → "0:29" (rounded up: never says 0:00 while the pad still waits). */
export function formatWait(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const unit = (
  n: number,
  u: string,
  locale: Locale,
  digits = 0,
  unitDisplay: 'narrow' | 'short' = 'narrow',
) =>
  new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: u,
    unitDisplay,
    maximumFractionDigits: digits,
  }).format(n);

/** An uptime in its two largest units: "3d 4h" / "3天4小时", "12m 30s" / "12分钟30秒". */
export function formatUptime(ms: number, locale: Locale): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = d
    ? [unit(d, 'day', locale), unit(h, 'hour', locale)]
    : h
      ? [unit(h, 'hour', locale), unit(m, 'minute', locale)]
      : [unit(m, 'minute', locale), unit(s % 60, 'second', locale)];
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts);
}

/** Bytes in decimal units, as disks are sold: "850 MB", "12.4 GB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const size = (n: number, u: string, digits = 0) => unit(n, u, locale, digits, 'short');
  if (bytes >= 1e9) return size(bytes / 1e9, 'gigabyte', 1);
  if (bytes >= 1e6) return size(bytes / 1e6, 'megabyte');
  return size(bytes / 1e3, 'kilobyte');
}

/** An ISO time as the hall's local date and time in `locale` ("2026年3月4日 05:06", "Mar 4, 2026, 05:06"); "" for nonsense. */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(d);
}

/**
 * An ISO time as local "YYYY-MM-DD HH:MM" (the hall's clock), or "" when it does not parse: for the
 * staff log's sentences, which are written once in both languages and kept as they were written.
 */
export function formatLocal(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
