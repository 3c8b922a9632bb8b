/** Starts the kiosk: lockdown, service worker, live pack, feed sync, idle clock and the test seam. */
import { loadActivePack } from '../sync/load-pack';
import { logStaff, readStaffLog } from '../sync/staff-log';
import { SyncRunner } from '../sync/sync-runner';
import type { SyncResult } from '../sync/sync-feed';
import { IdleClock } from './idle-clock';
import { kiosk } from './kiosk.svelte';
import { installLockdown } from './lockdown';
import { loadSettings, usesDemoKey } from './settings';
import { connectServiceWorker } from './sw-bridge';
import { startFrameMeter } from './frame-meter';
import { installTestSeam, locateInDom } from './test-seam';
import { holdWakeLock } from './wake-lock';

/** Boots everything and returns one disposer that undoes it all. */
export async function bootKiosk(): Promise<() => void> {
  const disposers: (() => void)[] = [installLockdown(), holdWakeLock()];
  const meter = startFrameMeter();
  disposers.push(meter.dispose);
  const settings = await loadSettings();
  const sw = connectServiceWorker();
  if (usesDemoKey(settings) && !(await readStaffLog()).some((e) => e.code === 'demo-key'))
    await logStaff(
      'warn',
      'demo-key',
      'this kiosk trusts the public demo key, so anyone could sign packs for it; build it with your own key before opening to visitors',
    );

  const clock = new IdleClock(
    settings.idleSeconds * 1000,
    settings.countdownSeconds * 1000,
    Date.now(),
  );
  const touch = () => {
    clock.touch(Date.now());
    kiosk.countdown = null;
  };
  window.addEventListener('pointerdown', touch, { capture: true });
  window.addEventListener('keydown', touch, { capture: true });
  const onOnline = () => (kiosk.online = navigator.onLine);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOnline);
  const tick = setInterval(() => {
    const status = clock.status(Date.now());
    kiosk.idleSeconds = Math.floor(status.idleMs / 1000);
    const away = kiosk.scene.name === 'home' || kiosk.scene.name === 'boot';
    if (status.phase === 'expired' && !away) kiosk.reset();
    kiosk.countdown = status.phase === 'countdown' && !away ? status.secondsLeft : null;
    if (status.idleMs >= settings.activateAfterIdleSeconds * 1000) sw.applyUpdateIfWaiting();
  }, 250);
  disposers.push(() => {
    clearInterval(tick);
    window.removeEventListener('pointerdown', touch, { capture: true });
    window.removeEventListener('keydown', touch, { capture: true });
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOnline);
  });

  const showLivePack = async () => {
    try {
      const pack = await loadActivePack();
      if (!pack) return;
      kiosk.pack = pack;
      kiosk.bootProblem = null;
      if (kiosk.scene.name === 'boot' || kiosk.scene.name === 'home') kiosk.go({ name: 'home' });
      if (!performance.getEntriesByName('kiosk:home-ready').length)
        performance.mark('kiosk:home-ready');
      else kiosk.reset();
    } catch (e) {
      await logStaff(
        'error',
        'load-failed',
        `the live pack could not be loaded: ${(e as Error).message}`,
      );
    }
  };

  // Objects are served by the worker; without it, images and videos of the pack cannot load.
  if (!(await sw.controlled))
    await logStaff(
      'warn',
      'no-service-worker',
      'the service worker is not in control; media may not load',
    );
  await showLivePack();

  const runner = new SyncRunner({
    feedUrl: settings.feedUrl,
    publicKey: settings.publicKey,
    intervalMs: settings.checkMinutes * 60_000,
    whenIdle: (signal) => waitUntilIdle(clock, settings.activateAfterIdleSeconds * 1000, signal),
    onProgress: (p) => (kiosk.progress = p),
    onResult: async (r: SyncResult) => {
      if (r.outcome === 'activated') await showLivePack();
      else if (!kiosk.pack && (r.outcome === 'failed' || r.outcome === 'rejected'))
        kiosk.bootProblem = r.reason;
    },
  });
  runner.start();
  disposers.push(() => runner.dispose());

  disposers.push(
    installTestSeam({
      state: () => ({
        scene: kiosk.scene.name,
        locale: kiosk.locale,
        pack: kiosk.pack
          ? { id: kiosk.pack.pointer.pack, version: kiosk.pack.pointer.version }
          : null,
        idleSeconds: kiosk.idleSeconds,
        fps: meter.fps(),
        online: kiosk.online,
      }),
      locate: (id) => {
        for (const locator of kiosk.locators) {
          const rect = locator(id);
          if (rect) return rect;
        }
        return locateInDom(id);
      },
      checkNow: () => runner.checkNow(),
      log: () => readStaffLog(),
    }),
  );
  return () => disposers.reverse().forEach((d) => d());
}

/** Resolves once nobody has touched the screen for `quietMs`. */
function waitUntilIdle(clock: IdleClock, quietMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (signal.aborted) {
        clearInterval(poll);
        reject(signal.reason as Error);
      } else if (clock.status(Date.now()).idleMs >= quietMs) {
        clearInterval(poll);
        resolve();
      }
    }, 1000);
  });
}
