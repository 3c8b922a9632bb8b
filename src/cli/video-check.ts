/** Reads a film's video codec and picture size from its container header (MP4 `stsd`, WebM `CodecID`) and says whether a kiosk can play it. */

/** What the header says about the first video track. */
export interface FilmInfo {
  container: 'mp4' | 'webm';
  /** The codec's tag as stored: an MP4 sample entry (`avc1`) or a Matroska CodecID (`V_VP9`). */
  tag: string;
  /** Its common name (H.264, VP9…). */
  codec: string;
  width: number;
  height: number;
}

/** Codecs the kiosk's Chromium plays, by container (Chromium's WebM parser takes only VP8, VP9 and AV1). */
const PLAYABLE: Record<FilmInfo['container'], Record<string, string>> = {
  mp4: { avc1: 'H.264', avc3: 'H.264', vp09: 'VP9', av01: 'AV1', vp08: 'VP8' },
  webm: { V_VP8: 'VP8', V_VP9: 'VP9', V_AV1: 'AV1' },
};
/** Names for codecs found but refused, so staff read "HEVC" rather than a four-letter tag. */
const KNOWN: Record<string, string> = {
  hvc1: 'HEVC (H.265)',
  hev1: 'HEVC (H.265)',
  mp4v: 'MPEG-4 Part 2',
  encv: 'encrypted video',
  'V_MPEG4/ISO/AVC': 'H.264 (not played from WebM)',
  'V_MPEGH/ISO/HEVC': 'HEVC (H.265)',
  V_THEORA: 'Theora',
};
/** Largest picture a kiosk's decoder is asked for: 4K either way up. */
export const MAX_FILM_SIDE = { long: 3840, short: 2160 } as const;
/** Largest film file: the whole file is read once to sign it, and every kiosk keeps it in browser storage. */
export const MAX_FILM_BYTES = 2 * 1024 ** 3 - 1;

const ascii = (b: Uint8Array, at: number, n: number) =>
  String.fromCharCode(...b.subarray(at, Math.min(b.length, at + n)));

/** Reads the header; null when no video track is found (or the bytes are not the container they claim). */
export function readFilmInfo(bytes: Uint8Array, type: string): FilmInfo | null {
  if (type === 'video/mp4') return readMp4(bytes);
  if (type === 'video/webm') return readWebm(bytes);
  return null;
}

/**
 * Null when the film can go in a pack, else why not, in Chinese and English (without the file name).
 * Expected: H.264, VP9 or AV1 (VP8 too: Chromium plays it), at most 3840 × 2160, under 2 GB.
 */
export function filmProblem(bytes: Uint8Array, type: string): string | null {
  const expected = 'H.264、VP9 或 AV1（例如 MP4 里的 H.264）';
  const expectedEn = 'H.264, VP9 or AV1 (H.264 in MP4 is safest)';
  if (bytes.length > MAX_FILM_BYTES)
    return `影片有 ${(bytes.length / 1e9).toFixed(1)} GB，超过 2 GB；请分段或降低码率 / the film is ${(bytes.length / 1e9).toFixed(1)} GB, over 2 GB; split it or lower its bit rate`;
  const info = readFilmInfo(bytes, type);
  if (!info)
    return `在文件头里找不到视频轨；应为 ${expected} / no video track found in the file's header; expected ${expectedEn}`;
  const name = PLAYABLE[info.container][info.tag];
  if (!name) {
    const found = `${KNOWN[info.tag] ?? info.tag} (${info.tag})`;
    return `影片编码是 ${found}，展厅的 Chromium 播放不了；请转成 ${expected} / the film is coded ${found}, which the kiosk's Chromium cannot play; expected ${expectedEn}`;
  }
  const long = Math.max(info.width, info.height);
  const short = Math.min(info.width, info.height);
  if (long > MAX_FILM_SIDE.long || short > MAX_FILM_SIDE.short || !long)
    return `画面 ${info.width}×${info.height} 不合适；应为 1 到 3840×2160（横竖均可）/ the picture is ${info.width}×${info.height}; expected between 1 and 3840×2160 (either way up)`;
  return null;
}

// ---- MP4 (ISO base media): boxes of [size:u32][type:4cc] ([size 1 → u64 after the type], [size 0 → to the end]).

interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

function* boxes(b: Uint8Array, from: number, to: number): Generator<Box> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > to) return;
      size = Number(view.getBigUint64(at + 8));
      body = at + 16;
    } else if (size === 0) size = to - at;
    if (size < body - at || at + size > to) return;
    yield { type: ascii(b, at + 4, 4), start: at, body, end: at + size };
    at += size;
  }
}

const child = (b: Uint8Array, box: Box, type: string, skip = 0) => {
  for (const c of boxes(b, box.body + skip, box.end)) if (c.type === type) return c;
  return null;
};

function readMp4(b: Uint8Array): FilmInfo | null {
  const root: Box = { type: '', start: 0, body: 0, end: b.length };
  const moov = child(b, root, 'moov');
  if (!moov) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (const trak of boxes(b, moov.body, moov.end)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(b, trak, 'mdia');
    const hdlr = mdia && child(b, mdia, 'hdlr');
    // hdlr: version+flags (4), pre_defined (4), handler_type.
    if (!hdlr || ascii(b, hdlr.body + 8, 4) !== 'vide') continue;
    const minf = child(b, mdia, 'minf');
    const stbl = minf && child(b, minf, 'stbl');
    const stsd = stbl && child(b, stbl, 'stsd');
    // stsd: version+flags (4), entry_count (4), then sample entries; a visual one has width, height at 32, 34.
    const entry = stsd && boxes(b, stsd.body + 8, stsd.end).next().value;
    if (!entry || entry.start + 36 > entry.end) continue;
    const tag = entry.type;
    return {
      container: 'mp4',
      tag,
      codec: PLAYABLE.mp4[tag] ?? KNOWN[tag] ?? tag,
      width: view.getUint16(entry.start + 32),
      height: view.getUint16(entry.start + 34),
    };
  }
  return null;
}

// ---- WebM (EBML): elements of [id: vint, marker kept][size: vint, marker dropped; all ones = unknown][data].

const ID = { EBML: 0x1a45dfa3, Segment: 0x18538067, Tracks: 0x1654ae6b, Cluster: 0x1f43b675 };
const TRACK = { Entry: 0xae, Type: 0x83, CodecID: 0x86, Video: 0xe0, Width: 0xb0, Height: 0xba };

interface Element {
  id: number;
  body: number;
  end: number;
}

function vint(b: Uint8Array, at: number, keepMarker: boolean): [value: number, length: number] {
  const first = b[at] ?? 0;
  let len = 1;
  while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
  if (len > 8 || at + len > b.length) return [-1, 1];
  let value = keepMarker ? first : first & (0xff >> len);
  let allOnes = value === 0xff >> len;
  for (let i = 1; i < len; i++) {
    value = value * 256 + b[at + i]!;
    allOnes &&= b[at + i] === 0xff;
  }
  return [!keepMarker && allOnes ? Infinity : value, len];
}

function* elements(b: Uint8Array, from: number, to: number): Generator<Element> {
  let at = from;
  while (at < to) {
    const [id, idLen] = vint(b, at, true);
    const [size, sizeLen] = vint(b, at + idLen, false);
    if (id < 0 || size < 0) return;
    const body = at + idLen + sizeLen;
    const end = size === Infinity ? to : Math.min(to, body + size);
    yield { id, body, end };
    if (size === Infinity) return;
    at = end;
  }
}

const uint = (b: Uint8Array, e: Element) =>
  b.subarray(e.body, e.end).reduce((v, x) => v * 256 + x, 0);

function readWebm(b: Uint8Array): FilmInfo | null {
  for (const top of elements(b, 0, b.length)) {
    if (top.id !== ID.Segment) continue;
    for (const part of elements(b, top.body, top.end)) {
      if (part.id === ID.Cluster) return null; // the tracks come before the first cluster
      if (part.id !== ID.Tracks) continue;
      for (const entry of elements(b, part.body, part.end)) {
        if (entry.id !== TRACK.Entry) continue;
        let type = 0;
        let tag = '';
        let width = 0;
        let height = 0;
        for (const f of elements(b, entry.body, entry.end)) {
          if (f.id === TRACK.Type) type = uint(b, f);
          else if (f.id === TRACK.CodecID)
            tag = ascii(b, f.body, f.end - f.body).replace(/\0+$/, '');
          else if (f.id === TRACK.Video)
            for (const v of elements(b, f.body, f.end)) {
              if (v.id === TRACK.Width) width = uint(b, v);
              else if (v.id === TRACK.Height) height = uint(b, v);
            }
        }
        if (type === 1)
          return {
            container: 'webm',
            tag,
            codec: PLAYABLE.webm[tag] ?? KNOWN[tag] ?? tag,
            width,
            height,
          };
      }
      return null;
    }
  }
  return null;
}
