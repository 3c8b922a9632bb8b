/** The sfnt reads and the WOFF2 writer, checked on Debian's real fonts and against Google's WOFF2 decoder. */
import { readFile } from 'node:fs/promises';
import { convert } from 'fontverter';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { encodeWoff2, extractFace, fontCharacters, fontFaces, fontNames } from './sfnt';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Table tag → bytes, as a decoder rebuilt them (head's whole-file checksum left out: it depends on table order). */
function tables(sfnt: Uint8Array): Map<string, string> {
  const dv = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const out = new Map<string, string>();
  for (let i = 0; i < dv.getUint16(4); i++) {
    const r = 12 + 16 * i;
    const tag = String.fromCharCode(...sfnt.subarray(r, r + 4));
    const body = sfnt.slice(dv.getUint32(r + 8), dv.getUint32(r + 8) + dv.getUint32(r + 12));
    if (tag === 'head') body.fill(0, 8, 12);
    out.set(tag, Buffer.from(body).toString('base64'));
  }
  return out;
}

describe('sfnt', () => {
  it('lists the faces of a collection and takes one out as a font of its own', async () => {
    const ttc = new Uint8Array(await readFile(NOTO));
    const faces = fontFaces(ttc);
    expect(faces.map((f) => f.family)).toContain('Noto Sans CJK SC');
    const sc = faces.find((f) => f.family === 'Noto Sans CJK SC')!;
    expect(sc.weight).toBe(400);
    const otf = extractFace(ttc, sc.offset);
    expect(String.fromCharCode(...otf.subarray(0, 4))).toBe('OTTO');
    expect(fontFaces(otf)).toEqual([{ offset: 0, family: 'Noto Sans CJK SC', weight: 400 }]);
    expect(fontNames(otf).get(13)).toMatch(/SIL Open Font License/);
    const chars = fontCharacters(otf);
    for (const c of '劳模堃喆䶮昇A') expect(chars.has(c.codePointAt(0)!)).toBe(true);
    expect(chars.has(0x1f600)).toBe(false); // no emoji
  });

  for (const [kind, file] of [
    ['CFF (OpenType)', NOTO],
    ['TrueType (glyf/loca)', DEJAVU],
  ] as const)
    it(`writes WOFF2 that Google's decoder turns back into the same ${kind} tables`, async () => {
      const bytes = new Uint8Array(await readFile(file));
      const face = fontFaces(bytes).find((f) => / SC$|DejaVu/.test(f.family))!;
      const subset = new Uint8Array(
        await subsetFont(Buffer.from(extractFace(bytes, face.offset)), '王堃 Ag', {
          targetFormat: 'sfnt',
        }),
      );
      const woff2 = await encodeWoff2(subset);
      expect(String.fromCharCode(...woff2.subarray(0, 4))).toBe('wOF2');
      expect(woff2.length % 4).toBe(0);
      expect(woff2.length).toBeLessThan(subset.length);
      const back = new Uint8Array(await convert(Buffer.from(woff2), 'sfnt'));
      expect(tables(back)).toEqual(tables(subset));
    });
});
