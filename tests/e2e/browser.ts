/** Launch settings for Debian's Chromium (never a downloaded browser), shared by tests and benchmarks. */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--autoplay-policy=no-user-gesture-required',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found)
    throw new Error(
      'Chromium not found: run `npm test` (installs Debian chromium) or set CHROMIUM_PATH',
    );
  return found;
}

/**
 * The browser tests compose the page in software. With SwiftShader composing on the "GPU", the GPU
 * process took ~80 % of the browser's CPU (29 of 37 s for a boot, a wall and a story; 17 s in all
 * without), so a two-core machine spent the tests queued behind frames. WebGL still draws through
 * SwiftShader. Benchmarks keep GPU compositing: the path a kiosk's real GPU takes.
 */
export const TEST_ARGS = [...CHROMIUM_ARGS, '--disable-gpu-compositing'];

/** Launch settings for a browser test (`for: 'bench'`: a benchmark's, composing on the GPU). */
export function chromiumLaunchOptions(use: { for?: 'test' | 'bench' } = {}) {
  const args = use.for === 'bench' ? CHROMIUM_ARGS : TEST_ARGS;
  return { executablePath: chromiumPath(), headless: true, args };
}
