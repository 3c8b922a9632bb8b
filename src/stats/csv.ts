/** CSV for staff who open it in a spreadsheet: quoted cells, no formulas, UTF-8 with a BOM for Excel. */

/**
 * One cell: quoted when it holds a comma, quote or line break; a text starting like a formula
 * (= + - @, tab) gets a leading apostrophe so a spreadsheet shows it instead of running it.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One row of cells. */
export const csvRow = (cells: readonly string[]): string => cells.map(csvCell).join(',');

/**
 * A CSV file: UTF-8 with a byte-order mark, without which Excel on a Chinese Windows reads the file
 * as GBK and shows names as mojibake.
 */
export function csvFile(text: string): Blob {
  return new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
}

/** Offers `blob` as a download named `name` (the kiosk lets blob downloads of its own through). */
export function downloadFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
