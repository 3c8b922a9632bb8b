/**
 * A QR code as one SVG path, made on the kiosk by the `qrcode` library: drawn as vector squares it
 * stays crisp at any size and pixel ratio, and needs no canvas or `{@html}`.
 */
import { create } from 'qrcode';

/** Light modules around the code that scanners need to find it (the standard asks for 4). */
export const QUIET_MODULES = 4;

export interface QrDrawing {
  /** Modules across, quiet zone included: the SVG's viewBox is `0 0 units units`. */
  units: number;
  /** The dark modules, one `M x y h1 v1 h-1 z` square each (runs of a row merged). */
  path: string;
}

/**
 * Pure: the QR code of `text` at error correction M (a smudged screen still scans), the
 * smallest version that holds it.
 */
export function drawQr(text: string): QrDrawing {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      parts.push(
        `M${start + QUIET_MODULES} ${row + QUIET_MODULES}h${col - start}v1h${start - col}z`,
      );
    }
  }
  return { units: n + 2 * QUIET_MODULES, path: parts.join('') };
}

/**
 * Pure: the drawn size in CSS px, at least `minPx`: a whole number of px per module, so each
 * module covers whole device pixels at pixel ratio 1 and 2 (a 4K screen) and edges stay sharp.
 */
export function qrPixels(units: number, minPx = 168): number {
  return units * Math.max(1, Math.ceil(minPx / units));
}
