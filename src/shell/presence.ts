/** Whether a visitor is at the screen: touches and keys, a film playing, and the idle reset to home. */
import { IdleClock } from './idle-clock';
import { kiosk } from './kiosk.svelte';
import type { Settings } from './settings';

export interface Presence {
  /** True when nobody is using the kiosk: home screen, untouched for `quietMs`, nothing playing. */
  visitorAway(quietMs: number): boolean;
  /** Resolves once `visitorAway(quietMs)` holds; rejects when `signal` aborts. */
  whenAway(quietMs: number, signal: AbortSignal): Promise<void>;
  dispose(): void;
}

/** Starts watching; every 250 ms it updates the idle seconds and countdown, and resets when due. */
export function watchPresence(settings: Settings, onTick: (p: Presence) => void): Presence {
  const clock = new IdleClock(
    settings.idleSeconds * 1000,
    settings.countdownSeconds * 1000,
    Date.now(),
  );
  // A tap that dismisses the countdown must not also press whatever lies under the overlay.
  let swallowClickUntil = 0;
  const touch = () => {
    if (kiosk.countdown !== null) swallowClickUntil = Date.now() + 1000;
    clock.touch(Date.now());
    kiosk.countdown = null;
  };
  const onClick = (e: MouseEvent) => {
    if (Date.now() > swallowClickUntil) return;
    swallowClickUntil = 0;
    e.preventDefault();
    e.stopPropagation();
  };
  // A visitor watching a film touches nothing, yet is there.
  const filmPlaying = () =>
    [...document.querySelectorAll('video')].some((v) => !v.paused && !v.ended);
  const atRest = () => kiosk.scene.name === 'home' || kiosk.scene.name === 'boot';

  const presence: Presence = {
    visitorAway: (quietMs) =>
      atRest() && !filmPlaying() && clock.status(Date.now()).idleMs >= quietMs,
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
    // Nor is a visitor gone while a wall they opened is still loading in front of them.
    if (filmPlaying() || kiosk.busy > 0) clock.touch(Date.now());
    const status = clock.status(Date.now());
    kiosk.idleSeconds = Math.floor(status.idleMs / 1000);
    // Expired: back home, and back to Chinese even if the visitor only changed the language.
    if (status.phase === 'expired' && (!atRest() || kiosk.locale !== 'zh-CN')) kiosk.reset();
    kiosk.countdown = status.phase === 'countdown' && !atRest() ? status.secondsLeft : null;
    onTick(presence);
  }, 250);
  return presence;
}
