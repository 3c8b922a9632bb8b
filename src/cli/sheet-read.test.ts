// The spreadsheet reader on real files: xlsx (merges, empty rows, formulas, dates), CSV in UTF-8 and GBK.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { columnLetter, decodeCsv, readCsv, readXlsx, type SheetTable } from './sheet-read';

/** Rows as plain objects: { row, A: …, B: … }. */
const plain = (t: SheetTable) =>
  t.rows.map((r) => ({ row: r.row, ...Object.fromEntries(r.cells) }));

async function xlsxBytes(fill: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads every sheet with its Chinese header row, skipping empty rows and leading blank rows', async () => {
    const bytes = await xlsxBytes((book) => {
      const ws = book.addWorksheet('人物');
      ws.getRow(3).values = ['姓名', '单位（英文）', ' 年份 '];
      ws.getRow(4).values = ['王建国', 'City Works', 1956];
      ws.getRow(6).values = ['李秀英', '', 1950];
      ws.getRow(7).values = [null, '   '];
      book.addWorksheet('说明').addRow(['notes']);
    });
    const [people, notes] = await readXlsx('人物.xlsx', bytes);
    expect(people!.sheet).toBe('人物');
    expect(people!.headerRow).toBe(3);
    expect([...people!.headers]).toEqual([
      ['A', '姓名'],
      ['B', '单位（英文）'],
      ['C', '年份'],
    ]);
    expect(plain(people!)).toEqual([
      { row: 4, A: '王建国', B: 'City Works', C: '1956' },
      { row: 6, A: '李秀英', C: '1950' },
    ]);
    expect(notes!.sheet).toBe('说明');
  });

  it('repeats a merge down a column on each row, keeps a merge across columns in its first, drops rows only a merge reaches', async () => {
    const bytes = await xlsxBytes((book) => {
      const ws = book.addWorksheet('荣誉');
      ws.addRow(['人物', '荣誉称号', '年份', '备注一', '备注二']);
      ws.addRow(['王建国', '市劳动模范', 1956, '跨两列']);
      ws.addRow([null, '全国先进生产者', 1959]);
      ws.addRow([]); // inside the merged block, nothing of its own
      ws.addRow(['李秀英', '全国劳动模范', 1950]);
      ws.mergeCells('A2:A4');
      ws.mergeCells('D2:E2');
    });
    const [t] = await readXlsx('f.xlsx', bytes);
    expect(plain(t!)).toEqual([
      { row: 2, A: '王建国', B: '市劳动模范', C: '1956', D: '跨两列' },
      { row: 3, A: '王建国', B: '全国先进生产者', C: '1959' },
      { row: 5, A: '李秀英', B: '全国劳动模范', C: '1950' },
    ]);
  });

  it('reads formulas by their result, rich text as its text, dates as days, links by their text', async () => {
    const bytes = await xlsxBytes((book) => {
      const ws = book.addWorksheet('历程');
      ws.addRow(['a', 'b', 'c', 'd', 'e']);
      ws.addRow([
        { formula: '2000+15', result: 2015 },
        { richText: [{ text: '全国' }, { text: '劳模', font: { bold: true } }] },
        new Date(Date.UTC(1950, 8, 25)),
        new Date(Date.UTC(2026, 4, 1, 9, 30)),
        { text: '官网', hyperlink: 'https://example.org' },
      ]);
    });
    const [t] = await readXlsx('f.xlsx', bytes);
    expect(plain(t!)).toEqual([
      { row: 2, A: '2015', B: '全国劳模', C: '1950-09-25', D: '2026-05-01T09:30', E: '官网' },
    ]);
  });
});

describe('readCsv', () => {
  const text =
    '姓名,单位,简介\r\n王建国,"市第一机床厂","一句话,带逗号\n第二行"\r\n,,\r\n李秀英,纺织厂,\r\n';
  const expected = [
    { row: 2, A: '王建国', B: '市第一机床厂', C: '一句话,带逗号\n第二行' },
    { row: 4, A: '李秀英', B: '纺织厂' },
  ];

  it('reads UTF-8 without a BOM, keeping dates and leading zeros as typed', async () => {
    const t = await readCsv('人物.csv', '人物', new TextEncoder().encode(text));
    expect(t.sheet).toBe('人物');
    expect([...t.headers.values()]).toEqual(['姓名', '单位', '简介']);
    expect(plain(t)).toEqual(expected);
    const dates = await readCsv(
      'x.csv',
      'x',
      new TextEncoder().encode('日期,编号\n1950-09-25,007\n'),
    );
    expect(plain(dates)).toEqual([{ row: 2, A: '1950-09-25', B: '007' }]);
  });

  it('reads UTF-8 with a BOM (Excel\'s "CSV UTF-8")', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeCsv(bytes).encoding).toBe('utf-8');
    const t = await readCsv('人物.csv', '人物', bytes);
    expect(t.headers.get('A')).toBe('姓名');
    expect(plain(t)).toEqual(expected);
  });

  it('reads GBK, as Excel in China saves "CSV (逗号分隔)", rare characters included', async () => {
    const bytes = new Uint8Array(iconv.encode(`${text}喆,堃,\r\n`, 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsv(bytes).encoding).toBe('gbk');
    const t = await readCsv('人物.csv', '人物', bytes);
    expect(plain(t)).toEqual([...expected, { row: 5, A: '喆', B: '堃' }]);
  });

  it('reads tab-separated text', async () => {
    const t = await readCsv(
      'a.csv',
      'a',
      new TextEncoder().encode('姓名\t单位\n王建国\t机床厂, 一车间\n'),
    );
    expect(plain(t)).toEqual([{ row: 2, A: '王建国', B: '机床厂, 一车间' }]);
  });
});

it('names columns as Excel does', () => {
  expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual([
    'A',
    'Z',
    'AA',
    'AZ',
    'BA',
    'ZZ',
    'AAA',
  ]);
});
