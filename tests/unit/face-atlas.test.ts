/** The face atlas the CLI derives at build time, checked by decoding its pages with sharp and comparing each cell with its portrait. */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePackSource } from '../../scripts/gen-pack';
import { buildPack } from '../../src/cli/build-pack';
import {
  FACES_PER_PAGE,
  atlasOrder,
  buildFaceAtlas,
  type FaceAtlas,
} from '../../src/cli/face-atlas';
import { readPrivateKey, readPublicKeyText } from '../../src/cli/keys';
import { CliProblems } from '../../src/cli/problems';
import { readSource, type PackSource } from '../../src/cli/source';
import { verifyFeed } from '../../src/cli/verify-feed';
import { parseContent, type Content } from '../../src/content/schema';
import {
  FACE_CELL,
  FACE_GUTTER,
  FACE_PAGE_MAX,
  FACE_PITCH,
  FACES_PATH,
  parseFacesIndex,
  type FacesIndex,
} from '../../src/feed/faces';

interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-faces-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function decode(bytes: Uint8Array): Promise<Raw> {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return { data, width: info.width, height: info.height };
}

/** RGB of a w×h block of `img` at (x, y), as one flat array. */
function block(img: Raw, x: number, y: number, w = FACE_CELL, h = FACE_CELL): number[] {
  const out: number[] = [];
  for (let r = 0; r < h; r++)
    for (let c = 0; c < w * 3; c++) out.push(img.data[((y + r) * img.width + x) * 3 + c]!);
  return out;
}

const meanAbsDiff = (a: number[], b: number[]) =>
  a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

/** The portrait as an independent sharp pipeline shrinks it: upright, square around its subject, 64 px. */
async function reference(bytes: Uint8Array): Promise<number[]> {
  const img = await decode(
    await sharp(bytes)
      .autoOrient()
      .resize(FACE_CELL, FACE_CELL, { fit: 'cover', position: 'attention' })
      .png()
      .toBuffer(),
  );
  return block(img, 0, 0);
}

function atlasFiles(atlas: FaceAtlas): { index: FacesIndex; pages: Uint8Array[] } {
  const json = atlas.files.find((f) => f.path === FACES_PATH)!;
  const index = parseFacesIndex(json.bytes);
  expect(index, 'faces.json must parse').not.toBeNull();
  const pages = index!.pages.map((p) => atlas.files.find((f) => f.path === p.path)!.bytes);
  return { index: index!, pages };
}

/** Checks faces of `src` (all, or about `sample` spread over the pages) against their portraits: close to their own, far from any other. */
async function expectFacesMatchPortraits(src: PackSource, atlas: FaceAtlas, sample = Infinity) {
  const { index, pages } = atlasFiles(atlas);
  const decoded = await Promise.all(pages.map(decode));
  decoded.forEach((img, p) => {
    expect([img.width, img.height]).toEqual([index.pages[p]!.width, index.pages[p]!.height]);
  });
  const bytesOf = new Map(src.files.map((f) => [f.path, f.bytes]));
  const refs = new Map<string, number[]>();
  for (const path of new Set(atlasOrder(src.content).map((w) => w.portrait!)))
    refs.set(path, await reference(bytesOf.get(path)!));
  const everyone = atlasOrder(src.content);
  const stride = Math.max(1, Math.ceil(everyone.length / sample));
  for (const w of everyone.filter((_, i) => i % stride === 0)) {
    const [page, x, y] = index.faces[w.id]!;
    const cell = block(decoded[page]!, x, y);
    const own = meanAbsDiff(cell, refs.get(w.portrait!)!);
    // WebP at quality 82 leaves 3–5 levels of difference; the nearest other demo portrait is 5.3 away or more.
    expect(own, `${w.id}: cell differs from its portrait`).toBeLessThan(6);
    for (const [path, ref] of refs)
      if (!Buffer.from(bytesOf.get(path)!).equals(Buffer.from(bytesOf.get(w.portrait!)!)))
        expect(meanAbsDiff(cell, ref), `${w.id} looks like ${path}`).toBeGreaterThan(own * 1.5);
  }
}

describe('face atlas', () => {
  it('puts each demo portrait, shrunk, into its cell, in wall order, with faces.json to find it', async () => {
    const src = await readSource('media/demo');
    const atlas = await buildFaceAtlas(src.content, src.files);
    expect(atlas).toMatchObject({ faces: 35, pages: 1, decoded: 35 });
    const { index, pages } = atlasFiles(atlas);
    // Everyone-wall order (honour level, year, id), portraits only.
    expect(Object.keys(index.faces)).toEqual(atlasOrder(src.content).map((w) => w.id));
    for (const w of src.content.workers)
      expect(Object.hasOwn(index.faces, w.id), w.id).toBe(w.portrait !== undefined);
    expect(index.pages[0]).toEqual({
      path: 'derived/faces-0.webp',
      width: Math.floor(FACE_PAGE_MAX / FACE_PITCH) * FACE_PITCH,
      height: 2 * FACE_PITCH,
    });
    await expectFacesMatchPortraits(src, atlas);

    // The gutter repeats the cell's own edge, so a filtered sample at the border never picks up a neighbour.
    const page = await decode(pages[0]!);
    const [, x, y] = index.faces[atlasOrder(src.content)[1]!.id]!;
    expect(meanAbsDiff(block(page, x - 1, y, 1), block(page, x, y, 1))).toBeLessThan(8);
    const right = x + FACE_CELL;
    expect(meanAbsDiff(block(page, right, y, 1), block(page, right - 1, y, 1))).toBeLessThan(8);

    // Same source, same bytes: a rebuild must be able to say "unchanged".
    const again = await buildFaceAtlas(src.content, src.files);
    expect(again.files.map((f) => Buffer.from(f.bytes))).toEqual(
      atlas.files.map((f) => Buffer.from(f.bytes)),
    );
  });

  it('turns a portrait upright by EXIF, decodes identical bytes once, and skips withdrawn and faceless people', async () => {
    // Stored sideways (left red, right blue) with orientation 6: shown upright it is red on top, blue below.
    const sideways = await sharp(
      Buffer.concat(
        Array.from({ length: 200 }, () =>
          Buffer.concat([
            Buffer.alloc(300, Buffer.from([220, 20, 20])),
            Buffer.alloc(300, Buffer.from([20, 20, 220])),
          ]),
        ),
      ),
      { raw: { width: 200, height: 200, channels: 3 } },
    )
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const honour = { title: { 'zh-CN': '市劳动模范' }, level: 'municipal', kind: 'model-worker' };
    const worker = (id: string, year: number, extra: object) => ({
      id,
      name: { 'zh-CN': id },
      honors: [{ ...honour, year }],
      employer: { 'zh-CN': '厂' },
      ...extra,
    });
    const parsed = parseContent({
      format: 'kiosk-content/1',
      hall: { name: { 'zh-CN': '馆' }, welcome: { 'zh-CN': '欢迎' } },
      workers: [
        worker('a', 2001, { portrait: 'portraits/turned.jpg' }),
        worker('b', 2003, { portrait: 'portraits/copy.jpg' }),
        worker('c', 2002, { portrait: 'portraits/turned.jpg' }),
        worker('d', 2004, { portrait: 'portraits/turned.jpg', withdrawn: true }),
        worker('e', 2005, {}),
      ],
      walls: [{ id: 'all', title: { 'zh-CN': '全部' }, select: {}, layout: 'grid' }],
      attract: { message: { 'zh-CN': '轻触' } },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const files = ['portraits/turned.jpg', 'portraits/copy.jpg'].map((path) => ({
      path,
      bytes: new Uint8Array(sideways),
      type: 'image/jpeg',
    }));
    const atlas = await buildFaceAtlas(parsed.content, files);
    expect(atlas).toMatchObject({ faces: 3, pages: 1, decoded: 1 });
    const { index, pages } = atlasFiles(atlas);
    expect(Object.keys(index.faces)).toEqual(['b', 'c', 'a']); // most recent first
    const page = await decode(pages[0]!);
    expect(index.pages[0]).toMatchObject({ width: 3 * FACE_PITCH, height: FACE_PITCH });
    for (const id of ['a', 'b', 'c']) {
      const [, x, y] = index.faces[id]!;
      /** Summed red and blue of an 8-row band starting `row` rows into the face. */
      const redBlue = (row: number): [number, number] => {
        const px = block(page, x + 8, y + row, FACE_CELL - 16, 8);
        const sum = (c: number) => px.filter((_, i) => i % 3 === c).reduce((s, v) => s + v, 0);
        return [sum(0), sum(2)];
      };
      const [topR, topB] = redBlue(4);
      const [bottomR, bottomB] = redBlue(FACE_CELL - 12);
      expect(topR, `${id}: top is red`).toBeGreaterThan(topB * 3);
      expect(bottomB, `${id}: bottom is blue`).toBeGreaterThan(bottomR * 3);
    }
  });

  it('fills a page, then starts another only as tall as its rows', async () => {
    const dir = join(work, 'gen-1000');
    await generatePackSource({ people: 1000, out: dir });
    const src = await readSource(dir);
    const atlas = await buildFaceAtlas(src.content, src.files);
    const faces = atlasOrder(src.content).length;
    expect(faces).toBeGreaterThan(FACES_PER_PAGE);
    expect(atlas).toMatchObject({ faces, pages: 2, decoded: 35 });
    const { index } = atlasFiles(atlas);
    const perRow = Math.floor(FACE_PAGE_MAX / FACE_PITCH);
    expect(index.pages.map((p) => [p.width, p.height])).toEqual([
      [perRow * FACE_PITCH, perRow * FACE_PITCH],
      [perRow * FACE_PITCH, Math.ceil((faces - FACES_PER_PAGE) / perRow) * FACE_PITCH],
    ]);
    // The first face of page 1 sits one gutter in from the corner.
    const first = atlasOrder(src.content)[FACES_PER_PAGE]!;
    expect(index.faces[first.id]).toEqual([1, FACE_GUTTER, FACE_GUTTER]);
    await expectFacesMatchPortraits(src, atlas, 60);
  }, 60_000);

  it('ships the atlas in a feed that pack verify accepts, and refuses a source with its own derived/ files', async () => {
    const key = await readPrivateKey('media/demo/keys/demo.key');
    const pub = await readPublicKeyText('media/demo/keys/demo.pub');
    const dir = join(work, 'tiny');
    await cp(join('tests', 'fixtures', 'tiny-source'), dir, { recursive: true });
    const feed = join(work, 'feed-tiny');
    const built = await buildPack({ source: dir, out: feed, key });
    expect(built.atlas).toMatchObject({ faces: 1, pages: 1 });
    const report = await verifyFeed(feed, pub);
    expect(report.problems).toEqual([]);
    expect(report.files).toBe(7); // content.json, portrait, faces.json + page, font (2 weights + font.json)

    await mkdir(join(dir, 'derived'));
    await writeFile(join(dir, 'derived', 'faces.json'), '{}');
    const content = JSON.parse(await readFile(join(dir, 'content.json'), 'utf8')) as Content;
    content.workers[0]!.portrait = 'derived/li.webp';
    await writeFile(join(dir, 'content.json'), JSON.stringify(content));
    await cp(join(dir, 'portraits', 'li.webp'), join(dir, 'derived', 'li.webp'));
    const refused = await buildPack({ source: dir, out: join(work, 'feed-derived'), key }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(CliProblems);
    expect((refused as CliProblems).lines).toEqual([
      `${join(dir, 'derived', 'faces.json')}: derived/ is reserved for files the pack CLI makes; move or rename it`,
      `${join(dir, 'derived', 'li.webp')}: derived/ is reserved for files the pack CLI makes; move or rename it`,
    ]);
  });
});
