/** The zip feed source on zips made here (fflate, and Info-ZIP's ZIP64 when it is installed): read, found, refused. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError, type FeedSource } from './feed-source';
import { ObjectError } from './verify-object';
import { zipSource } from './zip-source';

const text = (s: string) => new TextEncoder().encode(s);
/** Bytes that deflate well (long runs) and bytes that do not (a pseudo-random walk). */
const plain = text('{"version":1,"pack":"demo"}\n'.repeat(400));
const noisy = new Uint8Array(300_000).map((_, i) => (i * 2654435761) >>> 24);
const signal = new AbortController().signal;

/** A zip of `files`; `[bytes, { level: 0 }]` stores an entry as is, the rest are deflated. */
function makeZip(files: Zippable, name = 'feed.zip'): File {
  return new File([zipSync(files, { level: 6 })], name);
}

async function readAll(source: FeedSource, path: string): Promise<Uint8Array | null> {
  const file = await source.open(path, signal, 0);
  if (!file) return null;
  const chunks: Uint8Array[] = [];
  for await (const chunk of file.body) chunks.push(chunk);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  expect(file.size).toBe(out.length);
  return out;
}

/** Where `needle` first occurs in `hay`. */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('zipSource', () => {
  it('reads stored and deflated entries with their sizes', async () => {
    const source = zipSource(
      makeZip({
        'index.json': plain,
        'objects/aa': [noisy, { level: 0 }],
        'objects/bb': noisy,
      }),
    );
    expect(source.remote).toBe(false);
    expect(source.label).toContain('“feed.zip”');
    expect(await readAll(source, 'index.json')).toEqual(plain);
    expect(await readAll(source, 'objects/aa')).toEqual(noisy);
    expect(await readAll(source, 'objects/bb')).toEqual(noisy);
  });

  it('streams a large entry in chunks instead of unpacking it whole', async () => {
    const big = new Uint8Array(8 * 1024 * 1024).map((_, i) => (i * 7) % 13);
    const file = await zipSource(makeZip({ 'objects/film': big })).open('objects/film', signal, 0);
    let chunks = 0;
    let largest = 0;
    let total = 0;
    for await (const chunk of file!.body) {
      chunks++;
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
    }
    expect(total).toBe(big.length);
    expect(chunks).toBeGreaterThan(8);
    expect(largest).toBeLessThan(big.length / 4);
  });

  it('finds the feed one folder down, and ignores what macOS adds beside it', async () => {
    const source = zipSource(
      makeZip({
        'feed/index.json': plain,
        'feed/objects/aa': [noisy, { level: 0 }],
        '__MACOSX/feed/._index.json': text('resource fork'),
        '__MACOSX/index.json': text('not a feed'),
      }),
    );
    expect(await readAll(source, 'index.json')).toEqual(plain);
    expect(await readAll(source, 'objects/aa')).toEqual(noisy);
  });

  it('answers null for a file the zip does not hold', async () => {
    const source = zipSource(makeZip({ 'feed/index.json': plain }));
    expect(await source.open('objects/missing', signal, 0)).toBeNull();
    expect(await source.open('index.json.sig', signal, 0)).toBeNull();
  });

  it('refuses a truncated zip in words that name it', async () => {
    const whole = zipSync({ 'feed/index.json': plain, 'feed/objects/aa': noisy });
    const source = zipSource(new File([whole.subarray(0, whole.length - 40)], 'cut.zip'));
    const failure = source.open('index.json', signal, 0);
    await expect(failure).rejects.toBeInstanceOf(SourceError);
    await expect(failure).rejects.toThrow(/the zip file “cut\.zip” is incomplete/);
    expect(((await failure.catch((e: unknown) => e)) as SourceError).transient).toBe(false);
  });

  it('refuses an entry cut off inside a zip whose table of contents survived', async () => {
    const whole = zipSync({ 'objects/aa': [noisy, { level: 0 }] });
    const directorySize = new DataView(whole.buffer, whole.length - 22).getUint32(12, true);
    // The first 1000 bytes, then the table of contents and end record, moved up to follow them.
    const tail = whole.subarray(whole.length - 22 - directorySize);
    const cut = new Uint8Array([...whole.subarray(0, 1000), ...tail]);
    new DataView(cut.buffer).setUint32(cut.length - 22 + 16, 1000, true);
    const source = zipSource(new File([cut], 'short.zip'));
    const problem = source.open('objects/aa', signal, 0);
    await expect(problem).rejects.toBeInstanceOf(ObjectError);
    await expect(problem).rejects.toThrow(
      /the zip file “short\.zip” is damaged: “objects\/aa” is cut short/,
    );
  });

  it('names the zip and the entry when deflated data is damaged', async () => {
    const marker = text('MARKER-'.repeat(50));
    const bytes = zipSync({
      'feed/index.json': plain,
      'feed/objects/cc': [new Uint8Array([...marker, ...noisy]), { level: 0 }],
      'feed/objects/dd': noisy,
    });
    // The deflated entry follows the stored one; its first block is made one of the reserved type.
    const stored = indexOfBytes(bytes, marker);
    const deflatedAt = stored + marker.length + noisy.length + 30 + 'feed/objects/dd'.length;
    bytes[deflatedAt] = 0b111; // final block, type 3 (reserved: no valid deflate stream has it)
    const source = zipSource(new File([bytes], 'damaged.zip'));
    const problem = await readAll(source, 'objects/dd').catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(ObjectError);
    expect((problem as Error).message).toMatch(
      /“feed\/objects\/dd” in the zip file “damaged\.zip” (is damaged|unpacks to)/,
    );
    // The others are still read: one damaged entry is that entry's problem alone.
    expect(await readAll(source, 'index.json')).toEqual(plain);
  });

  it('refuses to guess between two feeds in one zip', async () => {
    const source = zipSource(makeZip({ 'a/index.json': plain, 'b/index.json': plain }, 'two.zip'));
    await expect(source.open('index.json', signal, 0)).rejects.toThrow(
      /in the zip file “two\.zip”, several folders hold a feed \(“a”, “b”\)/,
    );
  });

  it('refuses what is no zip at all', async () => {
    const source = zipSource(new File([noisy], 'photo.zip'));
    await expect(source.open('index.json', signal, 0)).rejects.toThrow(
      /“photo\.zip” is incomplete or not a zip/,
    );
  });
});

describe('zipSource on ZIP64', () => {
  const hasZip = spawnSync('zip', ['-v']).status === 0;
  let work = '';
  afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

  it.skipIf(!hasZip)('reads a zip Info-ZIP wrote with ZIP64 records forced (-fz)', async () => {
    work = await mkdtemp(join(tmpdir(), 'zip64-'));
    await mkdir(join(work, 'feed/objects'), { recursive: true });
    await writeFile(join(work, 'feed/index.json'), plain);
    await writeFile(join(work, 'feed/objects/aa'), noisy);
    const made = spawnSync('zip', ['-q', '-fz', '-r', 'feed.zip', 'feed'], { cwd: work });
    expect(made.status).toBe(0);
    const bytes = await readFile(join(work, 'feed.zip'));
    // Really ZIP64: the ZIP64 end record's signature is there.
    expect(indexOfBytes(bytes, new Uint8Array([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    const source = zipSource(new File([bytes], 'feed.zip'));
    expect(await readAll(source, 'index.json')).toEqual(plain);
    expect(await readAll(source, 'objects/aa')).toEqual(noisy);
  });
});
