/** The page's one link to the service worker: register it, wait for control, take updates when idle. */
import { Workbox } from 'workbox-window';

export interface SwBridge {
  /** Resolves once the worker controls the page (objects are served), or after `timeoutMs`. */
  controlled: Promise<boolean>;
  /** Call when the kiosk is idle: a waiting new app version takes over and the page reloads. */
  applyUpdateIfWaiting(): void;
}

export function connectServiceWorker(timeoutMs = 15_000): SwBridge {
  if (!('serviceWorker' in navigator)) {
    return { controlled: Promise.resolve(false), applyUpdateIfWaiting: () => {} };
  }
  const wb = new Workbox('/sw.js', { scope: '/' });
  let waiting = false;
  wb.addEventListener('waiting', () => (waiting = true));
  wb.addEventListener('controlling', (event) => {
    // A new version took over (after our SKIP_WAITING): reload into it.
    if (event.isUpdate) location.reload();
  });
  const controlled = new Promise<boolean>((resolve) => {
    if (navigator.serviceWorker.controller) return resolve(true);
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), {
      once: true,
    });
    setTimeout(() => resolve(!!navigator.serviceWorker.controller), timeoutMs);
  });
  wb.register().catch((e: unknown) =>
    console.error('[kiosk] service worker registration failed', e),
  );
  return {
    controlled,
    applyUpdateIfWaiting: () => {
      if (waiting) wb.messageSkipWaiting();
    },
  };
}
