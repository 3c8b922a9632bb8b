/**
 * Roster import at a hall's scale: a generated spreadsheet of N name-only honourees (gen-roster) is
 * built into a signed pack and checked as a kiosk checks it; prints the times (goal for 25,000 rows:
 * well under a minute for the build).
 */
import { rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRosterSource } from '../../scripts/gen-roster';
import { buildPack } from '../../src/cli/build-pack';
import { keygen, readPrivateKey, readPublicKeyText } from '../../src/cli/keys';
import { verifyFeed } from '../../src/cli/verify-feed';

const GOAL_SECONDS = 60;
const seconds = (since: number) => (performance.now() - since) / 1000;

/** `npm run bench -- build --roster N [--keep]` */
export async function rosterBuildBench(people: number, keep = false): Promise<void> {
  if (!Number.isInteger(people) || people < 1)
    throw new Error('--roster must be a whole number of people');
  const work = join(tmpdir(), 'kiosk-roster-bench');
  await rm(work, { recursive: true, force: true });
  const source = join(work, 'source');
  const out = join(work, 'feed');
  try {
    let t = performance.now();
    await generateRosterSource({ people, out: source, seed: 1 });
    console.log(
      `source: ${people} honourees in 人物.xlsx (name, honour, year, employer, region; level and kind only where the title does not say them), written in ${seconds(t).toFixed(1)} s`,
    );
    const keys = await keygen(join(work, 'keys'));
    const key = await readPrivateKey(keys.key);

    t = performance.now();
    const r = await buildPack({ source, out, key });
    const build = seconds(t);
    console.log(
      `build (spreadsheet → signed feed): ${build.toFixed(2)} s — pack "${r.index.pack}" version ${r.index.version}, ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB, ${r.warnings.length} warning lines`,
    );
    t = performance.now();
    const report = await verifyFeed(out, await readPublicKeyText(keys.pub));
    if (report.problems.length)
      throw new Error(`the pack does not verify:\n${report.problems.join('\n')}`);
    console.log(
      `verify (as a kiosk checks it): ${seconds(t).toFixed(2)} s — ok, ${report.files} files`,
    );
    console.log(
      `build time ÷ goal (${GOAL_SECONDS} s): ${((build / GOAL_SECONDS) * 100).toFixed(0)} % ${build < GOAL_SECONDS ? 'OK' : 'OVER'}`,
    );
    console.log(
      `machine: ${availableParallelism()} cores, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    if (!keep) await rm(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}
