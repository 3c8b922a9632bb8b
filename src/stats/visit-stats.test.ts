import { describe, expect, it } from 'vitest';
import { KEEP_DAYS, addEvents, dayKey, lastDays, toCsv } from './visit-stats';

const at = (iso: string) => new Date(iso);

describe('visit statistics', () => {
  it('counts events per local day and hour', () => {
    const book = addEvents({}, [
      { event: 'session', at: at('2026-11-25T10:15:00') },
      { event: 'session', at: at('2026-11-25T10:50:00') },
      { event: 'wall', at: at('2026-11-25T10:51:00') },
      { event: 'session', at: at('2026-11-26T09:00:00') },
    ]);
    expect(book['2026-11-25']!.session![10]).toBe(2);
    expect(book['2026-11-25']!.wall![10]).toBe(1);
    expect(book['2026-11-26']!.session![9]).toBe(1);
  });

  it('keeps a bounded number of days, dropping the oldest', () => {
    let book = {};
    const start = at('2025-01-01T12:00:00');
    for (let i = 0; i < KEEP_DAYS + 30; i++) {
      const d = new Date(start);
      d.setDate(d.getDate() + i);
      book = addEvents(book, [{ event: 'session', at: d }]);
    }
    const days = Object.keys(book).sort();
    expect(days).toHaveLength(KEEP_DAYS);
    expect(days[0]).toBe(dayKey(new Date(2025, 0, 31)));
  });

  it('sums the last n days with empty days as zeros, and exports CSV rows', () => {
    const book = addEvents({}, [
      { event: 'person', at: at('2026-11-24T15:00:00') },
      { event: 'person', at: at('2026-11-24T16:00:00') },
      { event: 'film-finished', at: at('2026-11-25T11:00:00') },
    ]);
    const days = lastDays(book, at('2026-11-25T18:00:00'), 3);
    expect(days.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(days.map((d) => d.totals.person)).toEqual([0, 2, 0]);
    expect(days[2]!.totals['film-finished']).toBe(1);
    expect(toCsv(book).split('\n')).toEqual([
      'date,hour,event,count',
      '2026-11-24,15,person,1',
      '2026-11-24,16,person,1',
      '2026-11-25,11,film-finished,1',
      '',
    ]);
  });
});
