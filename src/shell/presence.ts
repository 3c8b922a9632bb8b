/**
 * Whether a visitor is at the screen: touches and keys, a film playing, something loading; the
 * idle countdown, the reset, and the attract loop when nobody is there. Monotonic time throughout.
 */
import { IdleClock } from './idle-clock';
import { idleTimes } from './idle-times';
import { kiosk, type Scene } from './kiosk.svelte';
import type { Settings } from './settings';

export interface Presence {
  /** True when nobody is using the kiosk: at rest, untouched for `quietMs`, nothing playing. */
  visitorAway(quietMs: number): boolean;
  /** Resolves once `visitorAway(quietMs)` holds; rejects when `signal` aborts. */
  whenAway(quietMs: number, signal: AbortSignal): Promise<void>;
  dispose(): void;
}

/** Quiet this long before a touch at rest counts as a new visit. */
const SESSION_GAP_MS = 20_000;

/** Screens nobody is using: the kiosk waits there for the next visitor. */
const atRest = (scene: Scene) =>
  scene.name === 'home' ||
  scene.name === 'boot' ||
  scene.name === 'attract' ||
  scene.name === 'closed';

/** Starts watching; every 250 ms it updates the idle seconds and countdown, and resets when due. */
export function watchPresence(
  settings: Settings,
  onTick: (p: Presence) => void,
  now: () => number = () => performance.now(),
): Presence {
  const clock = new IdleClock(settings.idleSeconds * 1000, settings.countdownSeconds * 1000, now());
  // A tap that dismisses the countdown or ends the attract loop must not also press what lies beneath.
  let swallowClickUntil = 0;
  const touch = () => {
    // A touch at rest after a quiet spell is a new visit (for the statistics; nobody is identified).
    const scene = kiosk.scene;
    if (atRest(scene) && scene.name !== 'closed' && clock.status(now()).idleMs > SESSION_GAP_MS)
      kiosk.note('session');
    if (kiosk.countdown !== null || kiosk.scene.name === 'attract')
      swallowClickUntil = now() + 1000;
    clock.touch(now());
    if (kiosk.scene.name === 'attract') {
      kiosk.go({ name: 'home' });
      performance.clearMarks('kiosk:attract-left'); // one mark, however many visitors
      performance.mark('kiosk:attract-left');
    }
    kiosk.setIdle(0, null);
  };
  const onClick = (e: MouseEvent) => {
    if (now() > swallowClickUntil) return;
    swallowClickUntil = 0;
    e.preventDefault();
    e.stopPropagation();
  };

  const presence: Presence = {
    visitorAway: (quietMs) =>
      atRest(kiosk.scene) && !kiosk.filmPlaying && clock.status(now()).idleMs >= quietMs,
    whenAway: (quietMs, signal) =>
      new Promise((resolve, reject) => {
        const poll = setInterval(() => {
          if (signal.aborted) {
            clearInterval(poll);
            reject(signal.reason as Error);
          } else if (presence.visitorAway(quietMs)) {
            clearInterval(poll);
            resolve();
          }
        }, 1000);
      }),
    dispose: () => {
      clearInterval(tick);
      window.removeEventListener('pointerdown', touch, { capture: true });
      window.removeEventListener('keydown', touch, { capture: true });
      window.removeEventListener('click', onClick, { capture: true });
    },
  };

  window.addEventListener('pointerdown', touch, { capture: true });
  window.addEventListener('keydown', touch, { capture: true });
  window.addEventListener('click', onClick, { capture: true });
  const tick = setInterval(() => {
    // Nor is a visitor gone while a film plays or a wall they opened is still loading.
    if (kiosk.filmPlaying || kiosk.busy > 0) clock.touch(now());
    const scene = kiosk.scene;
    // A visitor in elderly mode gets longer: to read, and to notice the countdown.
    const times = idleTimes(settings, scene.name, kiosk.elderly);
    const status = clock.status(now(), times.timeoutMs, times.countdownMs);
    const resting = atRest(scene);
    // Expired: everything a visitor left is cleared, and the screen invites the next one.
    if (status.phase === 'expired' && !['attract', 'boot', 'closed'].includes(scene.name)) {
      if (settings.attract) kiosk.attract();
      else if (!resting || kiosk.locale !== 'zh-CN' || kiosk.elderly) kiosk.reset();
    }
    kiosk.setIdle(
      Math.floor(status.idleMs / 1000),
      status.phase === 'countdown' && !resting ? status.secondsLeft : null,
    );
    onTick(presence);
  }, 250);
  return presence;
}
