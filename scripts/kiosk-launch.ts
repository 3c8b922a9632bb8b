/** The launcher's decisions, apart from running anything: Chromium's flags, finding it, profile repairs, back-off. */
import { accessSync, constants, readFileSync } from 'node:fs';
import { lstat, mkdir, readFile, readlink, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** Where `npm start` and `npm run kiosk -- --serve` serve the kiosk. */
export const DEFAULT_URL = 'http://localhost:4173/';

/** Chromium's files that say which process owns a profile; a crash or power cut leaves them behind. */
export const LOCK_FILES = ['SingletonLock', 'SingletonSocket', 'SingletonCookie'] as const;

/**
 * Features turned off by name. Translate: the pages are Chinese and the browser's language may not
 * be, so Chromium would offer to translate them. MediaRouter: no Cast discovery on the hall's LAN
 * and no Cast dialog. The two overscroll features back up `--overscroll-history-navigation=0`
 * (a swipe past the edge must never go "back", whatever the input device).
 */
export const DISABLED_FEATURES = [
  'Translate',
  'MediaRouter',
  'OverscrollHistoryNavigation',
  'TouchpadOverscrollHistoryNavigation',
];

/** `$XDG_DATA_HOME/laomo-kiosk/chromium`, else `~/.local/share/laomo-kiosk/chromium`. */
export function defaultProfileDir(env: NodeJS.ProcessEnv, home: string): string {
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'laomo-kiosk', 'chromium');
}

/**
 * Parses the address the kiosk opens. Throws on anything but http(s). Returns a warning when the
 * address is not a secure context (plain HTTP away from this machine), where the page can only
 * show its notice: signature checks and offline storage need `http://localhost` or HTTPS.
 */
export function kioskUrl(raw: string): { url: string; warning?: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`--url ${raw} is not an address (try ${DEFAULT_URL})`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`--url must be http:// or https://, not ${u.protocol}`);
  if (u.protocol === 'https:' || isLoopback(u.hostname)) return { url: u.href };
  return {
    url: u.href,
    warning:
      `${u.href} is not a secure context, so the kiosk will only show its notice: open ` +
      `http://localhost:PORT/ on the machine that serves it, or https:// with the hall's certificate`,
  };
}

/** Host names browsers treat as this machine (and so as potentially trustworthy over plain HTTP). */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return (
    h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '[::1]'
  );
}

/**
 * Chromium's command line for the kiosk, URL last. `--kiosk` rather than `--app=`: kiosk mode is
 * full screen with no frame, tab strip or address bar, and F11/Esc cannot leave it; an `--app`
 * window is a framed window a visitor could restore, move or close. `extra` flags come after ours,
 * so they win (Chromium keeps the last value of a switch), except `--disable-features`, whose
 * names are merged with ours instead of replacing them.
 */
export function kioskFlags(opts: { url: string; profileDir: string; extra?: string[] }): string[] {
  const extra = opts.extra ?? [];
  const features = [...DISABLED_FEATURES];
  const rest: string[] = [];
  for (const flag of extra) {
    const m = /^--disable-features=(.*)$/.exec(flag);
    if (!m) rest.push(flag);
    else for (const f of m[1]!.split(',')) if (f && !features.includes(f)) features.push(f);
  }
  return [
    '--kiosk',
    `--user-data-dir=${opts.profileDir}`,
    // Nothing but the page: no first-run tabs, default-browser question, error or crash dialogs.
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    // No "Restore pages?": the switch older builds read, the one current Chromium reads; and
    // fixPreferences below for a build that knows neither.
    '--disable-session-crashed-bubble',
    '--hide-crash-restore-bubble',
    '--disable-infobars',
    // Touch as a visitor meets it: touch events on whatever the screen reports, no pinch zoom,
    // no swipe-back.
    '--touch-events=enabled',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    // The attract loop plays films before anyone has touched the screen.
    '--autoplay-policy=no-user-gesture-required',
    // No traffic and no prompts of the browser's own: the kiosk's only network use is its feed.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--check-for-update-interval=31536000',
    `--disable-features=${features.join(',')}`,
    // An auto-login session has no unlocked keyring; without this Chromium asks for its password.
    '--password-store=basic',
    // Lets the launcher hear of a crashed page (the browser lives on, showing "Aw, Snap!").
    '--remote-debugging-pipe',
    ...rest,
    opts.url,
  ];
}

/**
 * The browser to run: `given` if it is an executable file, else `/usr/bin/chromium`, else the first
 * of chromium, chromium-browser, google-chrome, google-chrome-stable on `pathEnv`. Throws a
 * sentence naming everything it looked for.
 */
export function findChromium(opts: {
  given?: string;
  pathEnv?: string;
  isExecutable?: (file: string) => boolean;
}): string {
  const ok = opts.isExecutable ?? isExecutableFile;
  if (opts.given) {
    if (ok(opts.given)) return opts.given;
    throw new Error(`--chromium ${opts.given}: no executable file there`);
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  const dirs = (opts.pathEnv ?? '').split(delimiter).filter(Boolean);
  const candidates = ['/usr/bin/chromium', ...names.flatMap((n) => dirs.map((d) => join(d, n)))];
  const found = candidates.find(ok);
  if (found) return found;
  throw new Error(
    `no Chromium found: looked for /usr/bin/chromium, then ${names.join(', ')} on PATH ` +
      `(${dirs.join(delimiter) || 'empty'}). Install it (Debian: apt install chromium) ` +
      'or name it with --chromium PATH',
  );
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the profile's lock files unless a live Chromium on this machine holds them.
 * `SingletonLock` links to `<host>-<pid>`; Chromium refuses a profile locked by another host
 * ("in use on another computer"), which a renamed machine or a cloned disk image produces, so a
 * lock naming another host counts as stale: this profile belongs to this kiosk alone.
 */
export async function clearStaleLocks(
  profileDir: string,
  opts: { hostname: string; isRunning: (pid: number) => boolean },
): Promise<{ removed: string[]; heldBy?: { host: string; pid: number } }> {
  const target = await readlink(join(profileDir, 'SingletonLock')).catch(() => undefined);
  const m = target ? /^(.+)-(\d+)$/.exec(target) : null;
  if (m && m[1] === opts.hostname && opts.isRunning(Number(m[2])))
    return { removed: [], heldBy: { host: m[1], pid: Number(m[2]) } };
  const removed: string[] = [];
  for (const name of LOCK_FILES) {
    const file = join(profileDir, name);
    // lstat, not stat: the socket and cookie are symlinks whose targets are usually gone.
    if (!(await lstat(file).catch(() => undefined))) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return { removed };
}

/**
 * True when `pid` is a live process that looks like Chromium. After a reboot an old lock's pid may
 * belong to something else entirely, which must not keep the kiosk from starting.
 */
export function isChromiumRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return /chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc to ask: trust that it lives
  }
}

export type PreferencesFix =
  { outcome: 'created' | 'updated' | 'unchanged' } | { outcome: 'unreadable'; reason: string };

/**
 * Marks the last run as a clean exit in `<profile>/Default/Preferences` (`profile.exit_type`
 * "Normal", `profile.exited_cleanly` true), so Chromium offers no "Restore pages?" after a crash or
 * power cut, and turns the translate offer off (`translate.enabled` false). Creates the file on a
 * first run; keeps every other setting; writes through a temporary file and a rename so a power cut
 * cannot leave it half written. A file that is not a JSON object is left for Chromium to deal with.
 */
export async function fixPreferences(profileDir: string): Promise<PreferencesFix> {
  const dir = join(profileDir, 'Default');
  const file = join(dir, 'Preferences');
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      return { outcome: 'unreadable', reason: (e as Error).message };
  }
  let prefs: Record<string, unknown> = {};
  if (text !== undefined) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isObject(parsed)) return { outcome: 'unreadable', reason: 'not a JSON object' };
      prefs = parsed;
    } catch (e) {
      return { outcome: 'unreadable', reason: (e as Error).message };
    }
  }
  const profile = isObject(prefs.profile) ? prefs.profile : {};
  const translate = isObject(prefs.translate) ? prefs.translate : {};
  if (
    text !== undefined &&
    profile.exit_type === 'Normal' &&
    profile.exited_cleanly === true &&
    translate.enabled === false
  )
    return { outcome: 'unchanged' };
  prefs.profile = { ...profile, exit_type: 'Normal', exited_cleanly: true };
  prefs.translate = { ...translate, enabled: false };
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.kiosk-${process.pid}`;
  await writeFile(tmp, JSON.stringify(prefs));
  await rename(tmp, file);
  return { outcome: text === undefined ? 'created' : 'updated' };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Delays before restarting a browser that died, given how long each run lasted. */
export interface Backoff {
  /** The wait before the next start, after a run of `ranMs` milliseconds. */
  next(ranMs: number): number;
}

/**
 * 1 s after the first quick death, doubling to at most 30 s while Chromium keeps dying quickly; a
 * run that lasted 5 minutes or more starts the schedule again at 1 s, since one crash after a good
 * run is news, not a pattern.
 */
export function createBackoff(
  opts: { initialMs?: number; maxMs?: number; resetAfterMs?: number } = {},
): Backoff {
  const initial = opts.initialMs ?? 1000;
  const max = opts.maxMs ?? 30_000;
  const resetAfter = opts.resetAfterMs ?? 5 * 60_000;
  let upcoming = initial;
  return {
    next(ranMs) {
      if (ranMs >= resetAfter) upcoming = initial;
      const delay = upcoming;
      upcoming = Math.min(upcoming * 2, max);
      return delay;
    },
  };
}

/** The command as one line a POSIX shell would read back the same (for `--dry-run` and logs). */
export function shellLine(command: string, args: string[]): string {
  return [command, ...args]
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`))
    .join(' ');
}
