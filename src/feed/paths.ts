/** Rules for file paths inside a pack, enforced by both the CLI and the kiosk (media types: media-types.ts). */

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * True when `path` is a plain relative path: segments of letters, digits, `.`, `_`, `-`
 * joined by `/`. That excludes `..`, absolute paths, backslashes, `%`-encoding and schemes.
 */
export function isSafePackPath(path: string): boolean {
  if (typeof path !== 'string' || path.length === 0 || path.length > 200) return false;
  return path.split('/').every((seg) => SEGMENT.test(seg) && seg !== '.' && !/^\.\.+$/.test(seg));
}
