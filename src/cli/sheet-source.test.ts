// Every problem and warning a spreadsheet source can give, read from real folders, with its exact words and cell.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliProblem, CliProblems } from './problems';
import { readSource } from './source';
import { readContentSource } from './sheet-source';
import { TEMPLATE_CONTENT } from './sheet-template';

let work: string;
let n = 0;
const NOW = new Date('2026-06-01T00:00:00Z');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-sheet-source-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A source folder with the template's content.json (or `content`) and these files. */
async function folder(
  files: Record<string, string | Uint8Array>,
  content: object = TEMPLATE_CONTENT,
) {
  const dir = join(work, `s${++n}`);
  await mkdir(dir);
  await writeFile(join(dir, 'content.json'), JSON.stringify(content));
  await writeFile(join(dir, 'pack.json'), JSON.stringify({ pack: 'test' }));
  for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), data);
  return dir;
}

/** The problem lines, with the folder's path taken off each. */
async function problems(
  dir: string,
  read: () => Promise<unknown> = () => readContentSource(dir, NOW),
): Promise<string[]> {
  const e = await read().then(
    () => null,
    (err: unknown) => err,
  );
  if (e instanceof CliProblems) return e.lines.map((l) => l.replaceAll(`${dir}/`, ''));
  if (e instanceof CliProblem) return [e.message.replaceAll(`${dir}/`, '')];
  throw new Error(`expected problems, got ${String(e)}`);
}

const csv = (rows: string[]) => rows.join('\r\n') + '\r\n';

describe('spreadsheet problems, all at once, each at its cell in Chinese and English', () => {
  it('reports every mistake of a folder of CSV files in one pass', async () => {
    const dir = await folder(
      {
        '人物.csv': csv([
          '编号,姓名,姓名（英文）,单位,行业(英文),精神,示例,荣誉称号,级别,类别,年份,链接,开始展示',
          'wang-jianguo,王建国,Wang Jianguo,机床厂,Manufacturing,劳模精神,是,市劳动模范,,,1956,,',
          ',王芳,,纺织厂,,,,全国五一劳动奖章,,,2020,,',
          ',王芳,,纺织二厂,,,,全国先进工作者,,,2019,,',
          'Bad_ID,,Li Ming,,,奉献精神,也许,,县级,,19x6,http://x.org,2026-13-01',
          'li-ming,李明,,机床厂,,,,市劳动模范,市级,劳动模范,1900,,',
          'wang-jianguo,王建军,,机床厂,,,,市劳动模范,,,2001,,',
          ',赵六,,机床厂,,,,,,,,,',
        ]),
        '荣誉.csv': csv([
          '人物,荣誉称号,级别,类别,年份',
          '王建国,全国劳动模范,国家级,劳动模范,1959',
          '王芳,市先进工作者,,,2018',
          '张三,全国劳动模范,,,2018',
          'wang-fang,某某奖,,,2021',
          'wang-fang,全国劳动模范,县级,英雄,2021',
        ]),
        '故事.csv': csv([
          '人物,年份,标题,正文,正文（英文）,图片,year',
          'wang-jianguo,1951,学徒,,Only English,../x.webp,',
        ]),
        '视频.csv': csv(['人物,标题', 'wang-jianguo,影片']),
        '历程.csv': csv([
          '阶段,日期,标题,内容,人物',
          'era-none,1950,事件,内容,王建国',
          'era-2010s,1950年9月25日,事件,内容,张三',
          'era-2010s,1950-9,事件,内容,',
          'era-2010s,二〇一五,事件,内容,',
        ]),
      },
      { ...TEMPLATE_CONTENT, workers: [] },
    );
    expect(await problems(dir)).toEqual([
      '人物.csv › 人物 › 第 2 行 E 列「行业(英文)」 (row 2, column E): 只有英文，缺少中文 / has English text but no Chinese',
      '人物.csv › 人物 › 第 5 行 A 列「编号」 (row 5, column A): 只能用小写字母、数字和“-”（最多 64 个） / must be lowercase letters, digits and "-" (at most 64)',
      '人物.csv › 人物 › 第 5 行 B 列「姓名」 (row 5, column B): 不能为空 / must not be empty',
      '人物.csv › 人物 › 第 5 行 D 列「单位」 (row 5, column D): 不能为空 / must not be empty',
      '人物.csv › 人物 › 第 5 行 F 列「精神」 (row 5, column F): 无法识别“奉献精神”，应为 劳模精神、劳动精神、工匠精神 / "奉献精神" is not a tag; use 劳模精神、劳动精神、工匠精神',
      '人物.csv › 人物 › 第 5 行 G 列「示例」 (row 5, column G): 应为“是”或“否” / must be 是 (yes) or 否 (no)',
      '人物.csv › 人物 › 第 5 行 H 列「荣誉称号」 (row 5, column H): 不能为空 / must not be empty',
      '人物.csv › 人物 › 第 5 行 K 列「年份」 (row 5, column K): 应为四位年份，如 2015 / must be a four-digit year like 2015',
      '人物.csv › 人物 › 第 5 行 L 列「链接」 (row 5, column L): 应为 https:// 开头的网址 / must be an https:// address',
      '人物.csv › 人物 › 第 5 行 M 列「开始展示」 (row 5, column M): 应为日期（如 2026-05-01）或带时差的时刻（如 2026-05-01T09:00+08:00）（人物“Bad_ID”） / must be a day like 2026-05-01 or a moment with its UTC offset like 2026-05-01T09:00+08:00 (worker "Bad_ID")',
      '人物.csv › 人物 › 第 6 行 K 列「年份」 (row 6, column K): 应不早于 1949 年 / must be 1949 or later',
      '人物.csv › 人物 › 第 7 行 A 列「编号」 (row 7, column A): 编号“wang-jianguo”重复（第 1 位人物已用） / the id "wang-jianguo" is already used by person 1',
      '人物.csv › 人物 › 第 8 行 (row 8): 至少需要一项荣誉（在本行填写荣誉称号和年份，或在“荣誉”表里添加） / needs at least one honour (fill in the title and year on this row, or add one in the 荣誉 sheet)',
      '荣誉.csv › 荣誉 › 第 3 行 A 列「人物」 (row 3, column A): 有 2 位人物名叫“王芳”，请改填编号（wang-fang、wang-fang-2） / 2 people are named "王芳"; write the id instead (wang-fang, wang-fang-2)',
      '荣誉.csv › 荣誉 › 第 4 行 A 列「人物」 (row 4, column A): “人物”表里没有“张三” / no one with the id or name "张三" in the 人物 sheet',
      '荣誉.csv › 荣誉 › 第 5 行 C 列「级别」 (row 5, column C): 不能从称号“某某奖”看出级别，请填写 全国、省级、市级、行业 之一 / the level cannot be told from the title "某某奖"; write one of 全国、省级、市级、行业',
      '荣誉.csv › 荣誉 › 第 5 行 D 列「类别」 (row 5, column D): 不能从称号“某某奖”看出类别，请填写 劳动模范、先进工作者、五一劳动奖章、工匠、工人先锋号等 之一 / the kind cannot be told from the title "某某奖"; write one of 劳动模范、先进工作者、五一劳动奖章、工匠、工人先锋号等',
      '荣誉.csv › 荣誉 › 第 6 行 C 列「级别」 (row 6, column C): 无法识别“县级”，应为 全国、省级、市级、行业 之一 / "县级" is not a level; use one of 全国、省级、市级、行业 (national, provincial, municipal, industry)',
      '荣誉.csv › 荣誉 › 第 6 行 D 列「类别」 (row 6, column D): 无法识别“英雄”，应为 劳动模范、先进工作者、五一劳动奖章、工匠、工人先锋号等 之一 / "英雄" is not a kind of honour; use one of 劳动模范、先进工作者、五一劳动奖章、工匠、工人先锋号等 (model-worker, advanced-worker, may-day-medal, craftsman, pioneer)',
      '故事.csv › 故事 › 第 1 行 G 列「year」 (row 1, column G): 与 B 列重复 / repeats column B',
      '故事.csv › 故事 › 第 2 行 D 列「正文」 (row 2, column D): 不能为空 / must not be empty',
      '故事.csv › 故事 › 第 2 行 F 列「图片」 (row 2, column F): 应为素材文件夹里的相对路径（字母、数字和 - _ . /，不能有“..”、开头的“/”或“\\”） / must be a relative path inside the pack (letters, digits, - _ . /; no "..", no leading "/", no "\\", no scheme)',
      '视频.csv › 视频 › 第 1 行 (row 1): 缺少「文件」列 / the sheet has no 「文件」 (file) column',
      '历程.csv › 历程 › 第 2 行 A 列「阶段」 (row 2, column A): content.json 的 timelines 里没有这个阶段；已有：history/era-2010s / no such era in the timelines of content.json; there are: history/era-2010s',
      '历程.csv › 历程 › 第 3 行 E 列「人物」 (row 3, column E): “人物”表里没有“张三” / no one with the id or name "张三" in the 人物 sheet',
      '历程.csv › 历程 › 第 5 行 B 列「日期」 (row 5, column B): 应写成 1950、1950-09 或 1950-09-25 / must be YYYY, YYYY-MM or YYYY-MM-DD',
      'content.json: workers 人物来自表格，请从 content.json 删去 workers / the people come from the spreadsheet; remove "workers" from content.json',
    ]);
  });

  it('says which files are not spreadsheets, are too many, or leave out the people', async () => {
    const two = await folder({ '人物.xlsx': 'x', '荣誉.csv': csv(['人物']) });
    expect(await problems(two)).toEqual([
      `${two}: 放了多个表格文件（人物.xlsx、荣誉.csv），只能有一个 .xlsx，或按工作表命名的 .csv / holds several spreadsheets; keep one .xlsx, or CSV files named after the sheets`,
    ]);
    const junk = await folder({ '人物.xlsx': 'not a zip' });
    expect((await problems(junk))[0]).toMatch(
      /^人物\.xlsx: 无法读取，是否是 Excel\/WPS 保存的表格？\/ cannot be read as a spreadsheet \(/,
    );
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名单').addRow(['姓名']);
    const none = await folder({ '人物.xlsx': new Uint8Array(await book.xlsx.writeBuffer()) });
    expect(await problems(none)).toEqual([
      '人物.xlsx › 人物: 没有「人物」工作表，或表中没有人物 / there is no 人物 (people) sheet, or it lists nobody',
      'content.json: timelines[0].eras[0] 阶段“era-2010s”没有事件：请在“历程”表里添加，或删去这个阶段 / the era "era-2010s" has no events: add them in the 历程 sheet, or remove the era',
    ]);
    const list = await folder(
      { '人物.csv': csv(['姓名,单位,年份,荣誉称号', '李明,厂,2015,市劳模']) },
      [],
    );
    expect(await problems(list)).toEqual([
      'content.json: 整个文件应为一个对象 {…}，里面写 format、hall、walls… / the file must hold one object {…} with format, hall, walls…',
    ]);
  });

  it('asks for the timeline when an era id is in two, and names the cell of a missing file', async () => {
    const people = csv([
      '姓名,单位,荣誉称号,年份,肖像',
      '李明,机床厂,市劳动模范,2015,portraits/li.webp',
    ]);
    const events = csv(['阶段,日期,标题,内容', 'era-2010s,2015,事件,内容']);
    const [timeline] = TEMPLATE_CONTENT.timelines;
    const twice = { ...TEMPLATE_CONTENT, timelines: [timeline, { ...timeline, id: 'other' }] };
    const dir = await folder({ '人物.csv': people, '历程.csv': events }, twice);
    expect(await problems(dir)).toEqual([
      '历程.csv › 历程 › 第 2 行 (row 2): 阶段“era-2010s”在几条历程里都有，请填写历程 id / the era "era-2010s" is in several timelines; write the timeline id',
      'content.json: timelines[0].eras[0] 阶段“era-2010s”没有事件：请在“历程”表里添加，或删去这个阶段 / the era "era-2010s" has no events: add them in the 历程 sheet, or remove the era',
      'content.json: timelines[1].eras[0] 阶段“era-2010s”没有事件：请在“历程”表里添加，或删去这个阶段 / the era "era-2010s" has no events: add them in the 历程 sheet, or remove the era',
    ]);
    const one = await folder({ '人物.csv': people, '历程.csv': events });
    expect(await problems(one, () => readSource(one))).toEqual([
      '人物.csv › 人物 › 第 2 行 E 列「肖像」 (row 2, column E): 找不到文件 portraits/li.webp / the file portraits/li.webp is missing',
    ]);
  });
});

describe('spreadsheet warnings', () => {
  it('warns of likely mistakes at their cells and counts what is past the first few of a sort', async () => {
    const book = new ExcelJS.Workbook();
    const people = book.addWorksheet('人物');
    people.addRow(['编号', '姓名', '单位', '荣誉称号', '年份', '备注']);
    people.addRow(['a', '李明', '机床厂', '市劳动模范', 2030, '新来的']);
    people.addRow(['b', '李明', '机床厂', '全国劳动模范', 2015]);
    people.addRow(['c', '阿卜杜热合曼·买买提艾力·吐尔逊江', '喀什', '省劳动模范', 2015]);
    people.addRow([
      'd',
      '王芳',
      '纺织厂',
      '全国五一劳动奖章暨某某行业某某技术能手和某某先进个人称号',
      2015,
    ]);
    for (let i = 0; i < 6; i++) people.addRow([`e${i}`, `赵${i}`, '厂', '市劳动模范', 2015]);
    book.addWorksheet('视频').addRows([
      ['人物', '文件', '标题', '英文字幕'],
      ['a', 'videos/a.mp4', '影片', 'videos/a.en.vtt'],
    ]);
    book.addWorksheet('统计').addRow(['x']);
    book.addWorksheet('说明').addRow(['notes are skipped']);
    const dir = await folder(
      { '人物.xlsx': new Uint8Array(await book.xlsx.writeBuffer()) },
      { ...TEMPLATE_CONTENT, timelines: [] },
    );
    const source = await readContentSource(dir, NOW);
    expect(source.warnings.map((w) => w.replaceAll(`${dir}/`, ''))).toEqual([
      '人物.xlsx › 人物 › 第 1 行 F 列「备注」 (row 1, column F): 不认识这一列，已忽略 / unknown column, ignored',
      '人物.xlsx › 统计: 不认识这个工作表，已忽略（可用：人物、荣誉、故事、视频、历程） / unknown sheet, ignored (known: 人物, 荣誉, 故事, 视频, 历程)',
      '人物.xlsx › 人物 › 第 2 行 (row 2): “李明”没有肖像，卡片上显示姓名印章 / "李明" has no portrait; the card shows a name seal',
      '人物.xlsx › 人物 › 第 2 行 E 列「年份」 (row 2, column E): 年份 2030 还没到（今年是 2026 年），是否写错？ / the year 2030 is in the future (it is 2026 now); a typo?',
      '人物.xlsx › 视频 › 第 2 行 (row 2): 影片“影片”没有中文字幕；展厅里影片常是静音播放的 / the film "影片" has no Chinese captions; films often play muted in the hall',
      '人物.xlsx › 人物 › 第 3 行 (row 3): “李明”没有肖像，卡片上显示姓名印章 / "李明" has no portrait; the card shows a name seal',
      '人物.xlsx › 人物 › 第 3 行 B 列「姓名」 (row 3, column B): 与第 1 位人物同名同单位（李明，机床厂），是否重复录入？（见第 2 行） / same name and employer as person 1 (李明, 机床厂); entered twice? (see row 2)',
      '人物.xlsx › 人物 › 第 4 行 (row 4): “阿卜杜热合曼·买买提艾力·吐尔逊江”没有肖像，卡片上显示姓名印章 / "阿卜杜热合曼·买买提艾力·吐尔逊江" has no portrait; the card shows a name seal',
      '人物.xlsx › 人物 › 第 4 行 B 列「姓名」 (row 4, column B): 姓名太长，卡片上会被压得很小（最多约 12 个汉字） / the name is too long for the card (about 12 Chinese characters at most)',
      '人物.xlsx › 人物 › 第 5 行 (row 5): “王芳”没有肖像，卡片上显示姓名印章 / "王芳" has no portrait; the card shows a name seal',
      '人物.xlsx › 人物 › 第 5 行 D 列「荣誉称号」 (row 5, column D): 荣誉称号太长，卡片上放不下（连年份最多约 30 个汉字宽） / the honour title is too long for the card (about 30 Chinese characters with the year)',
      '人物.xlsx › 人物 › 第 6 行 (row 6): “赵0”没有肖像，卡片上显示姓名印章 / "赵0" has no portrait; the card shows a name seal',
      '人物.xlsx › 人物 › 第 7 行 (row 7): “赵1”没有肖像，卡片上显示姓名印章 / "赵1" has no portrait; the card shows a name seal',
      '人物.xlsx › 人物 › 第 8 行 (row 8): “赵2”没有肖像，卡片上显示姓名印章 / "赵2" has no portrait; the card shows a name seal',
      '人物.xlsx › 人物 › 第 9 行 (row 9): “赵3”没有肖像，卡片上显示姓名印章 / "赵3" has no portrait; the card shows a name seal',
      '…… 同类提醒还有 2 条 / … and 2 more like these (no-portrait)',
    ]);
  });
});
