// Regenerates the whole demo pack source in media/demo (content, portraits, illustrations, videos) and checks it.
//
// Usage: node scripts/demo-media/build-all.mjs            (everything)
//        node scripts/demo-media/build-all.mjs content    (only content.json and pack.json)
// Needs /usr/bin/chromium (or CHROMIUM=...), ffmpeg/ffprobe, ImageMagick `convert`, fonts-noto-cjk.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');

const STEPS = {
  content: ['node', [join(HERE, 'build-content.mjs')]],
  portraits: ['node', [join(HERE, 'portraits.mjs')]],
  illustrations: ['node', [join(HERE, 'illustrations.mjs')]],
  videos: ['node', [join(HERE, 'videos.mjs')]],
  check: ['npx', ['tsx', join(HERE, 'check.ts')]],
};

const wanted = process.argv.slice(2);
const steps = wanted.length ? [...wanted, 'check'] : Object.keys(STEPS);
for (const name of new Set(steps)) {
  const step = STEPS[name];
  if (!step) {
    console.error(`unknown step "${name}"; choose from: ${Object.keys(STEPS).join(', ')}`);
    process.exit(2);
  }
  console.log(`› ${name}`);
  const run = spawnSync(step[0], step[1], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
