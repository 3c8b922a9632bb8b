/** Starts the kiosk: lockdown, service worker, live pack, feed sync, idle clock and the test seam. */
import { loadPack, type LoadedPack } from '../sync/load-pack';
import { readPointers } from '../sync/pointers';
import { logStaff, readStaffLog } from '../sync/staff-log';
import { SyncRunner } from '../sync/sync-runner';
import type { SyncResult } from '../sync/sync-feed';
import { kiosk } from './kiosk.svelte';
import { installLockdown } from './lockdown';
import { loadSettings, usesDemoKey } from './settings';
import { connectServiceWorker } from './sw-bridge';
import { startFrameMeter } from './frame-meter';
import { installTestSeam, locateInDom } from './test-seam';
import { holdWakeLock } from './wake-lock';
import { watchPresence } from './presence';

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

  const quietMs = settings.activateAfterIdleSeconds * 1000;
  // A new app version waiting in the service worker takes over only while nobody is there.
  const presence = watchPresence(settings, (p) => {
    if (p.visitorAway(quietMs)) sw.applyUpdateIfWaiting();
  });
  const onOnline = () => (kiosk.online = navigator.onLine);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOnline);
  disposers.push(() => {
    presence.dispose();
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOnline);
  });

  /** Shows the live pack; if it cannot be loaded, the previous one, so the screen is never blank. */
  const showLivePack = async () => {
    const pack = await loadLivePack();
    if (!pack) return;
    const fresh = kiosk.pack === null;
    const sameVersion = kiosk.pack?.pointer.indexSha === pack.pointer.indexSha;
    kiosk.pack = pack;
    kiosk.bootProblem = null;
    if (fresh || kiosk.scene.name === 'boot') kiosk.go({ name: 'home' });
    else if (!sameVersion) kiosk.reset(); // a new pack: whatever was open may no longer exist
    if (!performance.getEntriesByName('kiosk:home-ready').length)
      performance.mark('kiosk:home-ready');
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
    whenIdle: (signal) => presence.whenAway(quietMs, signal),
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
      wallStats: () => kiosk.wallStats?.() ?? null,
      locate: (id) => {
        for (const locator of kiosk.locators) {
          const rect = locator(id);
          if (rect) return coveredByOverlay(rect) ? null : rect;
        }
        return locateInDom(id);
      },
      checkNow: () => runner.checkNow(),
      log: () => readStaffLog(),
    }),
  );
  return () => disposers.reverse().forEach((d) => d());
}

/** The active pack, else the previous one (logged), else null: a broken pack never blanks the screen. */
async function loadLivePack(): Promise<LoadedPack | null> {
  const pointers = await readPointers().catch(async (e: unknown) => {
    await logStaff(
      'error',
      'storage',
      `the kiosk's database cannot be read: ${(e as Error).message}`,
    );
    return null;
  });
  if (!pointers) return null;
  const { active, previous } = pointers;
  for (const pointer of [active, previous]) {
    if (!pointer) continue;
    try {
      const pack = await loadPack(pointer);
      if (pointer !== active)
        await logStaff(
          'warn',
          'fallback',
          `showing the previous pack, version ${pointer.version}, instead`,
        );
      return pack;
    } catch (e) {
      await logStaff(
        'error',
        'load-failed',
        `pack version ${pointer.version} could not be loaded: ${(e as Error).message}`,
      );
    }
  }
  return null;
}

/** True when an overlay (the idle countdown) lies over the centre of `rect`: a finger would hit it. */
function coveredByOverlay(rect: { x: number; y: number; width: number; height: number }): boolean {
  const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
  return top?.closest('[data-overlay]') != null;
}
