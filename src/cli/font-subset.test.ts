/** The pack's font subset: cut from the real Debian Noto CJK (or a font staff name), read back from the WOFF2 it ships. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from 'fontverter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../content/schema';
import { PACK_FONT_FILES, PACK_FONT_INFO, type PackFontInfo } from '../feed/pack-font';
import { chooseFont, DEBIAN_NOTO } from './font-choice';
import { makePackFont, type PackFont } from './font-subset';
import { diskCache } from './media-cache';
import { CliProblem, CliProblems } from './problems';
import { fontCharacters } from './sfnt';
import type { SourceFile } from './source';

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu;
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
let work: string;

/** The characters a shipped WOFF2 weight really maps, read back through Google's WOFF2 decoder. */
async function shipped(font: PackFont, path: string): Promise<Set<string>> {
  const file = font.files.find((f) => f.path === path)!;
  const sfnt = new Uint8Array(await convert(Buffer.from(file.bytes), 'sfnt'));
  return new Set([...fontCharacters(sfnt)].map((c) => String.fromCodePoint(c)));
}

/** The tiny fixture with rare characters in every kind of text a visitor reads. */
async function rareContent(): Promise<Content> {
  const c = JSON.parse(
    await readFile('tests/fixtures/tiny-source/content.json', 'utf8'),
  ) as Content;
  const w = c.workers[0]!;
  w.name = { 'zh-CN': '龚䶮', en: 'Gong Yan' };
  w.honors[0]!.title['zh-CN'] = '全国劳动模范（焊接）';
  w.employer = { 'zh-CN': '鑫淼精密铸造厂', en: 'Xinmiao Precision Casting' };
  w.chapters = [
    { year: 1990, title: { 'zh-CN': '喆与堃' }, text: { 'zh-CN': '旭日东昇，炉火正旺。' } },
  ];
  c.workers.push({ ...w, id: 'shi-kun', name: { 'zh-CN': '石堃' }, chapters: undefined });
  c.hall.welcome['zh-CN'] = '欢迎参观，犇向新时代';
  c.attract = { message: { 'zh-CN': '轻触屏幕，了解赟的故事' } };
  c.timelines = [
    {
      id: 'history',
      title: { 'zh-CN': '表彰历程' },
      eras: [
        {
          title: { 'zh-CN': '起步' },
          events: [{ date: '1950', title: { 'zh-CN': '首届劳模大会在燚城召开' } }],
        },
      ],
    },
  ] as Content['timelines'];
  return c;
}

const captions: SourceFile[] = [
  {
    path: 'videos/a.zh.vtt',
    type: 'text/vtt',
    bytes: new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:02.000\n他叫垚，是一名焊工。\n'),
  },
];

/** Every Chinese character written in the kiosk's i18n tables: the files' text and the values they export. */
async function i18nCharacters(): Promise<Set<string>> {
  const chars = new Set<string>();
  const add = (text: string) => text.match(CJK)?.forEach((c) => chars.add(c));
  const walk = (value: unknown, depth = 0): void => {
    if (depth > 6) return;
    if (typeof value === 'string') add(value);
    else if (typeof value === 'function') {
      // Strings made by a function (a count, a decade) come out of it with sample arguments.
      for (const arg of [0, 1, 2, 1950, 'x'])
        try {
          walk((value as (a: unknown) => unknown)(arg), depth + 1);
        } catch {
          // a function that needs other arguments is covered by its file's text
        }
    } else if (value && typeof value === 'object')
      Object.values(value).forEach((x) => walk(x, depth + 1));
  };
  const files = (await readdir('src/i18n')).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  expect(files.length).toBeGreaterThan(5);
  for (const f of files) {
    add(await readFile(join('src/i18n', f), 'utf8'));
    walk(await import(`../i18n/${f.replace(/\.ts$/, '')}`));
  }
  return chars;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-font-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('pack font subset (Debian Noto Sans CJK SC)', () => {
  let font: PackFont;
  let content: Content;
  const cacheDir = () => join(work, 'cache');

  beforeAll(async () => {
    content = await rareContent();
    const choice = await chooseFont(work); // no font.json: the Debian default
    font = await makePackFont(choice, content, captions, { cache: diskCache(cacheDir()) });
  }, 60_000);

  it('ships Regular and Bold as WOFF2 and font.json with the family and the OFL text', () => {
    expect(font.files.map((f) => [f.path, f.type])).toEqual([
      [PACK_FONT_FILES[0].path, 'font/woff2'],
      [PACK_FONT_FILES[1].path, 'font/woff2'],
      [PACK_FONT_INFO, 'application/json'],
    ]);
    for (const f of font.files.slice(0, 2))
      expect(new TextDecoder().decode(f.bytes.subarray(0, 4))).toBe('wOF2');
    const info = JSON.parse(new TextDecoder().decode(font.files[2]!.bytes)) as PackFontInfo;
    expect(info.family).toBe('Noto Sans CJK SC');
    expect(info.copyright).toMatch(/Adobe/);
    expect(info.licence).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/);
    expect(info.licence).toMatch(/Reserved Font Name/);
    expect(font.summary.weights.map(([w]) => w)).toEqual([400, 700]);
    expect(font.summary.cached).toBe(false);
    expect(font.warnings).toEqual([]);
  });

  it('draws every character of the content and captions, rare ones included, in both weights', async () => {
    const wanted = new Set(
      [...JSON.stringify(content), ...new TextDecoder().decode(captions[0]!.bytes)].filter(
        (c) => c >= ' ',
      ),
    );
    for (const rare of '䶮堃喆昇鑫淼犇赟燚垚') expect(wanted).toContain(rare);
    for (const { path } of PACK_FONT_FILES) {
      const has = await shipped(font, path);
      expect([...wanted].filter((c) => !has.has(c))).toEqual([]);
    }
  });

  it('draws every Chinese character of the UI string tables, and what components write inline', async () => {
    const ui = await i18nCharacters();
    expect(ui.size).toBeGreaterThan(300);
    // Written inside a component, not a table: found by reading the page's source all the same.
    const components = (await readdir('src', { recursive: true })).filter((f) =>
      f.endsWith('.svelte'),
    );
    expect(components.length).toBeGreaterThan(20);
    for (const f of components)
      (await readFile(join('src', f), 'utf8')).match(CJK)?.forEach((c) => ui.add(c));
    for (const { path } of PACK_FONT_FILES) {
      const has = await shipped(font, path);
      expect([...ui].filter((c) => !has.has(c)).join('')).toBe('');
    }
  });

  it('keeps only what the pack needs: a small file, far from the 16 MB face', () => {
    for (const [, bytes] of font.summary.weights) expect(bytes).toBeLessThan(400_000);
    expect(font.summary.characters).toBeGreaterThan(500);
  });

  it('comes from the cache when font and characters are unchanged, and is cut again when a character is new', async () => {
    const cache = diskCache(cacheDir());
    const again = await makePackFont(await chooseFont(work), content, captions, { cache });
    expect(again.summary.cached).toBe(true);
    expect(again.files.map((f) => f.bytes)).toEqual(font.files.map((f) => f.bytes));
    expect(cache.stats.misses).toBe(0);

    const changed = structuredClone(content);
    changed.workers[0]!.name['zh-CN'] = '龚䶮淼';
    const other = await makePackFont(await chooseFont(work), changed, captions, {
      cache: diskCache(cacheDir()),
    });
    expect(other.summary.cached).toBe(true); // 淼 was in already: same character set
    changed.workers[0]!.name['zh-CN'] = '龚䶮㵘';
    const grown = await makePackFont(await chooseFont(work), changed, captions, {
      cache: diskCache(cacheDir()),
    });
    expect(grown.summary.cached).toBe(false);
    expect(await shipped(grown, PACK_FONT_FILES[1].path)).toContain('㵘');
  }, 60_000);
});

describe('a font staff name in font.json', () => {
  const source = async (name: string, settings: unknown) => {
    const dir = join(work, name);
    await rm(dir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(join(dir, 'fonts'), { recursive: true }),
    );
    await writeFile(join(dir, 'font.json'), JSON.stringify(settings));
    return dir;
  };
  const problems = async (dir: string): Promise<string> => {
    const e = await chooseFont(dir).catch((x: unknown) => x);
    if (e instanceof CliProblems) return e.lines.join('\n');
    if (e instanceof CliProblem) return e.message;
    throw new Error(`expected problems, got ${String(e)}`);
  };

  it('subsets a TrueType font with its licence, and warns of the characters it lacks', async () => {
    const dir = await source('dejavu', {
      regular: DEJAVU,
      licence: 'fonts/LICENSE.txt',
    });
    await writeFile(
      join(dir, 'fonts', 'LICENSE.txt'),
      'Fonts are (c) Bitstream. Public domain changes.',
    );
    const choice = await chooseFont(dir);
    expect(choice.bold).toBeNull();
    const font = await makePackFont(choice, await rareContent(), [], {
      cache: diskCache(null),
      ui: new Set([...'Back 返回'].map((c) => c.codePointAt(0)!)),
    });
    expect(font.files.map((f) => f.path)).toEqual([PACK_FONT_FILES[0].path, PACK_FONT_INFO]);
    expect(await shipped(font, PACK_FONT_FILES[0].path)).toContain('B');
    const info = JSON.parse(new TextDecoder().decode(font.files[1]!.bytes)) as PackFontInfo;
    expect(info.family).toBe('DejaVu Sans');
    expect(info.licence).toMatch(/^Fonts are \(c\) Bitstream/);
    const said = font.warnings.join('\n');
    expect(said).toMatch(/没有写 bold.* \/ no bold font named/);
    expect(said).toMatch(/does not mention the SIL Open Font License/);
    expect(said).toMatch(
      /字体里没有内容用到的 \d+ 个字：.*䶮.* \/ the font lacks \d+ characters the content uses/,
    );
    expect(said).toMatch(/字体里没有界面用到的 2 个字：返 回 \//);
  }, 30_000);

  it('picks the named face of a collection, and lists the faces when the name is wrong', async () => {
    const good = await source('serif', {
      regular: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
      face: 'Noto Serif CJK TC',
      licence: DEBIAN_NOTO.licence,
    });
    expect((await chooseFont(good)).regular.face.family).toBe('Noto Serif CJK TC');
    const bad = await source('serif-bad', {
      regular: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
      face: 'Noto Serif CJK XX',
      licence: DEBIAN_NOTO.licence,
    });
    expect(await problems(bad)).toMatch(
      /font\.json: regular 里没有名为 "Noto Serif CJK XX" 的字体，可选：.*"Noto Serif CJK SC".* \/ has no face "Noto Serif CJK XX"/,
    );
  });

  it('names the file and field of every mistake at once, in Chinese and English', async () => {
    const dir = await source('bad', {
      regular: 'fonts/missing.otf',
      bold: 'font.json',
      colour: 'red',
    });
    const said = await problems(dir);
    expect(said).toContain(
      `${join(dir, 'font.json')}: colour 只能有 regular、bold、face、licence 几项`,
    );
    expect(said).toMatch(
      /font\.json: licence 应为字体许可证文件的路径.* \/ must be the path of the font's licence file/,
    );

    const dir2 = await source('bad2', {
      regular: 'fonts/missing.otf',
      bold: 'font.json',
      licence: 'none.txt',
    });
    const said2 = await problems(dir2);
    expect(said2).toContain(
      `${join(dir2, 'font.json')}: regular 找不到文件 ${join(dir2, 'fonts/missing.otf')} / the file ${join(dir2, 'fonts/missing.otf')} is missing`,
    );
    expect(said2).toContain(`${join(dir2, 'font.json')}: bold font.json 不是字体文件`);
    expect(said2).toMatch(
      /font\.json: licence 找不到许可证文件 .*none\.txt，或它是空的 \/ the licence file .* is missing or empty/,
    );

    const ttc = await source('ttc', { regular: DEBIAN_NOTO.regular, licence: DEBIAN_NOTO.licence });
    // Without "face" a collection gives its Simplified Chinese face.
    expect((await chooseFont(ttc)).regular.face.family).toBe('Noto Sans CJK SC');
  });

  it('fails with what to install or to set when there is no font at all', async () => {
    const none = { ...DEBIAN_NOTO, regular: join(work, 'no-such-font.ttc') };
    const e = (await chooseFont(work, none).catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(CliProblem);
    expect(e.message).toContain('找不到中文字体：请安装 Debian 软件包 fonts-noto-cjk');
    expect(e.message).toContain('no CJK font found: install the Debian package fonts-noto-cjk');
    expect(e.message).toMatch(/font\.json in the source folder \(fields regular, bold, licence\)/);
  });
});
