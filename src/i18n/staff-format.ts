/** Figures as staff read them: a wait as m:ss, an uptime, a size in MB or GB, a local date and time. */

/** `28_400` → "0:29" (rounded up: never says 0:00 while the pad still waits). */
export function formatWait(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** An uptime like "3 d 4 h", "2 h 05 min" or "12 min 30 s". */
export function formatUptime(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Bytes in decimal units, as disks are sold: "850 MB", "12.4 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

/** An ISO time as local "YYYY-MM-DD HH:MM" (the hall's clock), or "" when it does not parse. */
export function formatLocal(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
