/** `npm run bench -- <name>`: benchmarks in headless Chromium that print figures and ratios. */
import { attractBench } from './attract';
import { buildBench } from './build';
import { importBench } from './import';
import { killsBench } from './kills';
import { soakBench } from './soak';
import { rosterBench } from './roster';
import { startBench } from './start';
import { tapsBench } from './taps';
import { updateBench } from './update';
import { videoBench } from './video';
import { wallBench } from './wall';

const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  start: startBench,
  roster: rosterBench,
  wall: wallBench,
  update: updateBench,
  import: importBench,
  kills: killsBench,
  attract: attractBench,
  soak: soakBench,
  video: videoBench,
  build: buildBench,
  taps: tapsBench,
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [--runs N]`);
  process.exit(2);
}
await bench(args);
