import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QUIET_MODULES, drawQr, qrPixels } from './qr-code';

/** Paints `path` (only the `M x y h w v1 h-w z` squares drawQr makes) into RGBA pixels, `scale` per module. */
function rasterise(units: number, path: string, scale: number): Uint8ClampedArray {
  const size = units * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++)
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const i = (py * size + px) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
  }
  return rgba;
}

describe('take-away QR code', () => {
  it('draws a code a reader decodes to exactly the text', () => {
    for (const url of [
      'https://example.org/people/wang-jianguo',
      'https://example.org/a?b=c&d=%E4%B8%AD#part',
      `https://example.org/${'x'.repeat(300)}`,
    ]) {
      const { units, path } = drawQr(url);
      const scale = 4;
      const decoded = jsQR(rasterise(units, path, scale), units * scale, units * scale);
      expect(decoded?.data).toBe(url);
    }
  });

  it('keeps a quiet zone of four light modules on every side', () => {
    const { units, path } = drawQr('https://example.org/');
    const squares = [...path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => m.slice(1).map(Number));
    expect(Math.min(...squares.map(([x]) => x!))).toBe(QUIET_MODULES);
    expect(Math.min(...squares.map(([, y]) => y!))).toBe(QUIET_MODULES);
    expect(Math.max(...squares.map(([x, , w]) => x! + w!))).toBe(units - QUIET_MODULES);
    expect(Math.max(...squares.map(([, y]) => y! + 1))).toBe(units - QUIET_MODULES);
  });

  it('is drawn at least 168 px, a whole number of px per module', () => {
    for (const units of [29, 33, 37, 45, 65, 85, 185]) {
      const px = qrPixels(units);
      expect(px).toBeGreaterThanOrEqual(168);
      expect(px % units).toBe(0);
      expect(px).toBeLessThan(168 + units);
    }
  });
});
