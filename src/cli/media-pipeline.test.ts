/** Builds of a small source with real photos: portraits made and named in the pack, the cache on rebuild, refused films. */
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../content/schema';
import { buildPack } from './build-pack';
import { keygen, readPrivateKey, readPublicKeyText } from './keys';
import { PORTRAIT_PREFIX } from './media-pipeline';
import { CliProblems } from './problems';
import { verifyFeed } from './verify-feed';

let work: string;
let key: CryptoKey;
let pub: string;
const PEOPLE = 4;

/** A photo of one colour with a face-like patch, `seed` making each distinct; JPEG, tagged with an orientation. */
async function photo(seed: number, width = 900, height = 1200, orientation = 1) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="hsl(${(seed * 67) % 360},35%,45%)"/>
    <ellipse cx="${width / 2}" cy="${height * 0.4}" rx="${width * 0.15}" ry="${height * 0.14}" fill="#e0b090"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withMetadata({ orientation }).toBuffer();
}

/** A source folder of PEOPLE workers, each with a JPEG portrait, and optionally a film. */
async function writeSource(dir: string, film?: Uint8Array): Promise<void> {
  await mkdir(join(dir, 'portraits'), { recursive: true });
  const workers = [];
  for (let i = 0; i < PEOPLE; i++) {
    await writeFile(join(dir, 'portraits', `p${i}.jpg`), await photo(i, 900, 1200, i % 2 ? 6 : 1));
    workers.push({
      id: `p${i}`,
      name: { 'zh-CN': `工人${i}` },
      honors: [
        { title: { 'zh-CN': '劳动模范' }, level: 'municipal', kind: 'model-worker', year: 2020 },
      ],
      employer: { 'zh-CN': '示例厂' },
      portrait: `portraits/p${i}.jpg`,
      ...(film && i === 0
        ? { videos: [{ file: 'videos/f.mp4', title: { 'zh-CN': '影片' } }] }
        : {}),
    });
  }
  if (film) {
    await mkdir(join(dir, 'videos'), { recursive: true });
    await writeFile(join(dir, 'videos', 'f.mp4'), film);
  }
  const content = {
    format: 'kiosk-content/1',
    hall: { name: { 'zh-CN': '测试' }, welcome: { 'zh-CN': '欢迎' } },
    workers,
    walls: [{ id: 'all', title: { 'zh-CN': '全部' }, select: {}, layout: 'grid' }],
    attract: { message: { 'zh-CN': '轻触' } },
  };
  await writeFile(join(dir, 'content.json'), JSON.stringify(content));
  await writeFile(join(dir, 'pack.json'), JSON.stringify({ pack: 'media-test' }));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-media-'));
  const keys = await keygen(join(work, 'keys'));
  key = await readPrivateKey(keys.key);
  pub = await readPublicKeyText(keys.pub);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('media step of pack build', () => {
  it('ships made portraits under derived/, names them in content.json, leaves the originals alone', async () => {
    const src = join(work, 'src-a');
    await writeSource(src);
    const before = await readFile(join(src, 'portraits', 'p1.jpg'));
    const out = join(work, 'feed-a');
    const r = await buildPack({ source: src, out, key });
    expect(r.media).toEqual({ portraits: PEOPLE, asIs: 0, made: PEOPLE, reused: 0 });
    const v = await verifyFeed(out, pub);
    expect(v.problems).toEqual([]);
    const manifest = JSON.parse(
      await readFile(join(out, 'objects', r.index.manifest.sha256), 'utf8'),
    ) as { content: string; files: { path: string; type: string }[] };
    const content = JSON.parse(
      await readFile(join(out, 'objects', manifest.content), 'utf8'),
    ) as Content;
    for (const w of content.workers)
      expect(w.portrait).toMatch(/^derived\/portraits\/\w+\.(webp|avif)$/);
    const paths = manifest.files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith(PORTRAIT_PREFIX))).toHaveLength(PEOPLE);
    expect(paths.some((p) => p.endsWith('.jpg'))).toBe(false);
    expect(await readFile(join(src, 'portraits', 'p1.jpg'))).toEqual(before);
    expect(JSON.parse(await readFile(join(src, 'content.json'), 'utf8')).workers[0].portrait).toBe(
      'portraits/p0.jpg',
    );
  });

  it('takes unchanged photos from the cache on rebuild and makes again only a changed one', async () => {
    const src = join(work, 'src-b');
    await writeSource(src);
    const out = join(work, 'feed-b');
    const first = await buildPack({ source: src, out, key });
    expect(first.media.made).toBe(PEOPLE);
    expect((await readdir(join(src, '.cache', 'pack-media'))).length).toBeGreaterThan(0);

    const again = await buildPack({ source: src, out, key });
    expect(again.media).toEqual({ portraits: PEOPLE, asIs: 0, made: 0, reused: PEOPLE });
    expect(again.unchanged).toBe(true);

    await writeFile(join(src, 'portraits', 'p2.jpg'), await photo(99));
    const changed = await buildPack({ source: src, out, key });
    expect(changed.media).toEqual({ portraits: PEOPLE, asIs: 0, made: 1, reused: PEOPLE - 1 });
    expect(changed.index.version).toBe(first.index.version + 1);
    expect((await verifyFeed(out, pub)).problems).toEqual([]);

    // Without the cache everything is made again, and the pack is the same.
    const fresh = await buildPack({
      source: src,
      out: join(work, 'feed-b2'),
      key,
      cache: false,
      version: changed.index.version,
    });
    expect(fresh.media.made).toBe(PEOPLE);
    expect(fresh.index.manifest).toEqual(changed.index.manifest);
  });

  it('refuses a film the kiosk cannot play, naming the file, the codec found and what is expected', async () => {
    const film = new Uint8Array(await readFile('media/demo/videos/craft-1.mp4'));
    const text = Buffer.from(film).toString('latin1');
    film.set(Buffer.from('hev1'), text.indexOf('avc1', text.indexOf('stsd')));
    const src = join(work, 'src-c');
    await writeSource(src, film);
    const err = await buildPack({ source: src, out: join(work, 'feed-c'), key }).catch((e) => e);
    expect(err).toBeInstanceOf(CliProblems);
    expect((err as CliProblems).lines).toEqual([
      `${join(src, 'videos/f.mp4')}: 影片编码是 HEVC (H.265) (hev1)，展厅的 Chromium 播放不了；请转成 H.264、VP9 或 AV1（例如 MP4 里的 H.264）` +
        " / the film is coded HEVC (H.265) (hev1), which the kiosk's Chromium cannot play; expected H.264, VP9 or AV1 (H.264 in MP4 is safest)",
    ]);
    // The demo's own H.264 film goes through.
    await cp('media/demo/videos/craft-1.mp4', join(src, 'videos', 'f.mp4'));
    const ok = await buildPack({ source: src, out: join(work, 'feed-c'), key });
    // content.json, portraits, film, faces.json + one page, the font's two weights + font.json
    expect(ok.files).toBe(1 + PEOPLE + 1 + 2 + 3);
  });
});
