/** Starts the kiosk: lockdown, service worker, live pack, feed sync, idle clock and the test seam. */
import { gsap } from 'gsap';
import { DEFAULT_DEADLINES, httpSource } from '../sync/feed-source';
import { loadEmbeddedPack, loadPack, type LoadedPack } from '../sync/load-pack';
import { requestPersistence } from '../storage/pack-storage';
import { VisitStats, toCsv } from '../stats/visit-stats';
import { isOpen } from './day-plan';
import { recordFailedStart } from './quarantine';
import { startWatchdog } from './watchdog';
import { readPointers, rollBack } from '../storage/pointers';
import { logStaff, readStaffLog } from '../storage/staff-log';
import { SyncRunner } from '../sync/sync-runner';
import type { SyncResult } from '../sync/sync-feed';
import { kiosk } from './kiosk.svelte';
import { installLockdown } from './lockdown';
import { installPressFeedback } from './press-feedback';
import { followElderlyMode } from './elderly-look.svelte';
import { loadSettings, usesDemoKey } from './settings';
import { connectServiceWorker } from './sw-bridge';
import { startFrameMeter } from './frame-meter';
import { installTestSeam, locateInDom } from './test-seam';
import { createPackFonts } from './pack-font';
import { provideStaffActions, recordCheck } from './staff-actions';
import { holdWakeLock } from './wake-lock';
import { watchPresence } from './presence';

/** Boots everything and returns one disposer that undoes it all. */
export async function bootKiosk(): Promise<() => void> {
  const disposers: (() => void)[] = [
    installLockdown(),
    holdWakeLock(),
    installPressFeedback(),
    followElderlyMode(),
  ];
  const meter = startFrameMeter();
  disposers.push(meter.dispose);
  const settings = await loadSettings();
  // Before anything is on screen: a hall that chose English never shows a Chinese first frame.
  kiosk.setDefaultLocale(settings.defaultLocale);
  kiosk.setCalm(settings.calmMotion);
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
  // What visitors do, counted anonymously per hour for the staff panel.
  const stats = new VisitStats();
  kiosk.onEvent((event) => stats.count(event));
  disposers.push(() => {
    kiosk.onEvent(null);
    stats.dispose();
  });
  // Self-healing: reload when frames stop or errors repeat, and once a night while nobody is there.
  disposers.push(
    startWatchdog({
      stallMs: settings.watchdogStallSeconds * 1000,
      errorLimit: 5,
      errorWindowMs: 60_000,
      nightlyAt: settings.nightlyReloadAt,
      quiet: () => presence.visitorAway(quietMs),
    }),
  );
  // Opening hours: outside them the closed screen (once nobody has touched for a minute).
  const hoursTick = () => {
    if (isOpen(new Date(), settings.openingHours)) kiosk.open();
    else if (kiosk.scene.name !== 'boot' && (presence.visitorAway(0) || kiosk.idleSeconds >= 60))
      kiosk.close();
  };
  const hoursTimer = setInterval(hoursTick, 15_000);
  disposers.push(() => clearInterval(hoursTimer));
  const onOnline = () => kiosk.setOnline(navigator.onLine);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOnline);
  disposers.push(() => {
    presence.dispose();
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOnline);
  });

  /** Shows the live pack, else the previous one; false when neither can be shown. */
  let liveShown = false;
  // The pack's own CJK font, loaded before its first frame: no name is ever drawn as boxes.
  const packFonts = createPackFonts();
  disposers.push(() => packFonts.dispose());
  const showPack = async (pack: LoadedPack) => {
    if (!(await packFonts.use(pack))) return; // another pack was shown meanwhile
    kiosk.showPack(pack);
    if (!performance.getEntriesByName('kiosk:home-ready').length)
      performance.mark('kiosk:home-ready');
  };
  const showLivePack = async (): Promise<boolean> => {
    const found = await loadLivePack();
    liveShown = found?.isActive ?? false;
    if (found) await showPack(found.pack);
    return found !== null;
  };
  /** Nothing stored can be shown: the pack built into the app, until a feed pack goes live. */
  const showEmbedded = async (why: string, instead = false) => {
    // Any stored pack on screen beats the built-in one, unless it must go (`instead`: withdrawn).
    if (!instead && kiosk.pack && !kiosk.pack.embedded) return;
    try {
      const pack = await loadEmbeddedPack();
      if (!instead && kiosk.pack && !kiosk.pack.embedded) return; // a feed pack arrived meanwhile
      await logStaff(
        'warn',
        'embedded',
        `${why}; showing the pack built into the app until one can be fetched`,
      );
      await showPack(pack);
    } catch (e) {
      await logStaff(
        'error',
        'embedded-failed',
        `the pack built into the app cannot be shown: ${(e as Error).message}`,
      );
      kiosk.setBootProblem(kiosk.bootProblem ?? why);
    }
  };

  // Objects are served by the worker; without it, images and videos of the pack cannot load.
  if (!(await sw.controlled))
    await logStaff(
      'warn',
      'no-service-worker',
      'the service worker is not in control; media may not load',
    );
  void requestPersistence();
  // A screen that fails is logged; a live pack whose screens keep failing is withdrawn.
  kiosk.onSceneFailure((scene, error) => {
    void (async () => {
      await logStaff(
        'error',
        'scene-failed',
        `the ${scene.name} screen failed: ${describe(error)}`,
      );
      const pack = kiosk.pack;
      if (!pack || pack.embedded || !(await recordFailedStart(pack.pointer.indexSha))) return;
      const { withdrawn, live } = await rollBack();
      if (!withdrawn) return;
      await logStaff(
        'error',
        'quarantined',
        `pack version ${withdrawn.version} kept failing (${describe(error)}); it was withdrawn and will not go live again. ${live ? `Version ${live.version} is back on screen.` : 'The pack built into the app is on screen.'} Publish a corrected pack under a higher version.`,
      );
      if (!(await showLivePack()))
        await showEmbedded('the withdrawn pack had no previous version', true);
    })();
  });
  disposers.push(() => kiosk.onSceneFailure(null));
  const hadPack = await showLivePack();
  // Until a pack is shown, the boot screen's words use the embedded pack's font (precached with the app).
  if (!hadPack)
    void loadEmbeddedPack()
      .then((pack) => packFonts.preload(pack))
      .catch(() => {});
  hoursTick();

  const timeoutMs = settings.feedTimeoutSeconds * 1000;
  const runner = new SyncRunner({
    source: httpSource(settings.feedUrl, {
      ...DEFAULT_DEADLINES,
      firstByteMs: timeoutMs,
      stallMs: timeoutMs,
    }),
    publicKey: settings.publicKey,
    liveShown: () => liveShown,
    intervalMs: settings.checkMinutes * 60_000,
    whenIdle: (signal) => presence.whenAway(quietMs, signal),
    onProgress: (p) => kiosk.setProgress(p),
    onResult: async (r: SyncResult) => {
      recordCheck(r); // the staff panel shows the last check, scheduled or not
      if (r.outcome === 'activated') await showLivePack();
      else if (!liveShown && (r.outcome === 'failed' || r.outcome === 'rejected')) {
        kiosk.setBootProblem(r.reason);
        await showEmbedded(`no pack could be fetched from the feed (${r.reason})`);
      }
    },
  });
  runner.start();
  disposers.push(() => runner.dispose());

  // ── Staff panel (issue 7, point 4) ─────────────────────────────────────────────────────────
  // Its actions (check now, import, roll back, show the live pack), the saved default language
  // and the hidden gesture. A rollback that leaves no stored pack shows the built-in one.
  disposers.push(
    provideStaffActions({
      runner,
      showLivePack: async () =>
        (await showLivePack()) ||
        (await showEmbedded('staff rolled back and no previous pack was left', true), false),
      visitStats: () => stats.read(),
      settings,
    }),
  );
  // ── end of the staff panel block ───────────────────────────────────────────────────────────
  // A first boot waits for the feed a while (with progress on screen), never for ever.
  if (!hadPack) {
    const wait = setTimeout(
      () => void showEmbedded('the feed has not delivered a pack yet'),
      Math.max(timeoutMs, 30_000),
    );
    disposers.push(() => clearTimeout(wait));
  }

  disposers.push(
    installTestSeam({
      state: () => ({
        scene: kiosk.scene.name,
        locale: kiosk.locale,
        pack: kiosk.pack
          ? {
              id: kiosk.pack.pointer.pack,
              version: kiosk.pack.pointer.version,
              embedded: kiosk.pack.embedded === true,
            }
          : null,
        idleSeconds: kiosk.idleSeconds,
        sync: kiosk.progress?.phase ?? 'idle',
        fps: meter.fps(),
        online: kiosk.online,
        elderly: kiosk.elderly,
        calm: kiosk.calmMotion,
      }),
      wallStats: () => kiosk.wallStats?.() ?? null,
      // Draggable's own housekeeping timer (it drops its ticker 15 s after the last drag) is
      // GSAP's, shared by every Draggable and gone by itself: not an animation a scene left behind.
      tweens: () =>
        gsap.globalTimeline
          .getChildren(true, true, true)
          .filter((t) => !(t.data === '_draggable' && t.duration() === 0)).length,
      locate: (id) => {
        for (const locator of kiosk.locators) {
          const rect = locator(id);
          if (rect) return coveredByOverlay(rect) ? null : rect;
        }
        return locateInDom(id);
      },
      checkNow: () => runner.checkNow(),
      // ── Offline import (issue 6, point 7): a USB folder's files, a zip, or a folder handle ──
      importFeed: async (chosen) =>
        runner.importFrom((await import('./import-feed')).sourceFromChoice(chosen)),
      // ── end of the offline import block ──
      log: () => readStaffLog(),
      stats: () => stats.read(),
      statsCsv: async () => toCsv(await stats.read()),
    }),
  );
  return () => disposers.reverse().forEach((d) => d());
}

/**
 * The active pack, else the previous one (logged), else null: a broken pack never blanks the
 * screen. `isActive` says whether what is shown is the live pointer's pack. Objects evicted from
 * storage are not looked for here (a listing of thousands at every boot): the boot's first check
 * finds them and fetches them again.
 */
async function loadLivePack(): Promise<{ pack: LoadedPack; isActive: boolean } | null> {
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
      return { pack, isActive: pointer === active };
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

/** An error in a sentence for the staff log. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
