/// <reference lib="webworker" />
/** Service worker: precached app shell for offline boots, and pack objects from Cache Storage with Range. */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { createPartialResponse } from 'workbox-range-requests';
import { OBJECT_CACHE, OBJECT_PATH } from '../feed/object-keys';
import {
  GET_VERSION,
  INSTALL_FAILED,
  SKIP_WAITING,
  type InstallFailureFacts,
  type VersionReply,
} from './messages';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

// The app shell, precached at install. Our own controller (not `precacheAndRoute`) so that a failed
// install can tell the page why before it fails. The embedded pack is precached with the app; its
// films must seek offline too (Range → 206).
const precache = new PrecacheController({ plugins: [new RangeRequestsPlugin()] });
precache.addToCacheList(self.__WB_MANIFEST);
registerRoute(new PrecacheRoute(precache));
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(precache.createHandlerBoundToURL('index.html'), {
    denylist: [/^\/feed\//, /^\/objects\//, /^\/embedded\//],
  }),
);

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && OBJECT_PATH.test(url.pathname),
  async ({ request, url }) => {
    const cache = await caches.open(OBJECT_CACHE);
    const stored = await cache.match(url.pathname);
    if (!stored) return new Response("object not in this kiosk's storage", { status: 404 });
    // The cache holds the full 200; a video's Range request gets a 206 slice of it, so seeking works offline.
    if (request.headers.has('range')) return createPartialResponse(request, stored);
    return stored;
  },
);

// Installing = storing every file of this version. If one cannot be stored (a file missing on a
// half-copied server, storage full), the install fails and the version running now stays; the
// page hears why and tells staff. The first install takes control at once (nothing to disturb
// yet); a later version waits until the page, seeing the kiosk idle, asks it to take over.
self.addEventListener('install', (event) => {
  event.waitUntil(
    precache.install(event).catch(async (error: unknown) => {
      await tellWindows(installFailure(error));
      throw error;
    }),
  );
  if (!self.registration.active) void self.skipWaiting();
});
// Files of the version this one replaces are deleted only now that it is in charge.
self.addEventListener('activate', (event) => void precache.activate(event));
self.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === SKIP_WAITING) void self.skipWaiting();
  if (type === GET_VERSION) {
    const reply: VersionReply = { version: __APP_VERSION__, builtAt: __APP_BUILT_AT__ };
    event.ports[0]?.postMessage(reply);
  }
});
clientsClaim();

/** The facts of an install error that survive `postMessage` (workbox puts url and status in `details`). */
function installFailure(error: unknown): InstallFailureFacts {
  const e = error instanceof Error ? error : new Error(String(error));
  const details = (e as { details?: { url?: unknown; status?: unknown } }).details;
  return {
    type: INSTALL_FAILED,
    version: __APP_VERSION__,
    name: e.name,
    message: e.message,
    ...(typeof details?.url === 'string' ? { url: details.url } : {}),
    ...(typeof details?.status === 'number' ? { status: details.status } : {}),
  };
}

async function tellWindows(message: InstallFailureFacts): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const w of windows) w.postMessage(message);
}
