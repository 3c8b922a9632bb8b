import { describe, expect, it } from 'vitest';
import type { Content, Worker } from './schema';
import { historyOf, topHonor, workerStops, workersOnWall } from './selectors';

const honor = (
  level: Worker['honors'][0]['level'],
  kind: Worker['honors'][0]['kind'],
  year: number,
) => ({
  title: { 'zh-CN': `${level}-${kind}` },
  level,
  kind,
  year,
});
const worker = (id: string, honors: Worker['honors'], extra: Partial<Worker> = {}): Worker => ({
  id,
  name: { 'zh-CN': id },
  employer: { 'zh-CN': '厂' },
  honors,
  ...extra,
});

const content: Content = {
  format: 'kiosk-content/1',
  hall: { name: { 'zh-CN': '馆' }, welcome: { 'zh-CN': '欢迎' } },
  attract: { message: { 'zh-CN': '轻触' } },
  workers: [
    worker('a', [honor('municipal', 'model-worker', 2001)]),
    worker('b', [honor('national', 'model-worker', 2005), honor('provincial', 'craftsman', 2019)], {
      tags: ['craftsman-spirit'],
      sector: { 'zh-CN': '电力' },
      chapters: [
        { year: 2010, title: { 'zh-CN': '后' }, text: { 'zh-CN': '…' } },
        { year: 1999, title: { 'zh-CN': '前' }, text: { 'zh-CN': '…' } },
      ],
    }),
    worker('c', [honor('national', 'may-day-medal', 2015)], { withdrawn: true }),
    worker('d', [honor('national', 'model-worker', 2015)], { sector: { 'zh-CN': '铁路' } }),
  ],
  walls: [],
  timelines: [
    {
      id: 'h',
      title: { 'zh-CN': '历程' },
      eras: [
        {
          id: 'e1',
          title: { 'zh-CN': '一' },
          from: 1950,
          to: 1960,
          events: [{ date: '1950-09-25', title: { 'zh-CN': 'x' }, text: { 'zh-CN': 'y' } }],
        },
        {
          id: 'e2',
          title: { 'zh-CN': '二' },
          from: 2000,
          to: 2010,
          events: [
            {
              date: '2007',
              title: { 'zh-CN': 'v' },
              text: { 'zh-CN': 'u' },
              workers: ['b', 'gone'],
            },
            { date: '2005', title: { 'zh-CN': 'z' }, text: { 'zh-CN': 'w' } },
          ],
        },
      ],
    },
  ],
};

const wall = (select: Content['walls'][0]['select']) => ({
  id: 'w',
  title: { 'zh-CN': '墙' },
  layout: 'grid' as const,
  select,
});
const ids = (ws: Worker[]) => ws.map((w) => w.id);

describe('selectors', () => {
  it('an empty selection shows everyone not withdrawn, national first, then most recent', () => {
    expect(ids(workersOnWall(content, wall({})))).toEqual(['d', 'b', 'a']);
  });

  it('filters by level, kind, year range, sector, tag and explicit list', () => {
    expect(ids(workersOnWall(content, wall({ levels: ['municipal'] })))).toEqual(['a']);
    expect(ids(workersOnWall(content, wall({ kinds: ['craftsman'] })))).toEqual(['b']);
    expect(ids(workersOnWall(content, wall({ years: { from: 2010 } })))).toEqual(['d', 'b']);
    expect(ids(workersOnWall(content, wall({ years: { to: 2004 } })))).toEqual(['a']);
    expect(ids(workersOnWall(content, wall({ sectors: ['铁路'] })))).toEqual(['d']);
    expect(ids(workersOnWall(content, wall({ tags: ['craftsman-spirit'] })))).toEqual(['b']);
    expect(ids(workersOnWall(content, wall({ workers: ['a', 'c'] })))).toEqual(['a']);
  });

  it('a level and a kind must match on the same honour', () => {
    // b is national (model worker) and provincial (craftsman), but not a national craftsman.
    expect(
      ids(workersOnWall(content, wall({ levels: ['national'], kinds: ['craftsman'] }))),
    ).toEqual([]);
  });

  it('headlines the highest, then the most recent honour', () => {
    expect(topHonor(content.workers[1]!).level).toBe('national');
  });

  it('orders a person’s chapters by year and flattens history eras in order', () => {
    expect(workerStops(content.workers[1]!).map((s) => s.year)).toEqual(['1999', '2010']);
    const history = historyOf(content, 'h');
    expect(history.events.map((e) => [e.date, e.era, ids(e.people)])).toEqual([
      ['1950-09-25', 0, []],
      ['2005', 1, []],
      ['2007', 1, ['b']],
    ]);
    expect(history.eras.map((e) => [e.id, e.first, e.last])).toEqual([
      ['e1', 0, 0],
      ['e2', 1, 2],
    ]);
    expect(historyOf(content, 'missing')).toEqual({ events: [], eras: [] });
  });
});
