/** The staff CLI as staff run it: a real subprocess on real folders, checking exit codes and messages. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
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

async function source(
  name: string,
  edit?: (content: Record<string, unknown>) => void,
): Promise<string> {
  const dir = join(work, name);
  await cp(FIXTURE, dir, { recursive: true });
  if (edit) {
    const file = join(dir, 'content.json');
    const content = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    edit(content);
    await writeFile(file, JSON.stringify(content));
  }
  return dir;
}

const workersOf = (c: Record<string, unknown>) => c.workers as Record<string, unknown>[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-cli-'));
  const r = await pack('keygen', '--out', join(work, 'keys'), '--name', 'hall');
  expect(r.code).toBe(0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

const key = () => join(work, 'keys', 'hall.key');
const pub = () => join(work, 'keys', 'hall.pub');

describe('pack CLI', () => {
  it('keygen refuses to overwrite an existing key', async () => {
    const r = await pack('keygen', '--out', join(work, 'keys'), '--name', 'hall');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/hall\.key: already exists/);
  });

  it('builds a good source into a signed feed that verifies, content-addressed', async () => {
    const feed = join(work, 'feed-good');
    const built = await pack('build', await source('good'), '--out', feed, '--key', key());
    expect(built.code, built.err).toBe(0);
    // content.json, the portrait, the face atlas the CLI derives (faces.json and one page), and the
    // pack's font (Regular and Bold subsets and font.json).
    expect(built.out).toMatch(/built pack "tiny" version 1: 7 files/);
    const index = JSON.parse(await readFile(join(feed, 'index.json'), 'utf8')) as {
      format: string;
      manifest: { sha256: string };
    };
    expect(index.format).toBe('kiosk-feed/1');
    const objects = await readdir(join(feed, 'objects'));
    expect(objects).toHaveLength(8); // those seven files and the manifest
    expect(objects).toContain(index.manifest.sha256);
    const verified = await pack('verify', feed, '--pub', pub());
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toMatch(/ok: pack "tiny" version 1, 7 files/);
  });

  it('keeps an unchanged rebuild byte for byte and bumps the version of a changed one', async () => {
    const feed = join(work, 'feed-rebuild');
    const dir = await source('rebuild');
    await pack('build', dir, '--out', feed, '--key', key());
    const first = await readFile(join(feed, 'index.json'), 'utf8');
    const again = await pack('build', dir, '--out', feed, '--key', key());
    expect(again.out).toMatch(/left as it was/);
    expect(await readFile(join(feed, 'index.json'), 'utf8')).toBe(first);
    const content = JSON.parse(await readFile(join(dir, 'content.json'), 'utf8')) as {
      hall: { welcome: { 'zh-CN': string } };
    };
    content.hall.welcome['zh-CN'] = '欢迎再次参观';
    await writeFile(join(dir, 'content.json'), JSON.stringify(content));
    const changed = await pack('build', dir, '--out', feed, '--key', key());
    expect(changed.out).toMatch(/version 1 is not newer.*published as 2/);
    expect((await pack('verify', feed, '--pub', pub())).code).toBe(0);
    // pack.json still says 1; an identical rebuild must not climb to 3, 4, … each time.
    const second = await readFile(join(feed, 'index.json'), 'utf8');
    const same = await pack('build', dir, '--out', feed, '--key', key());
    expect(same.out).toMatch(/left as it was/);
    expect(await readFile(join(feed, 'index.json'), 'utf8')).toBe(second);
  });

  it('names the file and field when content breaks the schema, listing every problem', async () => {
    const dir = await source('schema', (c) => {
      const w = workersOf(c)[0]!;
      w.honors = [];
      delete (w.name as Record<string, string>)['zh-CN'];
    });
    const r = await pack('build', dir, '--out', join(work, 'feed-schema'), '--key', key());
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(dir, 'content.json')}: workers[0].name.zh-CN`);
    expect(r.err).toMatch(/workers\[0\]\.honors 至少需要一项荣誉.* \/ needs at least one honour/);
    // A content.json has no rows or 荣誉 sheet: the hint names the fields to write.
    expect(r.err).toContain('在 honors 里添加一项，含 title、level、kind、year');
    expect(r.err).toContain('(add one to honors with title, level, kind and year)');
    expect(r.err).not.toContain('本行');
  });

  it('refuses hostile paths and script-capable file types', async () => {
    const dir = await source('hostile', (c) => {
      workersOf(c)[0]!.portrait = '../../etc/passwd.webp';
    });
    const r = await pack('build', dir, '--out', join(work, 'feed-hostile'), '--key', key());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /workers\[0\]\.portrait 应为素材文件夹里的相对路径.* \/ must be a relative path inside the pack/,
    );
    const svg = await source('svg', (c) => {
      workersOf(c)[0]!.portrait = 'portraits/li.svg';
    });
    const r2 = await pack('build', svg, '--out', join(work, 'feed-svg'), '--key', key());
    expect(r2.err).toMatch(/"portraits\/li\.svg" has a file type the kiosk does not accept/);
  });

  it('names a missing file, an empty file and a file that is not what its name says', async () => {
    const dir = await source('files', (c) => {
      const base = workersOf(c)[0]!;
      c.workers = [
        { ...base, id: 'a', portrait: 'portraits/missing.webp' },
        { ...base, id: 'b', portrait: 'portraits/empty.webp' },
        { ...base, id: 'c', portrait: 'portraits/fake.png' },
      ];
    });
    await writeFile(join(dir, 'portraits', 'empty.webp'), '');
    await writeFile(join(dir, 'portraits', 'fake.png'), 'GIF89a not a png');
    const r = await pack('build', dir, '--out', join(work, 'feed-files'), '--key', key());
    expect(r.code).toBe(1);
    // Each said where content.json names the file, then what is wrong with it.
    const at = (i: number) => `${join(dir, 'content.json')}: workers[${i}].portrait`;
    const file = (name: string) => join(dir, 'portraits', name);
    expect(r.err).toContain(
      `${at(0)} 找不到文件 ${file('missing.webp')} / the file ${file('missing.webp')} is missing`,
    );
    expect(r.err).toContain(
      `${at(1)} 文件 ${file('empty.webp')} 是空的 / the file ${file('empty.webp')} is empty`,
    );
    expect(r.err).toContain(
      `${at(2)} 文件 ${file('fake.png')} 的内容与扩展名不符 / the file ${file('fake.png')} is not a PNG image`,
    );
  });

  it('reports malformed JSON and a bad pack.json with the file named', async () => {
    const dir = await source('json');
    await writeFile(join(dir, 'content.json'), '{ "format": ');
    const r = await pack('build', dir, '--out', join(work, 'feed-json'), '--key', key());
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${join(dir, 'content.json')}: 第 1 行第 13 列 JSON 格式有误：文件在中途结束，缺少一个值（文字要加英文双引号） / not valid JSON: the file ends early; expected a value (text goes in double quotes "…") (line 1, column 13)`,
    );
    await writeFile(join(dir, 'pack.json'), JSON.stringify({ pack: 'Bad Id', version: 0 }));
    const r2 = await pack('build', dir, '--out', join(work, 'feed-json'), '--key', key());
    expect(r2.err).toMatch(/pack\.json: pack 只能用小写字母.* \/ must be a lowercase id/);
    expect(r2.err).toMatch(/pack\.json: version 应不小于 1 \/ must be 1 or more/);
  });

  it('refuses a bad key file', async () => {
    const bad = join(work, 'bad.key');
    await writeFile(bad, 'hello');
    const r = await pack(
      'build',
      await source('badkey'),
      '--out',
      join(work, 'feed-badkey'),
      '--key',
      bad,
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.key: must be a PEM "PRIVATE KEY"/);
  });

  it('verify catches a flipped byte in an object, a tampered index and the wrong key', async () => {
    const feed = join(work, 'feed-tamper');
    await pack('build', await source('tamper'), '--out', feed, '--key', key());
    const index = JSON.parse(await readFile(join(feed, 'index.json'), 'utf8')) as {
      manifest: { sha256: string };
    };
    const objects = (await readdir(join(feed, 'objects'))).filter(
      (o) => o !== index.manifest.sha256,
    );
    const victim = join(feed, 'objects', objects[0]!);
    const bytes = await readFile(victim);
    bytes[bytes.length - 1]! ^= 0xff;
    await writeFile(victim, bytes);
    const r = await pack('verify', feed, '--pub', pub());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/does not match its SHA-256 \(corrupted or swapped\)/);

    const wrongKey = await pack('verify', feed); // the demo key did not sign this feed
    expect(wrongKey.err).toMatch(/index\.json\.sig does not verify/);

    const text = await readFile(join(feed, 'index.json'), 'utf8');
    await writeFile(join(feed, 'index.json'), text.replace('"version": 1', '"version": 9'));
    const tampered = await pack('verify', feed, '--pub', pub());
    expect(tampered.err).toMatch(/does not verify/);
  });

  it('exits 2 with usage for unknown commands and missing arguments', async () => {
    for (const args of [[], ['frobnicate'], ['build'], ['verify'], ['build', 'x', '--bogus']]) {
      const r = await pack(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage:/);
    }
  });
});
