/** The few OpenType (sfnt) reads and writes the pack's font needs: faces of a collection, names, characters, WOFF2. */
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib } from 'node:zlib';

/** One face of a font file: where its table directory starts and what it calls itself. */
export interface SfntFace {
  /** Byte offset of the face's table directory in the file (0 for a single-face file). */
  offset: number;
  /** Typographic family (name 16), else family (name 1): "Noto Sans CJK SC". */
  family: string;
  /** OS/2 weight class: 400 regular, 700 bold. */
  weight: number;
}

interface Table {
  offset: number;
  length: number;
  checksum: number;
}

const tag = (b: Uint8Array, at: number) =>
  String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** True when `bytes` start like a font this module reads: TrueType, CFF (OTTO) or a collection. */
export function isSfnt(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const sig = tag(bytes, 0);
  return sig === 'OTTO' || sig === 'true' || sig === 'ttcf' || view(bytes).getUint32(0) === 0x10000;
}

function tablesAt(bytes: Uint8Array, offset: number): Map<string, Table> {
  const dv = view(bytes);
  const count = dv.getUint16(offset + 4);
  const tables = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const r = offset + 12 + 16 * i;
    const table = {
      checksum: dv.getUint32(r + 4),
      offset: dv.getUint32(r + 8),
      length: dv.getUint32(r + 12),
    };
    if (table.offset + table.length > bytes.length)
      throw new Error(`table ${tag(bytes, r)} lies past the end of the file`);
    tables.set(tag(bytes, r), table);
  }
  return tables;
}

/** Every face in the file: one for .otf/.ttf, several for a .ttc/.otc collection. */
export function fontFaces(bytes: Uint8Array): SfntFace[] {
  const dv = view(bytes);
  const offsets =
    tag(bytes, 0) === 'ttcf'
      ? Array.from({ length: dv.getUint32(8) }, (_, i) => dv.getUint32(12 + 4 * i))
      : [0];
  return offsets.map((offset) => {
    const tables = tablesAt(bytes, offset);
    const names = readNames(bytes, tables.get('name'));
    const os2 = tables.get('OS/2');
    return {
      offset,
      family: names.get(16) ?? names.get(1) ?? '',
      weight: os2 && os2.length >= 6 ? dv.getUint16(os2.offset + 4) : 400,
    };
  });
}

/** The names a face carries (copyright 0, family 1, licence 13, licence URL 14, typographic family 16…), in English where there is a choice. */
export function fontNames(sfnt: Uint8Array, offset = 0): Map<number, string> {
  return readNames(sfnt, tablesAt(sfnt, offset).get('name'));
}

function readNames(bytes: Uint8Array, table: Table | undefined): Map<number, string> {
  const names = new Map<number, string>();
  if (!table) return names;
  const dv = view(bytes);
  const count = dv.getUint16(table.offset + 2);
  const strings = table.offset + dv.getUint16(table.offset + 4);
  // Windows Unicode US English first, then any Windows Unicode, then Macintosh Roman.
  const rank = (platform: number, encoding: number, language: number) =>
    platform === 3 && (encoding === 1 || encoding === 10)
      ? language === 0x409
        ? 0
        : 1
      : platform === 1 && encoding === 0
        ? 2
        : -1;
  const best = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const r = table.offset + 6 + 12 * i;
    const [platform, encoding, language, id, length, at] = [0, 2, 4, 6, 8, 10].map((k) =>
      dv.getUint16(r + k),
    ) as [number, number, number, number, number, number];
    const score = rank(platform, encoding, language);
    if (score < 0 || (best.get(id) ?? 9) <= score) continue;
    const raw = bytes.subarray(strings + at, strings + at + length);
    let text = '';
    if (platform === 3)
      for (let k = 0; k + 1 < raw.length; k += 2)
        text += String.fromCharCode((raw[k]! << 8) | raw[k + 1]!);
    else text = String.fromCharCode(...raw);
    names.set(id, text);
    best.set(id, score);
  }
  return names;
}

/** A collection's face as a file of its own (the tables copied, offsets made relative to the new file). */
export function extractFace(bytes: Uint8Array, offset: number): Uint8Array {
  if (offset === 0 && tag(bytes, 0) !== 'ttcf') return bytes;
  const tables = [...tablesAt(bytes, offset)].sort(([a], [b]) => (a < b ? -1 : 1));
  const head = 12 + 16 * tables.length;
  const size = tables.reduce((sum, [, t]) => sum + pad4(t.length), head);
  const out = new Uint8Array(size);
  const dv = view(out);
  dv.setUint32(0, view(bytes).getUint32(offset));
  writeSearchFields(dv, tables.length);
  let at = head;
  tables.forEach(([name, t], i) => {
    const r = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[r + k] = name.charCodeAt(k);
    dv.setUint32(r + 4, t.checksum);
    dv.setUint32(r + 8, at);
    dv.setUint32(r + 12, t.length);
    out.set(bytes.subarray(t.offset, t.offset + t.length), at);
    at += pad4(t.length);
  });
  return out;
}

function writeSearchFields(dv: DataView, count: number): void {
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  dv.setUint16(4, count);
  dv.setUint16(6, power * 16);
  dv.setUint16(8, log);
  dv.setUint16(10, count * 16 - power * 16);
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Every character the face maps to a glyph (its cmap: format 12 where present, else format 4). */
export function fontCharacters(sfnt: Uint8Array, offset = 0): Set<number> {
  const cmap = tablesAt(sfnt, offset).get('cmap');
  const chars = new Set<number>();
  if (!cmap) return chars;
  const dv = view(sfnt);
  const count = dv.getUint16(cmap.offset + 2);
  let best: { at: number; format: number } | null = null;
  for (let i = 0; i < count; i++) {
    const r = cmap.offset + 4 + 8 * i;
    const platform = dv.getUint16(r);
    const encoding = dv.getUint16(r + 2);
    const at = cmap.offset + dv.getUint32(r + 4);
    const format = dv.getUint16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format === 4)) best = { at, format };
  }
  if (best?.format === 12) {
    const groups = dv.getUint32(best.at + 12);
    for (let g = 0; g < groups; g++) {
      const r = best.at + 16 + 12 * g;
      const [start, end, glyph] = [dv.getUint32(r), dv.getUint32(r + 4), dv.getUint32(r + 8)];
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) chars.add(c);
    }
  } else if (best) {
    const segs = dv.getUint16(best.at + 6) / 2;
    const ends = best.at + 14;
    const starts = ends + 2 * segs + 2;
    const deltas = starts + 2 * segs;
    const ranges = deltas + 2 * segs;
    for (let s = 0; s < segs; s++) {
      const [start, end] = [dv.getUint16(starts + 2 * s), dv.getUint16(ends + 2 * s)];
      const [delta, range] = [dv.getUint16(deltas + 2 * s), dv.getUint16(ranges + 2 * s)];
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (range === 0) glyph = (c + delta) & 0xffff;
        else {
          const raw = dv.getUint16(ranges + 2 * s + range + 2 * (c - start));
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) chars.add(c);
      }
    }
  }
  return chars;
}

/** Table tags WOFF2 names by a number (W3C WOFF2 §4, "known table tags"); any other is written out. */
const KNOWN_TAGS = (
  'cmap,head,hhea,hmtx,maxp,name,OS/2,post,cvt ,fpgm,glyf,loca,prep,CFF ,VORG,EBDT,EBLC,gasp,hdmx,kern,' +
  'LTSH,PCLT,VDMX,vhea,vmtx,BASE,GDEF,GPOS,GSUB,EBSC,JSTF,MATH,CBDT,CBLC,COLR,CPAL,SVG ,sbix,acnt,avar,' +
  'bdat,bloc,bsln,cvar,fdsc,feat,fmtx,fvar,gvar,hsty,just,lcar,mort,morx,opbd,prop,trak,Zapf,Silf,Glat,' +
  'Gloc,Feat,Sill'
).split(',');

const compress = promisify(brotliCompress);

/**
 * Wraps a single-face sfnt as WOFF2 (W3C WOFF2): every table as it is (the null transform; glyf
 * and loca say so with transform version 3), one Brotli stream. Node's own Brotli, off the main
 * thread, where the wasm encoder blocked for tens of seconds on a large subset.
 */
export async function encodeWoff2(sfnt: Uint8Array, quality = 10): Promise<Uint8Array> {
  const tables = [...tablesAt(sfnt, 0)];
  const directory: number[] = [];
  for (const [name, t] of tables) {
    const known = KNOWN_TAGS.indexOf(name);
    const nullTransform = name === 'glyf' || name === 'loca' ? 0xc0 : 0;
    directory.push((known < 0 ? 63 : known) | nullTransform);
    if (known < 0) for (let k = 0; k < 4; k++) directory.push(name.charCodeAt(k));
    directory.push(...base128(t.length));
  }
  const stream = new Uint8Array(tables.reduce((sum, [, t]) => sum + t.length, 0));
  let at = 0;
  for (const [, t] of tables) {
    stream.set(sfnt.subarray(t.offset, t.offset + t.length), at);
    at += t.length;
  }
  const packed = await compress(stream, {
    params: {
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_FONT,
      [zlib.BROTLI_PARAM_QUALITY]: quality,
      [zlib.BROTLI_PARAM_SIZE_HINT]: stream.length,
    },
  });
  const HEADER = 48;
  const length = pad4(HEADER + directory.length + packed.length);
  const out = new Uint8Array(length);
  const dv = view(out);
  dv.setUint32(0, 0x774f4632); // 'wOF2'
  dv.setUint32(4, view(sfnt).getUint32(0)); // flavour: 0x00010000 or 'OTTO'
  dv.setUint32(8, length);
  dv.setUint16(12, tables.length);
  dv.setUint32(
    16,
    tables.reduce((sum, [, t]) => sum + pad4(t.length), 12 + 16 * tables.length),
  );
  dv.setUint32(20, packed.length);
  dv.setUint16(24, 1); // WOFF major version; metadata and private blocks stay 0
  out.set(directory, HEADER);
  out.set(packed, HEADER + directory.length);
  return out;
}

/** WOFF2's UIntBase128: seven bits a byte, most significant first, the high bit on all but the last. */
function base128(n: number): number[] {
  const bytes = [n & 0x7f];
  for (let rest = Math.floor(n / 128); rest > 0; rest = Math.floor(rest / 128))
    bytes.unshift((rest & 0x7f) | 0x80);
  return bytes;
}
