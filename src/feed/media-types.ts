/** The media a pack may carry: extension, type, and how its first bytes look. One table for the CLI and the kiosk. */

interface MediaType {
  type: string;
  extensions: readonly string[];
  /** What the file must be, for staff ("a WebP image"). */
  what: string;
  /** True when the first bytes are those of this kind of file (a renamed file is caught). */
  looksRight(bytes: Uint8Array): boolean;
}

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));
const isoBox = (bytes: Uint8Array) => ascii(bytes, 4, 8) === 'ftyp';

/** SVG and HTML are left out on purpose: both can run script. */
export const MEDIA_TYPES: readonly MediaType[] = [
  {
    type: 'image/webp',
    extensions: ['webp'],
    what: 'a WebP image',
    looksRight: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  },
  {
    type: 'image/png',
    extensions: ['png'],
    what: 'a PNG image',
    looksRight: (b) => b[0] === 0x89 && ascii(b, 1, 4) === 'PNG',
  },
  {
    type: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    what: 'a JPEG image',
    looksRight: (b) => b[0] === 0xff && b[1] === 0xd8,
  },
  {
    type: 'image/avif',
    extensions: ['avif'],
    what: 'an AVIF image',
    looksRight: (b) => isoBox(b) && ascii(b, 8, 32).includes('avi'),
  },
  { type: 'video/mp4', extensions: ['mp4'], what: 'an MP4 video', looksRight: isoBox },
  {
    type: 'video/webm',
    extensions: ['webm'],
    what: 'a WebM video',
    looksRight: (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3,
  },
  {
    type: 'text/vtt',
    extensions: ['vtt'],
    what: 'a WebVTT caption file (must start with "WEBVTT")',
    looksRight: (b) =>
      new TextDecoder()
        .decode(b.subarray(0, 9))
        .replace(/^\uFEFF/, '')
        .startsWith('WEBVTT'),
  },
  {
    type: 'application/json',
    extensions: ['json'],
    what: 'a JSON file',
    looksRight: (b) => /^[\s\uFEFF]*[{[]/.test(new TextDecoder().decode(b.subarray(0, 64))),
  },
  {
    type: 'audio/mpeg',
    extensions: ['mp3'],
    what: 'an MP3 audio file',
    looksRight: (b) => ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0),
  },
  { type: 'audio/mp4', extensions: ['m4a'], what: 'an M4A audio file', looksRight: isoBox },
  {
    type: 'font/woff2',
    extensions: ['woff2'],
    what: 'a WOFF2 font',
    looksRight: (b) => ascii(b, 0, 4) === 'wOF2',
  },
];

const BY_EXTENSION = new Map(MEDIA_TYPES.flatMap((m) => m.extensions.map((e) => [e, m] as const)));
const BY_TYPE = new Map(MEDIA_TYPES.map((m) => [m.type, m]));

/** The allowed media type for a path, or null when its extension is not allowed. */
export function typeForPath(path: string): string | null {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return BY_EXTENSION.get(ext)?.type ?? null;
}

/** True when `type` is one of the allowed media types. */
export function isAllowedType(type: string): boolean {
  return BY_TYPE.has(type);
}

/** Null when `bytes` look like `type`, else what the file should have been ("is not a PNG image"). */
export function signatureProblem(bytes: Uint8Array, type: string): string | null {
  const media = BY_TYPE.get(type);
  if (!media) return `is not an allowed media type (${type})`;
  return media.looksRight(bytes) ? null : `is not ${media.what}`;
}
