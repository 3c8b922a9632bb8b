/** The large-pack generator: its sources pass the schema, build into feeds that verify, and hold what benchmarks rely on. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePackSource } from '../../scripts/gen-pack';
import { POLYPHONIC_SURNAMES } from '../../scripts/gen-pack-tables';
import { buildPack } from '../../src/cli/build-pack';
import { readPrivateKey, readPublicKeyText } from '../../src/cli/keys';
import { readSource } from '../../src/cli/source';
import { verifyFeed } from '../../src/cli/verify-feed';
import { HONOR_LEVELS, type Content } from '../../src/content/schema';
import { workersOnWall } from '../../src/content/selectors';

let work: string;
let demo: Content;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-gen-'));
  demo = JSON.parse(await readFile('media/demo/content.json', 'utf8')) as Content;
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function buildAndVerify(dir: string) {
  const key = await readPrivateKey('media/demo/keys/demo.key');
  const feed = `${dir}-feed`;
  const built = await buildPack({ source: dir, out: feed, key });
  const report = await verifyFeed(feed, await readPublicKeyText('media/demo/keys/demo.pub'));
  expect(report.problems).toEqual([]);
  return built;
}

describe('gen-pack', () => {
  it('makes 300 people from the demo: its 40 as they are, 260 generated with demo portraits, a first wall of everyone', async () => {
    const dir = join(work, 'people-300');
    const r = await generatePackSource({ people: 300, out: dir, seed: 7 });
    expect(r).toMatchObject({ pack: 'demo-gen-300', people: 300, withPortrait: 295 });
    const { content } = await readSource(dir);
    expect(content.workers.slice(0, 40)).toEqual(demo.workers);
    const generated = content.workers.slice(40);
    expect(generated.map((w) => w.id)).toEqual(
      Array.from({ length: 260 }, (_, i) => `gen-${String(i + 1).padStart(5, '0')}`),
    );
    expect(generated.every((w) => w.sample && w.portrait?.startsWith('portraits/'))).toBe(true);
    expect(workersOnWall(content, content.walls[0]!)).toHaveLength(300);
    expect(content.walls.slice(1).map((w) => w.id)).toEqual(demo.walls.map((w) => w.id));

    // Names a pinyin search must cope with: every polyphonic surname, two- and three-character names.
    const surnames = new Set(generated.map((w) => w.name['zh-CN'][0]));
    for (const s of POLYPHONIC_SURNAMES) expect(surnames, s).toContain(s);
    expect(generated.find((w) => w.name['zh-CN'].startsWith('单'))!.name.en).toMatch(/^Shan /);
    const lengths = new Set(generated.map((w) => [...w.name['zh-CN']].length));
    expect([...lengths].sort()).toEqual([2, 3]);
    const honours = generated.flatMap((w) => w.honors);
    expect(new Set(honours.map((h) => h.level))).toEqual(new Set(HONOR_LEVELS));
    expect(honours.every((h) => h.year >= 1950 && h.year <= 2025)).toBe(true);

    const built = await buildAndVerify(dir);
    expect(built.atlas).toMatchObject({ faces: 295, pages: 1 });
  });

  it('writes name-only people with --roster-only, and the same pack for the same seed', async () => {
    const a = join(work, 'roster-a');
    await generatePackSource({ people: 300, out: a, rosterOnly: true, seed: 3 });
    const { content } = await readSource(a);
    for (const w of content.workers.slice(40)) {
      expect(Object.keys(w).sort()).toEqual([
        'employer',
        'honors',
        'id',
        'name',
        'region',
        'sample',
      ]);
      expect(w.honors).toHaveLength(1);
    }
    const built = await buildAndVerify(a);
    expect(built.atlas.faces).toBe(35); // only the demo's own portraits

    const b = join(work, 'roster-b');
    await generatePackSource({ people: 300, out: b, rosterOnly: true, seed: 3 });
    const c = join(work, 'roster-c');
    await generatePackSource({ people: 300, out: c, rosterOnly: true, seed: 4 });
    const text = (dir: string) => readFile(join(dir, 'content.json'), 'utf8');
    expect(await text(b)).toBe(await text(a));
    expect(await text(c)).not.toBe(await text(a));
  });

  it('refuses fewer people than the demo already has', async () => {
    await expect(generatePackSource({ people: 10, out: join(work, 'few') })).rejects.toThrow(
      /at least 40/,
    );
  });
});
