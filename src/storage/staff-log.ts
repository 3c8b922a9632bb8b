/** The staff log: a ring buffer of plain-language entries in IndexedDB, newest first. */
import { get, update } from 'idb-keyval';
import { stateStore } from './pointers';

export const LOG_LIMIT = 500;

export interface LogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  code: string;
  message: string;
  /** How many times in a row this same entry was logged (a hall offline for a week logs one line). */
  repeats?: number;
}

/** Adds an entry (also to the console, for anyone watching devtools). */
export async function logStaff(
  level: LogEntry['level'],
  code: string,
  message: string,
): Promise<void> {
  const entry: LogEntry = { time: new Date().toISOString(), level, code, message };
  (level === 'error' ? console.error : level === 'warn' ? console.warn : console.info)(
    `[kiosk] ${code}: ${message}`,
  );
  await update<LogEntry[]>(
    'log',
    (old = []) => {
      const last = old[0];
      if (last && last.code === code && last.message === message && last.level === level)
        return [{ ...entry, repeats: (last.repeats ?? 1) + 1 }, ...old.slice(1)];
      return [entry, ...old].slice(0, LOG_LIMIT);
    },
    stateStore,
  ).catch((e: unknown) => console.error('[kiosk] staff log not written', e));
}

/** Entries newest first. */
export async function readStaffLog(): Promise<LogEntry[]> {
  return (await get<LogEntry[]>('log', stateStore).catch(() => undefined)) ?? [];
}
