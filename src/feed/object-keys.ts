/** Where verified objects live: the Cache Storage name and URL shape shared by the page and the worker. */

export const OBJECT_CACHE = 'kiosk-objects-v1';

/** Matches `/objects/<sha256>` and captures the hash. */
export const OBJECT_PATH = /^\/objects\/([0-9a-f]{64})$/;

/** The same-origin URL the page uses for an object; the service worker answers it from the cache. */
export function objectUrl(sha256: string): string {
  return `/objects/${sha256}`;
}
