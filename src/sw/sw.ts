/// <reference lib="webworker" />
/** Service worker: precached app shell for offline boots, and pack objects from Cache Storage with Range. */
import { clientsClaim } from 'workbox-core';
import {
  addPlugins,
  createHandlerBoundToURL,
  precacheAndRoute,
  cleanupOutdatedCaches,
} from 'workbox-precaching';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { createPartialResponse } from 'workbox-range-requests';
import { OBJECT_CACHE, OBJECT_PATH } from '../feed/object-keys';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

// The embedded pack is precached with the app; its films must seek offline too (Range → 206).
addPlugins([new RangeRequestsPlugin()]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
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

// The first install takes control at once (nothing to disturb yet). A later version waits until
// the page, seeing the kiosk idle, asks it to take over.
self.addEventListener('install', () => {
  if (!self.registration.active) void self.skipWaiting();
});
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
