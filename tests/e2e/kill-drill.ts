/**
 * Kills for scenario 8: a kiosk in a persistent Chromium profile that can be SIGKILLed at a chosen
 * step of an update and relaunched, and hooks that say (and can freeze) where the page is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';

/** Where a hook may freeze the page until it is killed (see `installHooks`). */
export type FreezePoint = 'put-staging' | 'film-check' | 'put-active' | 'committed';

/** Something the page reported: a hook passed (`put-active`…) or `done` (checkNow resolved). */
export interface Mark {
  what: string;
  /** Epoch ms in the page (the same clock as this process). */
  at: number;
}

export interface KillableKiosk {
  context: BrowserContext;
  page: Page;
  /** The browser's main process, leader of its process group. */
  pid: number;
  marks: Mark[];
}

export const VIEWPORT = { width: 1920, height: 1080 };

/**
 * Runs in the page before its own scripts. It reports the pointer writes and the film check of
 * a sync run, and when `window.__killDrill` names the point reached it spins the main thread
 * (up to 20 s) so the kill lands exactly there: IndexedDB cannot commit a transaction whose
 * handler is still running, so a kill at `put-active` is a kill before the activation commits.
 */
function installHooks(): void {
  const w = window as unknown as { __killDrill?: string };
  const mark = (what: string) => console.debug(`kill-drill:${what}:${Date.now()}`);
  const freezeIf = (point: string) => {
    if (w.__killDrill !== point) return;
    mark(`frozen-${point}`);
    const until = performance.now() + 20_000;
    while (performance.now() < until);
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (
    this: IDBObjectStore,
    value: unknown,
    key?: IDBValidKey,
  ) {
    const request = put.call(this, value, key);
    if (key === 'staging' || key === 'active') {
      mark(`put-${key}`);
      if (key === 'active')
        this.transaction.addEventListener('complete', () => {
          mark('committed');
          freezeIf('committed');
        });
      freezeIf(`put-${key}`);
    }
    return request;
  };
  const src = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'src')!;
  Object.defineProperty(HTMLMediaElement.prototype, 'src', {
    ...src,
    set(this: HTMLMediaElement, url: string) {
      // The pre-activation film check loads stored films into a video that is never shown.
      if (String(url).includes('/objects/') && !this.isConnected) {
        mark('film-check');
        freezeIf('film-check');
      }
      src.set!.call(this, url);
    },
  });
}

/** Launches Chromium on `profile` (kept between launches) with the hooks, and opens `url`. */
export async function launchKiosk(profile: string, url: string): Promise<KillableKiosk> {
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    viewport: VIEWPORT,
    hasTouch: true,
    locale: 'zh-CN',
    serviceWorkers: 'allow',
  });
  // tsx (the benchmarks' runner) compiles with esbuild's keepNames, which wraps inner functions
  // in `__name(…)`; functions sent into the page need that helper there too.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await context.addInitScript(installHooks);
  const pid = browserPid(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  const marks: Mark[] = [];
  page.on('console', (m) => {
    const found = /^kill-drill:(.+):(\d+)$/.exec(m.text());
    if (found) marks.push({ what: found[1]!, at: Number(found[2]) });
  });
  await page.goto(url);
  return { context, page, pid, marks };
}

/** The pid of the Chromium this process launched on `profile` (a child of this process). */
function browserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes(`--user-data-dir=${profile}`)) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`no Chromium child of this process runs on ${profile}`);
}

/**
 * SIGKILLs the browser and everything it started (its process group: renderers, GPU, network
 * service) at once, as a power cut would end them, and waits until Playwright has seen it go.
 * Returns the epoch ms of the kill.
 */
export async function killKiosk(kiosk: KillableKiosk): Promise<number> {
  const closed = new Promise<void>((resolve) => kiosk.context.once('close', () => resolve()));
  const at = Date.now();
  try {
    process.kill(-kiosk.pid, 'SIGKILL');
  } catch {
    process.kill(kiosk.pid, 'SIGKILL');
  }
  await closed;
  return at;
}

/** Asks the page to freeze at `point` in the next run (null: never). */
export async function freezeAt(page: Page, point: FreezePoint | null): Promise<void> {
  await page.evaluate((p) => {
    (window as unknown as { __killDrill?: string | null }).__killDrill = p;
  }, point);
}

/** Starts "check now" without waiting; the page marks `done` when it resolves. */
export async function startCheck(page: Page): Promise<void> {
  await page.evaluate(() => {
    void window.kiosk!.checkNow().then(() => console.debug(`kill-drill:done:${Date.now()}`));
  });
}
