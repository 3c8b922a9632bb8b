/** Keeps Chromium running: starts it, hears when it or its page dies, restarts it after a back-off, stops it on request. */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Readable, Writable } from 'node:stream';
import { createBackoff, type Backoff } from './kiosk-launch';

export interface SuperviseOptions {
  command: string;
  args: string[];
  /** Aborting stops Chromium (SIGTERM, then SIGKILL to its process group) and ends the loop. */
  signal: AbortSignal;
  /** One line per event; the caller adds nothing but output (the time is already in it). */
  log: (line: string) => void;
  /** Run before every start: the profile's lock and preference repairs. */
  beforeStart?: () => Promise<void>;
  backoff?: Backoff;
  /** Monotonic milliseconds, for how long each run lasted. */
  now?: () => number;
  /** Waits `ms`, returning early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Wall clock for the log lines. */
  clock?: () => Date;
  /** How long Chromium gets to close after SIGTERM before its whole group is killed. */
  stopGraceMs?: number;
}

/** How one run ended. */
interface RunEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  pageCrash?: string;
  error?: string;
}

/**
 * Runs Chromium until `signal` aborts, restarting it whenever it exits or its page crashes, after
 * the back-off's delay. Resolves once Chromium has been stopped. Each start and exit is logged with
 * the time, the exit code or signal and how long the run lasted.
 */
export async function superviseChromium(opts: SuperviseOptions): Promise<void> {
  const backoff = opts.backoff ?? createBackoff();
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? abortableSleep;
  const clock = opts.clock ?? (() => new Date());
  const log = (line: string) => opts.log(`${clock().toISOString()} kiosk: ${line}`);
  for (let run = 1; !opts.signal.aborted; run++) {
    await opts.beforeStart?.();
    if (opts.signal.aborted) break;
    const started = now();
    const end = await runOnce(opts, run, log);
    const ran = now() - started;
    if (opts.signal.aborted) {
      log(`Chromium stopped (${describeEnd(end, ran)})`);
      break;
    }
    const delay = backoff.next(ran);
    log(
      `${end.error ? 'Chromium could not start' : 'Chromium exited'} (${describeEnd(end, ran)}); ` +
        `restarting in ${formatSeconds(delay)}`,
    );
    await sleep(delay, opts.signal);
  }
}

function runOnce(
  opts: SuperviseOptions,
  run: number,
  log: (line: string) => void,
): Promise<RunEnd> {
  const watchPage = opts.args.includes('--remote-debugging-pipe');
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      // Its own process group, so stopping it reaches every helper process it started.
      child = spawn(opts.command, opts.args, {
        detached: true,
        stdio: [
          'ignore',
          'inherit',
          'inherit',
          watchPage ? 'pipe' : 'ignore',
          watchPage ? 'pipe' : 'ignore',
        ],
      });
    } catch (e) {
      resolve({ code: null, signal: null, error: (e as Error).message });
      return;
    }
    let pageCrash: string | undefined;
    let stopTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (stopTimer || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM', false);
      stopTimer = setTimeout(
        () => signalGroup(child.pid!, 'SIGKILL', true),
        opts.stopGraceMs ?? 5000,
      );
    };
    const onAbort = () => stop();
    opts.signal.addEventListener('abort', onAbort, { once: true });
    if (child.pid !== undefined) log(`Chromium started (run ${run}, pid ${child.pid})`);
    if (watchPage)
      watchPageCrashes(child, (status) => {
        if (pageCrash || opts.signal.aborted) return;
        pageCrash = status;
        log(`the page crashed (${status}); stopping Chromium to start it again`);
        stop();
      });
    let settled = false;
    const finish = (end: RunEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(stopTimer);
      opts.signal.removeEventListener('abort', onAbort);
      // Helpers that outlived the browser (a hung GPU process) would hold the screen or the profile.
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL', true);
      resolve({ ...end, pageCrash });
    };
    child.once('error', (e) => finish({ code: null, signal: null, error: e.message }));
    child.once('exit', (code, signal) => finish({ code, signal }));
  });
}

/** Sends `sig` to the browser process alone, or to its whole process group; gone is fine. */
function signalGroup(pid: number, sig: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch {
    // Already exited.
  }
}

/**
 * Listens on Chromium's DevTools pipe (fd 3 in, fd 4 out, NUL-terminated JSON) for a crashed page.
 * The browser survives a renderer crash and shows "Aw, Snap!" for good, so the launcher must act.
 */
function watchPageCrashes(child: ChildProcess, onCrash: (status: string) => void): void {
  const toBrowser = child.stdio[3] as Writable | null;
  const fromBrowser = child.stdio[4] as Readable | null;
  if (!toBrowser || !fromBrowser) return;
  // A browser that exits first closes the pipe; a write after that must not crash the launcher.
  toBrowser.on('error', () => {});
  fromBrowser.on('error', () => {});
  const watch = createPageCrashWatch(onCrash);
  fromBrowser.on('data', (chunk: Buffer) => watch.feed(chunk));
  toBrowser.write(
    JSON.stringify({ id: 1, method: 'Target.setDiscoverTargets', params: { discover: true } }) +
      '\0',
  );
}

/**
 * Reads DevTools protocol messages chunk by chunk and calls `onCrash` with the termination status
 * when a *page* target crashes (the browser's own UI pages, such as the omnibox popup, also run in
 * renderers and crash with them; those alone leave the kiosk's page standing).
 */
export function createPageCrashWatch(onCrash: (status: string) => void): {
  feed(chunk: Buffer): void;
} {
  let pending = Buffer.alloc(0);
  const pages = new Set<string>();
  const handle = (text: string) => {
    let msg: { method?: string; params?: Record<string, unknown> };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    const p = msg.params ?? {};
    const info = p.targetInfo as { targetId?: string; type?: string } | undefined;
    if (msg.method === 'Target.targetCreated' || msg.method === 'Target.targetInfoChanged') {
      if (info?.targetId && info.type === 'page') pages.add(info.targetId);
    } else if (msg.method === 'Target.targetDestroyed') {
      pages.delete(String(p.targetId));
    } else if (msg.method === 'Target.targetCrashed' && pages.has(String(p.targetId))) {
      onCrash(String(p.status ?? 'crashed'));
    }
  };
  return {
    feed(chunk) {
      pending = Buffer.concat([pending, chunk]);
      for (let end = pending.indexOf(0); end >= 0; end = pending.indexOf(0)) {
        handle(pending.subarray(0, end).toString('utf8'));
        pending = pending.subarray(end + 1);
      }
    },
  };
}

/** "exit code 3 after 0.2 s", "signal SIGKILL after 2 h…", or the reason it could not start. */
function describeEnd(end: RunEnd, ranMs: number): string {
  if (end.error) return end.error;
  const how = end.signal ? `signal ${end.signal}` : `exit code ${end.code}`;
  const why = end.pageCrash ? `, page crashed: ${end.pageCrash}` : '';
  return `${how} after ${formatSeconds(ranMs)}${why}`;
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s >= 3600) return `${(s / 3600).toFixed(1)} h`;
  if (s >= 120) return `${Math.round(s / 60)} min`;
  return `${s < 10 ? s.toFixed(1).replace(/\.0$/, '') : Math.round(s)} s`;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
