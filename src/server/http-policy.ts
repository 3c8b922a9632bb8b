/** What every server of the kiosk sends with a file: its type, how long it may be cached, and the page's CSP. */
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.sig': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The Content-Type for `path` by extension; pack objects (named by hash) are opaque bytes. */
export function contentType(path: string): string {
  return TYPES[extname(path)] ?? 'application/octet-stream';
}

/** Revalidated on every use: the feed's pointer and the app's entry points must never be stale. */
export const NO_CACHE = 'no-cache';
/** Named by their content (a hash), so a name never changes meaning: cached for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Anything else the app ships under a fixed name (its icon): an hour is harmless. */
export const SHORT = 'public, max-age=3600';

/** An object named by its SHA-256, as a feed (and the app's embedded pack) stores them. */
export const OBJECT_PATH = /(^|\/)objects\/[0-9a-f]{64}$/;
/** Vite's output under `assets/`, every name carrying a content hash. */
export const HASHED_ASSET = /^assets\//;

/**
 * The Cache-Control for a file, given where it lives (`feed` or `app`) and its path inside that
 * folder without a leading slash (`index.json`, `objects/<sha>`, `assets/index-<hash>.js`).
 */
export function cacheControl(area: 'feed' | 'app', rel: string): string {
  if (OBJECT_PATH.test(rel)) return IMMUTABLE;
  // A feed folder holds only its signed index (a pointer that changes) and objects.
  if (area === 'feed') return NO_CACHE;
  if (HASHED_ASSET.test(rel)) return IMMUTABLE;
  if (
    /(^|\/)index\.(html|json(\.sig)?)$/.test(rel) ||
    rel === 'sw.js' ||
    rel.endsWith('.webmanifest')
  )
    return NO_CACHE;
  return SHORT;
}

/** Sent with every answer: browsers must take each file as the type it is served as. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/**
 * The page's Content-Security-Policy, checked against the built app: its scripts are files of
 * its own origin (no inline script, no eval, no WebAssembly); styles need 'unsafe-inline' because
 * Svelte writes `style` attributes; pictures, films and captions come from the origin (the
 * service worker answers `/objects/…` from storage), never from blob: or data: URLs; the one
 * worker is the service worker. `frame-ancestors` can only be sent as a header, not in a meta tag.
 */
const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/**
 * The CSP header for an HTML page of the app. A kiosk built to fetch its feed from another
 * origin (`KIOSK_FEED_URL`) names that origin in its own meta policy's `connect-src`; the header
 * allows the same origins, since a browser enforces both policies and the stricter would win.
 */
export function pagePolicy(html: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  const connect = meta?.[1]
    ?.split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'connect-src');
  const origins = (connect ?? []).filter((s) => /^https?:\/\/[^\s;,']+$/.test(s));
  return APP_POLICY.map((d) =>
    d.startsWith('connect-src') && origins.length ? `${d} ${origins.join(' ')}` : d,
  ).join('; ');
}
