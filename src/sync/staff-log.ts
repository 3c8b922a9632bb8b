/** The staff log: a ring buffer of plain-language entries in IndexedDB, newest first. */
import { get, update } from 'idb-keyval';
import { stateStore } from './pointers';

export const LOG_LIMIT = 500;

export interface LogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  code: string;
  message: string;
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
  await update<LogEntry[]>('log', (old) => [entry, ...(old ?? [])].slice(0, LOG_LIMIT), stateStore);
}

/** Entries newest first. */
export async function readStaffLog(): Promise<LogEntry[]> {
  return (await get<LogEntry[]>('log', stateStore)) ?? [];
}
