// Renders every roster portrait (SVG in headless Chromium) to media/demo/portraits/<id>.webp.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR } from './build-content.mjs';
import { launchBrowser, pngToWebp, seededRandom } from './browser.mjs';
import { HEIGHT, WIDTH, portraitSvg } from './portrait-svg.mjs';
import { ROSTER } from './roster.mjs';

const dir = join(OUT_DIR, 'portraits');
mkdirSync(dir, { recursive: true });
// Start clean so a person removed from the roster leaves no stale file behind.
for (const file of readdirSync(dir)) if (file.endsWith('.webp')) rmSync(join(dir, file));

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  let count = 0;
  for (const worker of ROSTER) {
    if (!worker.look) continue;
    // People with a national honour wear a (generic) medal in their portrait.
    const medal = worker.honors.some((h) => h.level === 'national');
    const svg = portraitSvg({ medal, ...worker.look }, seededRandom(worker.id)());
    await page.setContent(`<!doctype html><body style="margin:0;overflow:hidden">${svg}</body>`);
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
    pngToWebp(png, join(dir, `${worker.id}.webp`), 80);
    count++;
  }
  console.log(`portraits: ${count} written to ${dir}`);
} finally {
  await browser.close();
}
