/** Before the browser tests: the production build must exist, and the demo feed is built fresh. */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { buildDemoFeed, DEMO_FEED } from './kiosk';

export default async function globalSetup(): Promise<void> {
  if (!existsSync('dist/index.html') || !existsSync('dist/sw.js')) {
    const r = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
      {
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) throw new Error('vite build failed');
  }
  await rm(DEMO_FEED, { recursive: true, force: true });
  await buildDemoFeed(DEMO_FEED);
}
