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

export function chromiumLaunchOptions() {
  return { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS };
}
