/** Reads an .xlsx workbook or a .csv file (UTF-8 with or without BOM, or GBK) into plain tables of trimmed text. */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** One non-empty data row: its number as the spreadsheet shows it, and its cells by column letter. */
export interface SheetRow {
  row: number;
  cells: Map<string, string>;
}

/** A sheet as the staff see it: the first non-empty row is the header, empty rows are gone. */
export interface SheetTable {
  file: string;
  sheet: string;
  /** Header text by column letter, as written (not normalised). */
  headers: Map<string, string>;
  headerRow: number;
  rows: SheetRow[];
}

/** Column number (1-based) to its letter(s), as Excel labels columns: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

/**
 * Decodes CSV bytes: a UTF-8 BOM or valid UTF-8 is read as UTF-8; anything else is taken for GB18030
 * (a superset of GBK, which Excel in China writes for "CSV (逗号分隔)").
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gbk' };
  }
}

/** Reads every worksheet of an .xlsx file. */
export async function readXlsx(file: string, bytes: Uint8Array): Promise<SheetTable[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => tableOf(file, ws.name, ws));
}

/** Reads one CSV file as one sheet, named after the file (人物.csv → 人物). */
export async function readCsv(file: string, sheet: string, bytes: Uint8Array): Promise<SheetTable> {
  const { text } = decodeCsv(bytes);
  const book = new ExcelJS.Workbook();
  // Every value stays text: exceljs would otherwise turn "1950-09-25" into a Date and "007" into 7.
  const ws = await book.csv.read(Readable.from([text]), {
    sheetName: 'csv',
    map: (datum: string) => datum,
    parserOptions: { delimiter: sniffDelimiter(text) },
  } as unknown as Parameters<typeof book.csv.read>[1]);
  return tableOf(file, sheet, ws);
}

/** Excel saves "Unicode text" tab-separated; a header line with tabs and no commas is read that way. */
function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

function tableOf(file: string, sheet: string, ws: ExcelJS.Worksheet): SheetTable {
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<string, string>();
    let own = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const copy = cell.isMerged && cell.master !== cell;
      // A merge down a column repeats its value on every row (one name for several honours);
      // a merge across columns is only layout, so it belongs to its first column alone.
      if (copy && cell.master.fullAddress.col !== col) return;
      const text = cellText(copy ? cell.master.value : cell.value);
      if (!text) return;
      cells.set(columnLetter(col), text);
      own ||= !copy;
    });
    // A row holding nothing but the tail of a merge is an empty row inside a merged block.
    if (own) rows.push({ row: rowNumber, cells });
  });
  const [header, ...data] = rows;
  return {
    file,
    sheet,
    headers: header?.cells ?? new Map(),
    headerRow: header?.row ?? 0,
    rows: data,
  };
}

/** A cell's value as the text staff typed or see: formulas by their result, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && 'hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** Excel keeps dates without a zone; exceljs hands them over as UTC, so UTC fields are the typed ones. */
function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secondsOfDay = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secondsOfDay ? `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}
