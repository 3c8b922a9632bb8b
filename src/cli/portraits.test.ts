/** Tests of portrait preparation on real images made with sharp: orientation, crop, sizes, the face kept, the too-small warning. */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  PORTRAIT_ASPECT,
  PORTRAIT_MIN,
  PORTRAIT_SIZE,
  preparePortrait,
  tooSmallWarning,
} from './portraits';

const RED = { r: 220, g: 20, b: 20 };
const BLUE = { r: 20, g: 20, b: 220 };

/** A JPEG of width × height, top half red and bottom half blue, tagged with an EXIF orientation. */
async function halves(width: number, height: number, orientation = 1): Promise<Uint8Array> {
  const half = (c: typeof RED) =>
    sharp({ create: { width, height: height / 2, channels: 3, background: c } })
      .png()
      .toBuffer();
  const jpeg = await sharp({ create: { width, height, channels: 3, background: RED } })
    .composite([{ input: await half(BLUE), top: height / 2, left: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation })
    .toBuffer();
  return new Uint8Array(jpeg);
}

async function pixel(bytes: Uint8Array, x: number, y: number) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! };
}
const near = (a: typeof RED, b: typeof RED) =>
  Math.abs(a.r - b.r) + Math.abs(a.g - b.g) + Math.abs(a.b - b.b) < 60;

describe('preparePortrait', () => {
  it('applies the EXIF orientation: a photo stored on its side comes out upright', async () => {
    // Orientation 6: turn 90° clockwise to view, so the stored top (red) ends on the right.
    const p = await preparePortrait(await halves(1600, 1200, 6));
    expect(p.asIs).toBe(false);
    expect([p.width, p.height]).toEqual([600, 800]);
    expect(near(await pixel(p.bytes, 580, 400), RED)).toBe(true);
    expect(near(await pixel(p.bytes, 20, 400), BLUE)).toBe(true);
    const meta = await sharp(p.bytes).metadata();
    expect(meta.orientation ?? 1).toBe(1);
  });

  it('crops to the card aspect and shrinks to the person page size, never enlarging', async () => {
    for (const [w, h, want] of [
      [3000, 2000, [600, 800]],
      [1200, 1600, [600, 800]],
      [500, 1000, [500, 667]],
    ] as const) {
      const p = await preparePortrait(await halves(w, h));
      expect([p.width, p.height], `${w}×${h}`).toEqual(want);
      expect(Math.abs(p.width / p.height - PORTRAIT_ASPECT)).toBeLessThan(0.01);
      const meta = await sharp(p.bytes).metadata();
      expect([meta.width, meta.height]).toEqual(want);
      expect(p.type === 'image/webp' || p.type === 'image/avif').toBe(true);
      expect(meta.format).toBe(p.type === 'image/webp' ? 'webp' : 'heif');
    }
  });

  it('keeps the face in the crop: a face far right in a wide photo is not cut away', async () => {
    // Grey flat wall, and a face (skin, eyes, hair: detail and skin tone) near the right edge.
    const face = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="800">
      <rect width="1600" height="800" fill="#808080"/>
      <ellipse cx="1300" cy="330" rx="140" ry="180" fill="#e3b48f"/>
      <ellipse cx="1300" cy="170" rx="150" ry="70" fill="#221a14"/>
      <circle cx="1250" cy="320" r="16" fill="#111"/><circle cx="1350" cy="320" r="16" fill="#111"/>
      <rect x="1260" y="420" width="80" height="14" fill="#a04040"/></svg>`);
    const jpeg = new Uint8Array(await sharp(face).jpeg().toBuffer());
    const p = await preparePortrait(jpeg);
    expect([p.width, p.height]).toEqual([600, 800]);
    // The crop (600 px of the 1600 wide photo) holds the face: its middle is skin, not grey wall.
    const mid = await pixel(p.bytes, 300, 330);
    expect(near(mid, { r: 0xe3, g: 0xb4, b: 0x8f })).toBe(true);
  });

  it('ships a WebP that already fits as it is, byte for byte', async () => {
    const bytes = new Uint8Array(await readFile('media/demo/portraits/wang-jianguo.webp'));
    const p = await preparePortrait(bytes);
    expect(p.asIs).toBe(true);
    expect(p.bytes).toBe(bytes);
    expect([p.width, p.height, p.type]).toEqual([480, 640, 'image/webp']);
  });

  it('warns about a photo too small for the person page, naming the file and the size expected', async () => {
    const p = await preparePortrait(await halves(240, 320));
    expect([p.width, p.height]).toEqual([240, 320]);
    const line = tooSmallWarning('src/portraits/li.jpg', p);
    expect(line).toBe(
      'src/portraits/li.jpg: 肖像只有 240×320 像素，在人物页上会发虚；请换一张至少 360×480（最好 600×800 或更大）的照片' +
        ' / the portrait is only 240×320 px and looks soft on the person page; use a photo of at least 360×480 (best 600×800 or larger)',
    );
    const big = await preparePortrait(await halves(PORTRAIT_MIN.width, PORTRAIT_MIN.height));
    expect(tooSmallWarning('x.jpg', big)).toBeNull();
    expect(PORTRAIT_SIZE.width / PORTRAIT_SIZE.height).toBe(PORTRAIT_ASPECT);
  });
});
