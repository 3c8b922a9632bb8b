/** A problem the CLI reports as one line: the file, the field, and what is expected. */
export class CliProblem extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly expected: string,
  ) {
    super(`${file}: ${field === '(file)' ? '' : `${field} `}${expected}`);
    this.name = 'CliProblem';
  }
}

/** Several problems found in one pass, so staff can fix them all at once. */
export class CliProblems extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'CliProblems';
  }
}

/** Where a spreadsheet value was found: the file, the sheet, and the row and column when known. */
export interface SheetPlace {
  file: string;
  sheet: string;
  row?: number;
  /** Column letter (D) and its header (级别). */
  col?: string;
  header?: string;
}

/** A problem in a spreadsheet, said in Chinese and English. */
export interface SheetIssue {
  place: SheetPlace;
  zh: string;
  en: string;
}

/** Where, in both languages: `人物.xlsx › 荣誉 › 第 5 行 D 列「级别」(row 5, column D)`. */
export function placeText({ file, sheet, row, col, header }: SheetPlace): string {
  const cell = [row && `第 ${row} 行`, col && `${col} 列`].filter(Boolean).join(' ');
  const named = header ? `「${header}」` : '';
  const english = [row && `row ${row}`, col && `column ${col}`].filter(Boolean).join(', ');
  const at = cell || named ? ` › ${cell}${named}${english ? ` (${english})` : ''}` : '';
  return `${file} › ${sheet}${at}`;
}

/** One line: the place, then what is expected in Chinese and in English. */
export function sheetLine({ place, zh, en }: SheetIssue): string {
  return `${placeText(place)}: ${zh} / ${en}`;
}

/** Where in a JSON or YAML file: a content path, and the line (and column) it is on when known. */
export interface FilePlace {
  file: string;
  path?: string;
  line?: number;
  col?: number;
}

/**
 * One line for a problem in a JSON or YAML file, the place said in each language:
 * `content.yaml: workers[3].honors[0].year（第 57 行）应为数字… / must be a number… (line 57)`.
 */
export function fileLine({ file, path, line, col }: FilePlace, zh: string, en: string): string {
  const zhAt = line ? `第 ${line} 行${col ? `第 ${col} 列` : ''}` : '';
  const enAt = line ? ` (line ${line}${col ? `, column ${col}` : ''})` : '';
  const where =
    path && path !== '(top level)'
      ? zhAt
        ? `${path}（${zhAt}）`
        : `${path} `
      : zhAt && `${zhAt} `;
  return `${file}: ${where}${zh} / ${en}${enAt}`;
}
