// Shared helpers for the demo-media generators: a headless Chromium and PNG-to-WebP conversion.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

/** The Debian Chromium binary; override with CHROMIUM=/path/to/chrome. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launch a quiet, offline-friendly headless Chromium. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
}

/** Encode a PNG buffer as a WebP file with ImageMagick (`convert`). */
export function pngToWebp(png, outPath, quality = 80) {
  const dir = mkdtempSync(join(tmpdir(), 'demo-media-'));
  try {
    const src = join(dir, 'in.png');
    writeFileSync(src, png);
    execFileSync('convert', [
      src,
      '-strip',
      '-quality',
      String(quality),
      '-define',
      'webp:method=6',
      outPath,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Small deterministic PRNG (mulberry32) so every run draws the same pictures. */
export function seededRandom(seed) {
  let a = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
