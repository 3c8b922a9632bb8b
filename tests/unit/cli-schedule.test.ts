/** The staff CLI on schedule windows: real subprocesses on real folders, as staff run `npm run pack`. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TSX = join('node_modules', 'tsx', 'dist', 'cli.mjs');
const FIXTURE = join('tests', 'fixtures', 'tiny-source');
let work: string;

function pack(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, 'src/cli/pack.ts', ...args], (error, out, err) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }),
    );
  });
}

type Item = Record<string, unknown>;

/** A copy of the tiny source whose content `edit` changed; returns the folder. */
async function source(name: string, edit: (content: Item) => void): Promise<string> {
  const dir = join(work, name);
  await cp(FIXTURE, dir, { recursive: true });
  const file = join(dir, 'content.json');
  const content = JSON.parse(await readFile(file, 'utf8')) as Item;
  edit(content);
  await writeFile(file, JSON.stringify(content));
  return dir;
}

const workersOf = (c: Item) => c.workers as Item[];
const wallsOf = (c: Item) => c.walls as Item[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-cli-schedule-'));
  expect((await pack('keygen', '--out', join(work, 'keys'), '--name', 'hall')).code).toBe(0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

const build = (dir: string, out: string) =>
  pack('build', dir, '--out', join(work, out), '--key', join(work, 'keys', 'hall.key'));

describe('pack CLI: schedule windows', () => {
  it('builds and verifies a pack whose person and wall carry windows', async () => {
    const dir = await source('good', (c) => {
      const w = workersOf(c)[0]!;
      w.from = '2026-05-01';
      w.until = '2026-05-31T18:00+08:00';
      wallsOf(c)[0]!.until = '2030-12-31';
    });
    const r = await build(dir, 'feed-good');
    expect(r.code, r.err).toBe(0);
    const verified = await pack(
      'verify',
      join(work, 'feed-good'),
      '--pub',
      join(work, 'keys', 'hall.pub'),
    );
    expect(verified.code, verified.err).toBe(0);
  });

  it('names the file, the field and the person when "from" comes after "until"', async () => {
    const dir = await source('order', (c) => {
      const w = workersOf(c)[0]!;
      w.from = '2026-06-01';
      w.until = '2026-05-31';
    });
    const r = await build(dir, 'feed-order');
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${join(dir, 'content.json')}: workers[0].until 应晚于“开始展示”，否则永远不会展示（人物“li-ming”） / must be later than "from" (2026-06-01)`,
    );
    expect(r.err).toMatch(/\(worker "li-ming"\)\n?$/m);
  });

  it('names every value that is not a day or a moment with its offset, and the item it belongs to', async () => {
    const dir = await source('unparseable', (c) => {
      workersOf(c)[0]!.until = '2026-05-01T18:00'; // no offset: a different instant on each kiosk
      wallsOf(c)[0]!.from = '31/05/2026';
    });
    const r = await build(dir, 'feed-unparseable');
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toContain(
      `${join(dir, 'content.json')}: workers[0].until 应为日期（如 2026-05-01）或带时差的时刻（如 2026-05-01T09:00+08:00）（人物“li-ming”） / must be a day like 2026-05-01 or a moment with its UTC offset like 2026-05-01T09:00+08:00 (worker "li-ming")`,
    );
    expect(lines).toContain(
      `${join(dir, 'content.json')}: walls[0].from 应为日期（如 2026-05-01）或带时差的时刻（如 2026-05-01T09:00+08:00）（荣誉墙“all”） / must be a day like 2026-05-01 or a moment with its UTC offset like 2026-05-01T09:00+08:00 (wall "all")`,
    );
  });
});
