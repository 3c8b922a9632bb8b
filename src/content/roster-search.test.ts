import { describe, expect, it } from 'vitest';
import { nameReadings } from './name-pinyin';
import {
  EMPTY_FILTER,
  buildRosterIndex,
  isEmptyFilter,
  matchRoster,
  rosterFacets,
  type RosterFilter,
} from './roster-search';
import type { Honor, HonorKind, HonorLevel, Worker } from './schema';

const honor = (level: HonorLevel, kind: HonorKind, year: number): Honor => ({
  title: { 'zh-CN': `${level}-${kind}-${year}` },
  level,
  kind,
  year,
});
let nextId = 0;
const person = (name: string, honors: Honor[], extra: Partial<Worker> = {}): Worker => ({
  id: `w${nextId++}`,
  name: { 'zh-CN': name },
  employer: { 'zh-CN': '厂' },
  honors,
  ...extra,
});
const plain = (name: string) => person(name, [honor('municipal', 'model-worker', 2001)]);

/** Names of the workers the filter lets through, in index order. */
function found(workers: Worker[], filter: Partial<RosterFilter>): string[] {
  const index = buildRosterIndex(workers);
  return [...matchRoster(index, { ...EMPTY_FILTER, ...filter })].map(
    (i) => workers[i]!.name['zh-CN'],
  );
}
const names = (list: string) => list.split(' ').map(plain);
const search = (roster: Worker[], query: string) => found(roster, { query });

describe('pinyin search', () => {
  const roster = names('张小明 张三 赵晓梅 王小明 李明 章萧民');

  it('matches initials, full pinyin and mixtures as a prefix of the name', () => {
    expect(search(roster, 'ZXM')).toEqual(['张小明', '赵晓梅', '章萧民']);
    expect(search(roster, 'ZX')).toEqual(['张小明', '赵晓梅', '章萧民']);
    expect(search(roster, 'zhangxiaoming')).toEqual(['张小明']); // not 章萧民, zhang xiao min
    expect(search(roster, 'zhangxm')).toEqual(['张小明', '章萧民']);
    expect(search(roster, 'zxiaom')).toEqual(['张小明', '赵晓梅', '章萧民']);
    expect(search(roster, 'Zhang Xiao Ming')).toEqual(['张小明']);
    expect(search(roster, 'zhangs')).toEqual(['张三']);
    expect(search(roster, 'zhangxiaomi')).toEqual(['张小明', '章萧民']);
  });

  it('does not match letters that are not the start of the name or run past its end', () => {
    expect(search(roster, 'XM')).toEqual([]);
    expect(search(roster, 'zxmm')).toEqual([]);
    expect(search(roster, 'zhangxiaomingg')).toEqual([]);
    expect(search(roster, 'q')).toEqual([]);
  });

  it('reads polyphonic surnames as surnames and also by their ordinary reading', () => {
    const surnames = names('单雄信 曾国藩 区小明 解放 仇英 查良镛');
    expect(search(surnames, 'SXX')).toEqual(['单雄信']);
    expect(search(surnames, 'DXX')).toEqual(['单雄信']);
    expect(search(surnames, 'shanxiongxin')).toEqual(['单雄信']);
    expect(search(surnames, 'zgf')).toEqual(['曾国藩']);
    expect(search(surnames, 'cengguofan')).toEqual(['曾国藩']);
    expect(search(surnames, 'ouxm')).toEqual(['区小明']);
    expect(search(surnames, 'qxm')).toEqual(['区小明']);
    expect(search(surnames, 'xief')).toEqual(['解放']);
    expect(search(surnames, 'jief')).toEqual(['解放']);
    expect(search(surnames, 'qiuy')).toEqual(['仇英']);
    expect(search(surnames, 'zhaly')).toEqual(['查良镛']);
  });

  it('handles compound surnames, ü, minority names with a middle dot and Latin names', () => {
    const roster2 = names('欧阳修 尉迟恭 吕小女 买买提·艾力').concat(plain('Ahmed Ali'));
    expect(search(roster2, 'oyx')).toEqual(['欧阳修']);
    expect(search(roster2, 'ouyangxiu')).toEqual(['欧阳修']);
    expect(search(roster2, 'ycg')).toEqual(['尉迟恭']);
    expect(search(roster2, 'yuchigong')).toEqual(['尉迟恭']);
    expect(search(roster2, 'wcg')).toEqual(['尉迟恭']);
    expect(search(roster2, 'lvxiaonv')).toEqual(['吕小女']);
    expect(search(roster2, 'luxiaonu')).toEqual(['吕小女']);
    expect(search(roster2, 'mmtal')).toEqual(['买买提·艾力']);
    expect(search(roster2, 'AA')).toEqual(['Ahmed Ali']);
    expect(search(roster2, 'ahmeda')).toEqual(['Ahmed Ali']);
  });

  it('finds Chinese characters anywhere in the name', () => {
    expect(search(roster, '小明')).toEqual(['张小明', '王小明']);
    expect(search(roster, '张')).toEqual(['张小明', '张三']);
    expect(search(roster, '张 三')).toEqual(['张三']);
    expect(search(roster, '明z')).toEqual([]);
  });

  it('gives each reading once and keeps the surname reading first', () => {
    expect(nameReadings('单雄信')).toEqual([
      ['shan', 'xiong', 'xin'],
      ['dan', 'xiong', 'xin'],
    ]);
    expect(nameReadings('张小明')).toEqual([['zhang', 'xiao', 'ming']]);
  });

  it('agrees with a plain regular-expression matcher on many generated queries', () => {
    const roster3 = names(
      '张小明 单雄信 曾长生 欧阳娜娜 司马光 黄晓华 庄重 常昌 安安 尉迟恭 吕律 区欧 翁文 晏燕 朱竹 施诗',
    );
    const index = buildRosterIndex(roster3);
    const readings = roster3.map((w) => nameReadings(w.name['zh-CN']));
    // Each syllable may be given by any non-empty start of it, in order, from the first syllable.
    const pattern = (syllables: string[]) =>
      new RegExp(
        '^' +
          syllables
            .map(
              (s) =>
                `(?:${[...s].map((_, k) => s.slice(0, k + 1).replaceAll('v', '[uv]')).join('|')})`,
            )
            .reduceRight((rest, piece) => `${piece}(?:${rest})?`, '') +
          '$',
      );
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 10_000) / 10_000;
    let checked = 0;
    for (const rs of readings)
      for (const r of rs)
        for (let n = 0; n < 20; n++) {
          // A query from pieces of this reading (sometimes cut short), checked against everyone.
          let q = r
            .map((s) => s.slice(0, 1 + Math.floor(rand() * s.length)))
            .join('')
            .replaceAll('v', rand() < 0.5 ? 'u' : 'v');
          q = q.slice(0, 1 + Math.floor(rand() * q.length));
          const want = readings
            .map((list, i) => (list.some((x) => pattern(x).test(q)) ? i : -1))
            .filter((i) => i >= 0);
          expect([...matchRoster(index, { ...EMPTY_FILTER, query: q })], q).toEqual(want);
          checked++;
        }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('filters', () => {
  const sector = (zh: string, en?: string) => (en ? { 'zh-CN': zh, en } : { 'zh-CN': zh });
  const roster = [
    person('甲', [honor('national', 'model-worker', 1995)], {
      sector: sector('电力'),
      region: sector('江岸区', 'Jiang’an'),
      tags: ['model-spirit'],
    }),
    person(
      '乙',
      [honor('municipal', 'craftsman', 2019), honor('national', 'may-day-medal', 2008)],
      {
        sector: sector('电力', 'Power'),
        tags: ['craftsman-spirit', 'model-spirit'],
      },
    ),
    person('丙', [honor('provincial', 'model-worker', 1999)], {
      sector: sector('铁路', 'Railways'),
      region: sector('江岸区'),
    }),
    person('丁', [honor('provincial', 'advanced-worker', 1963)]),
    person(
      '戊',
      [honor('national', 'model-worker', 1998), honor('national', 'model-worker', 1991)],
      {
        sector: sector('铁路'),
        region: sector('洪山区', 'Hongshan'),
      },
    ),
  ];
  const who = (f: Partial<RosterFilter>) => found(roster, f).join('');

  it('lets everyone through when empty, in the order given', () => {
    expect(who({})).toBe('甲乙丙丁戊');
    expect(found([...roster].reverse(), {}).join('')).toBe('戊丁丙乙甲');
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, query: '  ' })).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, tags: ['model-spirit'] })).toBe(false);
  });

  it('takes any value within a group and every group together', () => {
    expect(who({ levels: ['national'] })).toBe('甲乙戊');
    expect(who({ levels: ['national', 'provincial'] })).toBe('甲乙丙丁戊');
    expect(who({ sectors: ['电力', '铁路'] })).toBe('甲乙丙戊');
    expect(who({ sectors: ['铁路'], regions: ['江岸区'] })).toBe('丙');
    expect(who({ regions: ['洪山区', '江岸区'] })).toBe('甲丙戊');
    expect(who({ tags: ['model-spirit'] })).toBe('甲乙');
    expect(who({ tags: ['craftsman-spirit', 'labour-spirit'] })).toBe('乙');
    expect(who({ kinds: ['model-worker'], sectors: ['电力'] })).toBe('甲');
  });

  it('matches level, kind and decade within one honour', () => {
    expect(who({ decades: [1990] })).toBe('甲丙戊');
    expect(who({ decades: [1960, 2010] })).toBe('乙丁');
    // 乙 is national (2008) and municipal in the 2010s, but has no national honour in the 2010s.
    expect(who({ levels: ['national'], decades: [2010] })).toBe('');
    expect(who({ levels: ['national'], decades: [2000] })).toBe('乙');
    expect(who({ kinds: ['craftsman'], levels: ['municipal'] })).toBe('乙');
  });

  it('matches nothing for values the roster does not have', () => {
    expect(who({ sectors: ['航天'] })).toBe('');
    expect(who({ decades: [1970] })).toBe('');
    expect(who({ regions: ['江岸区 '] })).toBe('甲丙');
  });

  it('combines the name search with the chips', () => {
    const roster2 = [
      person('张小明', [honor('national', 'model-worker', 2001)]),
      person('张晓', [honor('municipal', 'model-worker', 2001)]),
      person('周兴', [honor('national', 'model-worker', 2001)]),
    ];
    expect(found(roster2, { query: 'zx', levels: ['national'] })).toEqual(['张小明', '周兴']);
    expect(found(roster2, { query: '张', levels: ['municipal'] })).toEqual(['张晓']);
  });

  it('offers chips with counts of people, in a sensible order', () => {
    const facets = rosterFacets(buildRosterIndex(roster));
    const chips = (list: { value: unknown; count: number }[]) =>
      list.map((f) => `${String(f.value)}:${f.count}`).join(' ');
    expect(chips(facets.levels)).toBe('national:3 provincial:2 municipal:1');
    expect(chips(facets.kinds)).toBe(
      'model-worker:3 advanced-worker:1 may-day-medal:1 craftsman:1',
    );
    expect(chips(facets.decades)).toBe('1960:1 1990:3 2000:1 2010:1');
    expect(chips(facets.sectors)).toBe('电力:2 铁路:2');
    expect(chips(facets.regions)).toBe('江岸区:2 洪山区:1');
    expect(chips(facets.tags)).toBe('model-spirit:2 craftsman-spirit:1');
    expect(facets.decades[1]!.label).toEqual({ 'zh-CN': '1990年代', en: '1990s' });
    expect(facets.levels[0]!.label.en).toBe('National');
    expect(facets.kinds[2]!.label['zh-CN']).toBe('五一劳动奖章');
    // The English of a sector comes from whichever worker has it.
    expect(facets.sectors.map((f) => f.label)).toEqual([
      { 'zh-CN': '电力', en: 'Power' },
      { 'zh-CN': '铁路', en: 'Railways' },
    ]);
  });
});
