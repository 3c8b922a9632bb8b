import { describe, expect, it } from 'vitest';
import { csvCell } from './csv';
import { KEEP_PEOPLE, SaluteSession, addSalute, salutesCsv, type SaluteBook } from './salutes';

const at = (iso: string) => new Date(iso);

describe('salutes', () => {
  it('counts per person and remembers the local day of the last one', () => {
    let book = addSalute({}, 'wang', at('2026-11-25T10:15:00'));
    book = addSalute(book, 'wang', at('2026-11-26T09:00:00'));
    book = addSalute(book, 'li', at('2026-11-26T09:01:00'));
    expect(book).toEqual({
      wang: { count: 2, last: '2026-11-26' },
      li: { count: 1, last: '2026-11-26' },
    });
  });

  it('keeps a bounded number of people, dropping those saluted longest ago (then the fewest)', () => {
    const full: SaluteBook = {};
    for (let i = 0; i < KEEP_PEOPLE; i++) full[`p${i}`] = { count: 5, last: '2026-03-01' };
    full.p7 = { count: 1, last: '2025-01-01' };
    full.p8 = { count: 9, last: '2025-01-01' };
    full.p9 = { count: 2, last: '2025-01-01' };
    const book = addSalute(full, 'newcomer', at('2026-11-26T12:00:00'));
    expect(Object.keys(book)).toHaveLength(KEEP_PEOPLE);
    expect(book.newcomer).toEqual({ count: 1, last: '2026-11-26' });
    expect(book.p7).toBeUndefined();
    expect(book.p9).toBeDefined();
    expect(book.p8).toBeDefined();
  });

  it('counts a person once a visit, again in the next visit', () => {
    const session = new SaluteSession();
    expect(session.has('wang', 1)).toBe(false);
    expect(session.take('wang', 1)).toBe(true);
    expect(session.take('wang', 1)).toBe(false);
    expect(session.has('wang', 1)).toBe(true);
    expect(session.take('li', 1)).toBe(true);
    // The idle reset starts a new visit.
    expect(session.has('wang', 2)).toBe(false);
    expect(session.take('wang', 2)).toBe(true);
    session.clear();
    expect(session.take('wang', 2)).toBe(true);
  });

  it('exports CSV most saluted first, with names from the pack and empty ones for people gone', () => {
    const book: SaluteBook = {
      li: { count: 1, last: '2026-11-26' },
      wang: { count: 3, last: '2026-11-25' },
      gone: { count: 1, last: '2026-01-02' },
    };
    const names: Record<string, { zh: string; en?: string }> = {
      wang: { zh: '王建国', en: 'Wang Jianguo' },
      li: { zh: '李秀英, "秀"' },
    };
    expect(salutesCsv(book, (id) => names[id]).split('\r\n')).toEqual([
      '编号 id,姓名,name,致敬次数 salutes,最近一次 last salute',
      'wang,王建国,Wang Jianguo,3,2026-11-25',
      'gone,,,1,2026-01-02',
      'li,"李秀英, ""秀""",,1,2026-11-26',
      '',
    ]);
  });

  it('never lets a cell run as a spreadsheet formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@a')).toBe("'@a");
    expect(csvCell('2026-11-25')).toBe('2026-11-25');
  });
});
