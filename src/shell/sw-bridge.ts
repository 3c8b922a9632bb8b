/**
 * The page's one link to the service worker: register it, wait for control, look for new app
 * versions now and then, and let one take over only while the kiosk is idle.
 */
import { messageSW, Workbox } from 'workbox-window';
import { logStaff } from '../storage/staff-log';
import {
  GET_VERSION,
  isInstallFailure,
  type InstallFailureFacts,
  type VersionReply,
} from '../sw/messages';
import {
  checkFailedLine,
  installFailedLine,
  UpdateSchedule,
  type AppLogLine,
  type UpdateTimings,
} from './app-update';
import { appShellStatus, setAppShellStatus } from './app-status';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from './settings';

export interface SwBridge {
  /** Resolves once the worker controls the page (objects are served), or after the time-out. */
  controlled: Promise<boolean>;
  /**
   * Call on every tick while the kiosk is idle (home, nobody touching; boot.ts does so each
   * presence tick). Looks for a new version on a return to idle, and lets a version that waits
   * take over: the page then reloads into it.
   */
  applyUpdateIfWaiting(): void;
  /** Looks for a new version now; an install it finds carries on in the background. */
  checkForUpdate(): Promise<void>;
  dispose(): void;
}

export interface BridgeOptions {
  /** How often to look; from the kiosk's settings (`appCheckSeconds`…) when not given. */
  timings?: UpdateTimings;
  /** How long `controlled` waits for the worker. */
  controlTimeoutMs?: number;
}

setAppShellStatus({ version: __APP_VERSION__, builtAt: __APP_BUILT_AT__ });
const set = setAppShellStatus;
const updateState = () => appShellStatus().update;

/** A worker that was asked to take over and has not after this long is asked again. */
const TAKEOVER_RETRY_MS = 10_000;
/** How long a failing worker's own account of why is awaited once it has turned redundant. */
const FAILURE_WORD_MS = 1_000;

const timingsOf = (s: Pick<Settings, 'appCheckSeconds' | 'appIdleCheckSeconds'>) => ({
  everyMs: s.appCheckSeconds * 1000,
  idleEveryMs: s.appIdleCheckSeconds * 1000,
});

/** Registers `/sw.js` and starts looking for updates; see `SwBridge`. */
export function connectServiceWorker(options: BridgeOptions = {}): SwBridge {
  if (!('serviceWorker' in navigator)) {
    return {
      controlled: Promise.resolve(false),
      applyUpdateIfWaiting: () => {},
      checkForUpdate: async () => {},
      dispose: () => {},
    };
  }
  const container = navigator.serviceWorker;
  const now = () => performance.now();
  const loadedAt = now();
  const wb = new Workbox('/sw.js', { scope: '/' });
  let registration: ServiceWorkerRegistration | undefined;
  let schedule: UpdateSchedule | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let looking: Promise<void> | null = null;
  let takeoverAt = -Infinity;
  let heard: { facts: InstallFailureFacts; at: number } | null = null;
  let disposed = false;
  // A page that loaded under a worker runs that worker's version. When the controller changes
  // after that, a new version took over and its precache no longer holds this page's files:
  // reload into it at once. The first install taking control is no update: nothing to reload.
  let hadController = !!container.controller;
  const log = (line: AppLogLine) => logStaff(line.level, line.code, line.message);

  wb.addEventListener('controlling', () => {
    if (hadController || updateState() === 'taking-over') location.reload();
    hadController = true;
  });
  const onMessage = (event: MessageEvent) => {
    if (isInstallFailure(event.data)) heard = { facts: event.data, at: now() };
  };
  container.addEventListener('message', onMessage);
  container.startMessages();

  const look = (): Promise<void> => {
    if (looking) return looking;
    if (!registration || updateState() === 'taking-over') return Promise.resolve();
    schedule?.checked(now());
    set({ lastCheck: new Date().toISOString() });
    looking = wb
      .update()
      .catch(async (error: unknown) => {
        const line = checkFailedLine(error, __APP_VERSION__);
        if (!line) return console.info('[kiosk] could not look for a new app version', error);
        if (line.level === 'error') {
          schedule?.installed(false);
          set({ update: 'failed' });
        }
        await log(line);
      })
      .finally(() => (looking = null));
    return looking;
  };

  const watched = new WeakSet<ServiceWorker>();
  /** Follows one installing worker to the end: stored and waiting, in charge, or failed. */
  const watchInstall = (sw: ServiceWorker, isUpdate: boolean) => {
    if (watched.has(sw)) return;
    watched.add(sw);
    let installed = false;
    set({ update: 'installing' });
    sw.addEventListener('statechange', () => {
      if (sw.state === 'installed') {
        installed = true;
        if (isUpdate) void announceWaiting(sw);
      } else if (sw.state === 'activated' && updateState() === 'installing') {
        set({ update: 'none' });
      } else if (sw.state === 'redundant' && !installed) {
        // Its own account of why usually comes just before it turns redundant; wait a moment.
        setTimeout(() => void reportFailure(isUpdate), FAILURE_WORD_MS);
      }
    });
  };
  const announceWaiting = async (sw: ServiceWorker) => {
    const next = await versionOf(sw);
    schedule?.installed(true);
    set({ next, ...(updateState() === 'taking-over' ? {} : { update: 'waiting' as const }) });
    await logStaff(
      'info',
      'app-update-ready',
      `app version ${next ?? '(unnamed)'} is downloaded; it takes over from version ${__APP_VERSION__} when nobody is using the kiosk`,
    );
  };
  const reportFailure = async (isUpdate: boolean) => {
    const facts = heard && now() - heard.at < 10_000 ? heard.facts : null;
    heard = null;
    schedule?.installed(false);
    set({ update: 'failed', next: facts?.version ?? null });
    await log(installFailedLine(facts, isUpdate ? __APP_VERSION__ : null));
  };

  const controlled = new Promise<boolean>((resolve) => {
    if (container.controller) return resolve(true);
    container.addEventListener('controllerchange', () => resolve(true), { once: true });
    setTimeout(() => resolve(!!container.controller), options.controlTimeoutMs ?? 15_000);
  });
  const timings = options.timings
    ? Promise.resolve(options.timings)
    : loadSettings().then(timingsOf, () => timingsOf(DEFAULT_SETTINGS));
  void timings.then((t) => {
    if (disposed) return;
    schedule = new UpdateSchedule(t, loadedAt);
    // Looks while a visitor is busy too: the download goes on in the background meanwhile.
    timer = setInterval(
      () => {
        if (schedule?.due(now())) void look();
      },
      Math.min(60_000, t.everyMs / 4),
    );
  });
  wb.register()
    .then((reg) => {
      if (!reg) return;
      registration = reg;
      reg.addEventListener('updatefound', () => {
        if (reg.installing) watchInstall(reg.installing, !!reg.active);
      });
      if (reg.installing) watchInstall(reg.installing, !!reg.active);
      // Stored in an earlier page life and not yet in charge: it takes over at the next idle spell.
      if (reg.waiting) {
        set({ update: 'waiting' });
        void versionOf(reg.waiting).then((next) => set({ next }));
      }
    })
    .catch((e: unknown) => console.error('[kiosk] service worker registration failed', e));

  return {
    controlled,
    applyUpdateIfWaiting: () => {
      if (!registration) return;
      if (schedule?.idleTick(now())) void look();
      if (!registration.waiting || now() - takeoverAt < TAKEOVER_RETRY_MS) return;
      const first = updateState() !== 'taking-over';
      set({ update: 'taking-over' });
      takeoverAt = now();
      void (async () => {
        if (first)
          await logStaff(
            'info',
            'app-updated',
            `app version ${appShellStatus().next ?? '(unnamed)'} takes over from version ${__APP_VERSION__} while nobody is using the kiosk; the screen reloads`,
          );
        wb.messageSkipWaiting();
      })();
    },
    checkForUpdate: look,
    dispose: () => {
      disposed = true;
      clearInterval(timer);
      container.removeEventListener('message', onMessage);
    },
  };
}

/** The version a worker carries, or null when it does not answer (a build from before it could). */
async function versionOf(sw: ServiceWorker): Promise<string | null> {
  const reply = messageSW(sw, { type: GET_VERSION }) as Promise<VersionReply | undefined>;
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000));
  return (await Promise.race([reply, late]))?.version ?? null;
}
