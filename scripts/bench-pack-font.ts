/**
 * Time and size of the pack's font step at a hall's scale: a generated roster of N names (25,000 by
 * default) subset from the default font with an empty cache, then again from the cache, and once more
 * with every generated name redrawn from the 6,763 characters of GB 2312 (far more distinct characters
 * than real names use: the worst case).
 * `tsx scripts/bench-pack-font.ts [--people N]`
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import type { Content } from '../src/content/schema';
import { chooseFont } from '../src/cli/font-choice';
import { contentCharacters, makePackFont } from '../src/cli/font-subset';
import { diskCache } from '../src/cli/media-cache';
import { generatePackSource } from './gen-pack';

const { values } = parseArgs({ options: { people: { type: 'string', default: '25000' } } });
const people = Number(values.people);
const work = await mkdtemp(join(tmpdir(), 'kiosk-font-bench-'));
try {
  const { dir } = await generatePackSource({ people, out: join(work, 'source'), rosterOnly: true });
  const content = JSON.parse(await readFile(join(dir, 'content.json'), 'utf8')) as Content;
  const choice = await chooseFont(dir);

  const run = async (label: string, c: Content, cacheDir: string) => {
    const cpu = process.cpuUsage();
    const font = await makePackFont(choice, c, [], { cache: diskCache(cacheDir) });
    const used = process.cpuUsage(cpu);
    const kb = font.summary.weights.map(([w, b]) => `${w}: ${(b / 1024).toFixed(0)} KiB`);
    console.log(
      `${label}: ${font.summary.characters} characters, ${kb.join(', ')}; ` +
        `${(font.summary.ms / 1000).toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)` +
        `${font.summary.cached ? ', from the cache' : ''}`,
    );
  };
  const names = new Set(content.workers.map((w) => w.name['zh-CN']));
  console.log(
    `${content.workers.length} people, ${names.size} distinct names, ${contentCharacters(content).size} distinct characters in content.json`,
  );
  await run('roster, empty cache', content, join(work, 'cache'));
  await run('roster, unchanged rebuild', content, join(work, 'cache'));

  // The worst case: every generated name drawn from all of GB 2312.
  const gb: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = iconv.decode(Buffer.from([hi, lo]), 'gbk');
      if (/^\p{Script=Han}$/u.test(c)) gb.push(c);
    }
  let seed = 7;
  const next = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const wide = structuredClone(content);
  for (const w of wide.workers)
    if (w.id.startsWith('gen-'))
      w.name['zh-CN'] = Array.from({ length: 3 }, () => gb[Math.floor(next() * gb.length)]).join(
        '',
      );
  await run(`roster with GB 2312 names (${gb.length} characters)`, wide, join(work, 'cache-wide'));
} finally {
  await rm(work, { recursive: true, force: true });
}
