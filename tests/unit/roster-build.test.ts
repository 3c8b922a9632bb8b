/** Roster import, the short version of `npm run bench -- build --roster 25000`: 2,000 name-only rows build into a pack that verifies. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRosterSource, ROSTER_HEADERS } from '../../scripts/gen-roster';
import { buildPack } from '../../src/cli/build-pack';
import { keygen, readPrivateKey, readPublicKeyText } from '../../src/cli/keys';
import { verifyFeed } from '../../src/cli/verify-feed';
import type { Content } from '../../src/content/schema';
import type { Manifest } from '../../src/feed/format';

const PEOPLE = 2000;
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-roster-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('a roster spreadsheet of name-only people', () => {
  it(`builds ${PEOPLE} rows into a signed pack that pack verify accepts`, async () => {
    const source = join(work, 'source');
    const book = await generateRosterSource({ people: PEOPLE, out: source, seed: 5 });
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(book);
    const sheet = read.getWorksheet('人物')!;
    expect(sheet.actualRowCount).toBe(PEOPLE + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...ROSTER_HEADERS]);

    const keys = await keygen(join(work, 'keys'), 'hall');
    const feed = join(work, 'feed');
    const built = await buildPack({ source, out: feed, key: await readPrivateKey(keys.key) });
    const report = await verifyFeed(feed, await readPublicKeyText(keys.pub));
    expect(report.problems).toEqual([]);
    expect(report.index?.pack).toBe(`roster-${PEOPLE}`);

    // What the kiosk gets: every row a person with a name, one honour, an employer and a region.
    const manifest = JSON.parse(
      await readFile(join(feed, 'objects', built.index.manifest.sha256), 'utf8'),
    ) as Manifest;
    const content = JSON.parse(
      await readFile(join(feed, 'objects', manifest.content), 'utf8'),
    ) as Content;
    expect(content.workers).toHaveLength(PEOPLE);
    expect(new Set(content.workers.map((w) => w.id)).size).toBe(PEOPLE);
    for (const w of content.workers) {
      expect(Object.keys(w).sort()).toEqual(['employer', 'honors', 'id', 'name', 'region']);
      expect(w.honors).toHaveLength(1);
    }
    // Many people, no photographs: the warnings are summed up, not one a row.
    expect(built.warnings.length).toBeLessThan(40);
  }, 300_000);
});
