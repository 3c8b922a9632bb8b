// content.json or content.yaml: the same pack from either, and every problem at its path and line, in Chinese and English.
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from './build-pack';
import { readPrivateKey, readPublicKeyText } from './keys';
import { CliProblem, CliProblems } from './problems';
import { readContentSource } from './sheet-source';
import { readSource } from './source';
import { TEMPLATE_CONTENT, writeTemplate } from './sheet-template';
import { verifyFeed } from './verify-feed';

const DEMO = join('media', 'demo');
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-content-file-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A folder holding `files` (name → text) and the template's pack.json. */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(work, 'src-'));
  await writeFile(join(dir, 'pack.json'), JSON.stringify({ pack: 'test' }));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** The problem lines a read throws, with the folder's path taken off the front. */
async function problems(
  dir: string,
  read: () => Promise<unknown> = () => readContentSource(dir),
): Promise<string[]> {
  try {
    await read();
  } catch (e) {
    const lines = e instanceof CliProblems ? e.lines : [(e as CliProblem).message];
    return lines.map((l) => l.replaceAll(`${dir}/`, '').replaceAll(dir, 'DIR'));
  }
  throw new Error('expected problems, but the source was read');
}

/** A small content whose lines are known: one person, one wall. */
const person = {
  id: 'li-ming',
  name: { 'zh-CN': '李明', en: 'Li Ming' },
  honors: [
    {
      title: { 'zh-CN': '市劳动模范' },
      level: 'municipal',
      kind: 'model-worker',
      year: 2015,
    },
  ],
  employer: { 'zh-CN': '机床厂' },
};
const content = (workers: unknown[] = [person]) => {
  const c = structuredClone({ ...TEMPLATE_CONTENT, workers });
  (c.timelines[0]!.eras[0] as Record<string, unknown>).events = [
    { date: '2015', title: { 'zh-CN': '表彰大会' }, text: { 'zh-CN': '本市表彰劳动模范。' } },
  ];
  return c;
};

describe('a YAML source', () => {
  it('builds the demo, converted to YAML, into the very feed its JSON builds, byte for byte', async () => {
    const key = await readPrivateKey(join(DEMO, 'keys', 'demo.key'));
    const fromJson = join(work, 'demo-json');
    const fromYaml = join(work, 'demo-yaml');
    await cp(DEMO, fromJson, { recursive: true });
    await cp(DEMO, fromYaml, { recursive: true });
    const demo = JSON.parse(await readFile(join(DEMO, 'content.json'), 'utf8')) as unknown;
    await rm(join(fromYaml, 'content.json'));
    const yaml = stringify(demo);
    await writeFile(join(fromYaml, 'content.yaml'), yaml);
    expect(yaml).toMatch(/^format: kiosk-content\/1\nhall:\n {2}name:\n {4}zh-CN: /);

    const [a, b] = [join(work, 'feed-json'), join(work, 'feed-yaml')];
    await buildPack({ source: fromJson, out: a, key });
    await buildPack({ source: fromYaml, out: b, key });
    expect(await readFile(join(b, 'index.json'), 'utf8')).toBe(
      await readFile(join(a, 'index.json'), 'utf8'),
    );
    const objects = (await readdir(join(a, 'objects'))).sort();
    expect((await readdir(join(b, 'objects'))).sort()).toEqual(objects);
    for (const name of objects)
      expect(
        Buffer.compare(
          await readFile(join(a, 'objects', name)),
          await readFile(join(b, 'objects', name)),
        ),
        name,
      ).toBe(0);
    const report = await verifyFeed(b, await readPublicKeyText(join(DEMO, 'keys', 'demo.pub')));
    expect(report.problems).toEqual([]);
  }, 240_000);

  it('reads content.yml too, and a spreadsheet takes the rest from content.yaml', async () => {
    const yml = await folder({ 'content.yml': stringify(content()) });
    expect((await readContentSource(yml)).content.workers[0]!.id).toBe('li-ming');

    const sheet = join(work, 'sheet-yaml');
    await writeTemplate(sheet);
    const fromJson = await readContentSource(sheet);
    const json = await readFile(join(sheet, 'content.json'), 'utf8');
    await rm(join(sheet, 'content.json'));
    await writeFile(join(sheet, 'content.yaml'), stringify(JSON.parse(json)));
    const fromYaml = await readContentSource(sheet);
    expect(fromYaml.content).toEqual(fromJson.content);
    expect(fromYaml.contentBytes).toEqual(fromJson.contentBytes);
  });

  it('refuses two content files, or none', async () => {
    const both = await folder({
      'content.json': JSON.stringify(content()),
      'content.yaml': stringify(content()),
    });
    expect(await problems(both)).toEqual([
      'DIR: 同时有 content.json、content.yaml，只能保留一个内容文件 / holds content.json and content.yaml: keep one content file',
    ]);
    const yamlTwice = await folder({ 'content.yaml': 'a: 1', 'content.yml': 'a: 1' });
    expect(await problems(yamlTwice)).toEqual([
      'DIR: 同时有 content.yaml、content.yml，只能保留一个内容文件 / holds content.yaml and content.yml: keep one content file',
    ]);
    const none = await folder({ 'notes.txt': '' });
    expect(await problems(none)).toEqual([
      'DIR: 没有内容文件 content.json（或 content.yaml）/ has no content.json (or content.yaml)',
    ]);
  });

  it('names the line and column of a YAML syntax error', async () => {
    const indent = await folder({
      'content.yaml': 'format: kiosk-content/1\nhall:\n  name: {zh-CN: 劳模之家\n  welcome: 欢迎\n',
    });
    expect(await problems(indent)).toEqual([
      'content.yaml: 第 4 行第 3 列 YAML 缩进不对 / YAML bad indentation: Flow map in block collection must be sufficiently indented and end with a } (line 4, column 3)',
    ]);
    const twice = await folder({
      'content.yaml': 'format: kiosk-content/1\nhall:\n  name: {zh-CN: 甲}\n  name: {zh-CN: 乙}\n',
    });
    expect(await problems(twice)).toEqual([
      'content.yaml: 第 4 行第 3 列 YAML 同一层里有两个相同的名称 / YAML the same name twice at one level: Map keys must be unique (line 4, column 3)',
    ]);
    const tab = await folder({ 'content.yaml': 'walls:\n\t- id: all\n' });
    expect(await problems(tab)).toEqual([
      'content.yaml: 第 2 行第 1 列 YAML 缩进不能用 Tab 键，请用空格 / YAML tabs cannot indent; use spaces: Tabs are not allowed as indentation (line 2, column 1)',
    ]);
  });

  it('says which value YAML has that JSON cannot hold', async () => {
    const c = content([{ ...person, honors: [{ ...person.honors[0], year: 0 }] }]);
    const dir = await folder({ 'content.yaml': stringify(c).replace('year: 0', 'year: .inf') });
    const [line] = await problems(dir);
    expect(line).toMatch(
      /^content\.yaml: workers\[0\]\.honors\[0\]\.year（第 \d+ 行）这个值在 JSON 里无法表示（如 \.inf、\.nan），请改成普通的数字或文字 \/ this value has no JSON form/,
    );
  });
});

describe('problems in content.json and content.yaml', () => {
  /** The same mistakes in either file: every one said at once, at its path and line. */
  const broken = () => {
    const c = content([
      {
        ...person,
        name: '王芳',
        honors: [{ ...person.honors[0], year: '2015', level: 'city' }],
        extra: true,
      },
      { id: 'no-employer', name: { 'zh-CN': '赵六' }, honors: person.honors },
    ]) as Record<string, unknown>;
    (c.hall as Record<string, unknown>).welcom = { 'zh-CN': '欢迎' };
    (c.timelines as { eras: Record<string, unknown>[] }[])[0]!.eras[0]!.events = [
      { date: 2015, title: { 'zh-CN': '大会' }, text: { 'zh-CN': '表彰' } },
    ];
    return c;
  };
  const expected = (file: string, lines: number[]) => [
    `${file}: hall.welcom（第 ${lines[0]} 行）不认识“welcom”这一项（可能拼错了；这里可写：name、welcome、hours） / unknown field "welcom" (misspelt? allowed here: name, welcome, hours) (line ${lines[0]})`,
    `${file}: workers[0].name（第 ${lines[1]} 行）应为对象 {…}，而不是文字 "王芳"：写成 {"zh-CN": "中文", "en": "English"}，英文可省 / must be an object {…}, not the text "王芳": written {"zh-CN": "…", "en": "…"}, English optional (line ${lines[1]})`,
    `${file}: workers[0].honors[0].level（第 ${lines[2]} 行）应为以下之一：national、provincial、municipal、industry / must be one of: national, provincial, municipal, industry (line ${lines[2]})`,
    `${file}: workers[0].honors[0].year（第 ${lines[3]} 行）应为数字，而不是文字 "2015" / must be a number, not the text "2015" (line ${lines[3]})`,
    `${file}: workers[0].extra（第 ${lines[4]} 行）不认识“extra”这一项（可能拼错了；这里可写：id、name、honors、employer、portrait、sector、region、role、quote、bio、chapters、videos、tags、link、sample、withdrawn、from、until） / unknown field "extra" (misspelt? allowed here: id, name, honors, employer, portrait, sector, region, role, quote, bio, chapters, videos, tags, link, sample, withdrawn, from, until) (line ${lines[4]})`,
    `${file}: workers[1].employer（第 ${lines[5]} 行）缺少“employer”这一项：写成 {"zh-CN": "中文", "en": "English"}，英文可省 / "employer" is missing: written {"zh-CN": "…", "en": "…"}, English optional (line ${lines[5]})`,
    `${file}: timelines[0].eras[0].events[0].date（第 ${lines[6]} 行）应为文字（用双引号括起来），而不是数字 2015（数字要当文字时请加引号，如 "1950"） / must be text in quotes, not 2015 (put quotes around a number meant as text, like "1950") (line ${lines[6]})`,
  ];
  /** The line of the first line of `text` that matches `re` after `after` lines. */
  const lineOf = (text: string, re: RegExp, after = 0) =>
    text.split('\n').findIndex((l, i) => i >= after && re.test(l)) + 1;

  it('in content.json, each at its JSON path and line', async () => {
    const text = JSON.stringify(broken(), null, 2);
    const dir = await folder({ 'content.json': text });
    const second = lineOf(text, /"id": "no-employer"/);
    expect(await problems(dir)).toEqual(
      expected('content.json', [
        lineOf(text, /"welcom"/),
        lineOf(text, /"name": "王芳"/),
        lineOf(text, /"level": "city"/),
        lineOf(text, /"year": "2015"/),
        lineOf(text, /"extra"/),
        second - 1, // the person's "{": the field is missing from it
        lineOf(text, /"date": 2015/),
      ]),
    );
  });

  it('in content.yaml, the same words at the YAML lines', async () => {
    const text = stringify(broken());
    const dir = await folder({ 'content.yaml': text });
    const second = lineOf(text, /id: no-employer/);
    expect(await problems(dir)).toEqual(
      expected('content.yaml', [
        lineOf(text, /welcom:/),
        lineOf(text, /name: 王芳/),
        lineOf(text, /level: city/),
        lineOf(text, /year: "2015"/),
        lineOf(text, /extra:/),
        second, // the item starts on its first field's line
        lineOf(text, /date: 2015/),
      ]),
    );
  });

  it('a compact (one-line) content.json names paths without a line', async () => {
    const dir = await folder({ 'content.json': JSON.stringify(broken()) });
    const lines = await problems(dir);
    expect(lines).toHaveLength(7);
    expect(lines[3]).toBe(
      'content.json: workers[0].honors[0].year 应为数字，而不是文字 "2015" / must be a number, not the text "2015"',
    );
  });

  it('names the line and column of a JSON syntax error, and what was expected there', async () => {
    const cases: [string, string][] = [
      [
        '{\n  "format": "kiosk-content/1",\n  "hall": {},\n}\n',
        '第 4 行第 1 列 JSON 格式有误：最后一项后面多了逗号 / not valid JSON: a comma after the last item (line 4, column 1)',
      ],
      [
        '{\n  "format": "kiosk-content/1"，\n  "hall": {}\n}\n',
        '第 2 行第 30 列 JSON 格式有误：这里用了中文标点“，”，应为英文的 , / not valid JSON: found the Chinese "，"; JSON needs the ASCII , (line 2, column 30)',
      ],
      [
        '{\n  "format": "kiosk-content/1"\n  "hall": {}\n}\n',
        '第 3 行第 3 列 JSON 格式有误：应为逗号 , 或 }，而不是“"” / not valid JSON: expected a comma "," or "}", found """ (line 3, column 3)',
      ],
      [
        '{\n  "format": "kiosk-content/1,\n  "hall": {}\n}\n',
        '第 2 行第 30 列 JSON 格式有误：引号里的文字不能直接换行或含控制字符（换行写成 \\n） / not valid JSON: a line break or control character inside quotes (write a line break as \\n) (line 2, column 30)',
      ],
      [
        "{\n  format: 'kiosk-content/1'\n}\n",
        '第 2 行第 3 列 JSON 格式有误：应为用英文双引号括起来的名称，而不是“f” / not valid JSON: expected a name in double quotes, found "f" (line 2, column 3)',
      ],
    ];
    for (const [text, said] of cases) {
      const dir = await folder({ 'content.json': text });
      expect(await problems(dir)).toEqual([`content.json: ${said}`]);
    }
  });

  it('says a file that is not an object, or not UTF-8, plainly', async () => {
    const list = await folder({ 'content.yaml': '- a\n- b\n' });
    expect(await problems(list)).toEqual([
      'content.yaml: 整个文件应为一个对象 {…}，里面写 format、hall、walls… / the file must hold one object {…} with format, hall, walls…',
    ]);
    const gbk = await folder({});
    await writeFile(join(gbk, 'content.json'), Buffer.from([0x7b, 0xc0, 0xee, 0x7d]));
    expect(await problems(gbk)).toEqual([
      'content.json: 不是 UTF-8 编码的文字，请用 UTF-8 保存 / is not UTF-8 text; save it as UTF-8',
    ]);
  });

  it('names a missing portrait where content.yaml names it, with the line', async () => {
    const text = stringify(content([{ ...person, portrait: 'portraits/li.webp' }]));
    const dir = await folder({ 'content.yaml': text });
    const at = lineOf(text, /portrait:/);
    expect(await problems(dir, () => readSource(dir))).toEqual([
      `content.yaml: workers[0].portrait（第 ${at} 行）找不到文件 portraits/li.webp / the file portraits/li.webp is missing (line ${at})`,
    ]);
  });

  it('puts warnings at their line too', async () => {
    const text = stringify(content([{ ...person, honors: [{ ...person.honors[0], year: 2099 }] }]));
    const dir = await folder({ 'content.yaml': text });
    const { warnings } = await readContentSource(dir, new Date('2026-06-01T00:00:00Z'));
    const year = lineOf(text, /year: 2099/);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${dir}/content\\.yaml: workers\\[0\\]\\.honors\\[0\\]\\.year（第 ${year} 行）.* \\(line ${year}\\)$`,
        ),
      ),
    );
  });

  it('says what pack.json needs, field by field, with its line', async () => {
    const dir = await folder({ 'content.json': JSON.stringify(content()) });
    await writeFile(
      join(dir, 'pack.json'),
      '{\n  "pack": "My Hall",\n  "version": 0,\n  "validDays": 1.5,\n  "publish": "2026"\n}\n',
    );
    await mkdir(join(dir, 'keys'), { recursive: true });
    expect(await problems(dir, () => readSource(dir))).toEqual([
      'pack.json: pack（第 2 行）只能用小写字母、数字和“-”，如“city-hall” / must be a lowercase id like "city-hall" (line 2)',
      'pack.json: version（第 3 行）应不小于 1 / must be 1 or more (line 3)',
      'pack.json: validDays（第 4 行）应为整数天数 / must be a whole number of days (line 4)',
      'pack.json: publish（第 5 行）不认识“publish”这一项 / unknown field "publish" (line 5)',
    ]);
  });
});
