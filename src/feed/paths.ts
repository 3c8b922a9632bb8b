/** Rules for file paths and media types inside a pack, enforced by both the CLI and the kiosk. */

/** Media types a pack may carry, by file extension. SVG and HTML are left out on purpose: both can run script. */
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  avif: 'image/avif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt',
  json: 'application/json',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  woff2: 'font/woff2',
};

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * True when `path` is a plain relative path: segments of letters, digits, `.`, `_`, `-`
 * joined by `/`. That excludes `..`, absolute paths, backslashes, `%`-encoding and schemes.
 */
export function isSafePackPath(path: string): boolean {
  if (typeof path !== 'string' || path.length === 0 || path.length > 200) return false;
  return path.split('/').every((seg) => SEGMENT.test(seg) && seg !== '.' && !/^\.\.+$/.test(seg));
}

/** The allowed media type for a path, or null when its extension is not allowed. */
export function typeForPath(path: string): string | null {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return Object.hasOwn(ALLOWED_TYPES, ext) ? ALLOWED_TYPES[ext]! : null;
}

/** True when `type` is one of the allowed media types. */
export function isAllowedType(type: string): boolean {
  return Object.values(ALLOWED_TYPES).includes(type);
}
