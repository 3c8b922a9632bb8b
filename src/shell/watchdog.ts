/**
 * Self-healing for a kiosk nobody watches: reload when frames stop while the page is visible, when
 * an error keeps repeating, and once a night at a quiet time; never in a loop of reloads.
 */
import { logStaff } from '../storage/staff-log';
import { nightlyReloadDue } from './day-plan';

export interface WatchdogOptions {
  /** Frames stopped this long (page visible) → reload. */
  stallMs: number;
  /** This many uncaught errors… */
  errorLimit: number;
  /** …within this window → reload. */
  errorWindowMs: number;
  /** Local time of the nightly reload ("HH:MM"), or null for none. */
  nightlyAt: string | null;
  /** Whether nobody is at the screen now (a reload must never interrupt a visitor). */
  quiet: () => boolean;
  /** How to reload (the page's own `location.reload` unless a test needs to see it). */
  reload?: () => void;
}

/** Reloads allowed in a row within ten minutes; beyond that the watchdog stands down and says so. */
const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 10 * 60_000;
const BOOK = 'kiosk-watchdog-reloads';

/** Starts watching; returns its undo. */
export function startWatchdog(opts: WatchdogOptions): () => void {
  const bootedAt = new Date();
  let lastFrame = performance.now();
  let frame = requestAnimationFrame(function beat() {
    lastFrame = performance.now();
    frame = requestAnimationFrame(beat);
  });
  const errors: number[] = [];
  let reloading = false;

  const reload = async (why: string) => {
    if (reloading) return;
    const now = Date.now();
    const recent = readBook().filter((t) => now - t < RELOAD_WINDOW_MS);
    if (recent.length >= MAX_RELOADS) {
      reloading = true; // stand down: reloading again would only loop
      await logStaff(
        'error',
        'watchdog-gave-up',
        `${why}, but the page was already reloaded ${recent.length} times in ten minutes; the watchdog stops reloading until the next start`,
      );
      return;
    }
    reloading = true;
    sessionStorage.setItem(BOOK, JSON.stringify([...recent, now]));
    await logStaff('warn', 'watchdog-reload', `${why}; the page was reloaded to recover`);
    (opts.reload ?? (() => location.reload()))();
  };

  const onError = () => {
    const now = performance.now();
    errors.push(now);
    while (errors.length && now - errors[0]! > opts.errorWindowMs) errors.shift();
    if (errors.length >= opts.errorLimit)
      void reload(`${errors.length} errors within ${Math.round(opts.errorWindowMs / 1000)} s`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);

  const check = setInterval(() => {
    const stalled = performance.now() - lastFrame;
    if (document.visibilityState === 'visible' && stalled > opts.stallMs)
      void reload(`the screen stopped drawing for ${Math.round(stalled / 1000)} s`);
    else if (
      opts.nightlyAt &&
      opts.quiet() &&
      nightlyReloadDue(new Date(), bootedAt, opts.nightlyAt, performance.now())
    )
      void reload(`nightly reload at ${opts.nightlyAt}, to start the day fresh`);
  }, 5_000);

  return () => {
    cancelAnimationFrame(frame);
    clearInterval(check);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  };
}

function readBook(): number[] {
  try {
    const list: unknown = JSON.parse(sessionStorage.getItem(BOOK) ?? '[]');
    return Array.isArray(list) ? list.filter((t): t is number => typeof t === 'number') : [];
  } catch {
    return [];
  }
}
