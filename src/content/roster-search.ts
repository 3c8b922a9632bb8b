/**
 * The roster's filters and keyboard-free name search: everything a tap needs is precomputed once
 * into flat typed arrays, so a chip or a letter answers over 25,000 people in a few milliseconds.
 */
import { LEVEL_NAMES, TAG_NAMES } from '../i18n/strings';
import { KIND_NAMES, decadeLabel } from '../i18n/roster-strings';
import { pinyinQuery, readingMatches } from './name-pinyin';
import {
  ALL_KINDS,
  ALL_LEVELS,
  KIND_BIT,
  LEVEL_BIT,
  TAG_BIT,
  type RosterIndex,
  type TextGroup,
} from './roster-index';
import { HONOR_KINDS, HONOR_LEVELS, SPIRIT_TAGS } from './schema';
import type { HonorKind, HonorLevel, LocalText, SpiritTag } from './schema';

export { buildRosterIndex, type RosterIndex } from './roster-index';

/** What a visitor has chosen: every non-empty group must match, any value within a group may. */
export interface RosterFilter {
  levels: readonly HonorLevel[];
  kinds: readonly HonorKind[];
  /** Decades as their first year: 1990 for 1990–1999. */
  decades: readonly number[];
  /** Sectors and regions by their zh-CN text. */
  sectors: readonly string[];
  regions: readonly string[];
  tags: readonly SpiritTag[];
  /** Pinyin letters (ZXM, zhangxm) or Chinese characters of a name. */
  query: string;
}

export const EMPTY_FILTER: RosterFilter = Object.freeze({
  levels: [],
  kinds: [],
  decades: [],
  sectors: [],
  regions: [],
  tags: [],
  query: '',
});

/** Whether the filter lets everyone through. */
export function isEmptyFilter(f: RosterFilter): boolean {
  return (
    !f.levels.length &&
    !f.kinds.length &&
    !f.decades.length &&
    !f.sectors.length &&
    !f.regions.length &&
    !f.tags.length &&
    !f.query.trim()
  );
}

/** One chip: the value a filter holds, its name, and how many people have it. */
export interface FacetValue<T> {
  value: T;
  label: LocalText;
  count: number;
}

export interface RosterFacets {
  levels: FacetValue<HonorLevel>[];
  kinds: FacetValue<HonorKind>[];
  decades: FacetValue<number>[];
  sectors: FacetValue<string>[];
  regions: FacetValue<string>[];
  tags: FacetValue<SpiritTag>[];
}

/** The filter turned into masks and lookup tables over the index's numbering. */
interface Compiled {
  levels: number;
  kinds: number;
  decades: Uint8Array | null;
  /** Tag bits any of which will do, or -1 when tags do not matter. */
  tags: number;
  sectors: Uint8Array | null;
  regions: Uint8Array | null;
  honours: boolean;
}

function compile(index: RosterIndex, f: RosterFilter): Compiled {
  const bits = <T extends string>(values: readonly T[], bit: Record<T, number>, all: number) =>
    values.length ? values.reduce((m, v) => m | (bit[v] ?? 0), 0) : all;
  // A table of ids allowed; values the roster does not have allow nothing.
  const allowed = (count: number, ids: (number | undefined)[]) => {
    if (!ids.length) return null;
    const ok = new Uint8Array(count);
    for (const id of ids) if (id !== undefined) ok[id] = 1;
    return ok;
  };
  const decadeIds = new Map(index.decades.map((d, i) => [d, i]));
  const { sectors, regions } = index;
  return {
    levels: bits(f.levels, LEVEL_BIT, ALL_LEVELS),
    kinds: bits(f.kinds, KIND_BIT, ALL_KINDS),
    tags: bits(f.tags, TAG_BIT, -1),
    decades: allowed(
      index.decades.length,
      f.decades.map((d) => decadeIds.get(d)),
    ),
    sectors: allowed(
      sectors.labels.length,
      f.sectors.map((s) => sectors.ids.get(s.trim())),
    ),
    regions: allowed(
      regions.labels.length,
      f.regions.map((s) => regions.ids.get(s.trim())),
    ),
    honours: f.levels.length + f.kinds.length + f.decades.length > 0,
  };
}

function passes(ix: RosterIndex, c: Compiled, i: number): boolean {
  if (c.tags !== -1 && !(ix.tagBits[i]! & c.tags)) return false;
  if (c.sectors) {
    const s = ix.sectors.of[i]!;
    if (s < 0 || !c.sectors[s]) return false;
  }
  if (c.regions) {
    const r = ix.regions.of[i]!;
    if (r < 0 || !c.regions[r]) return false;
  }
  if (!c.honours) return true;
  // Level, kind and decade must meet in one honour (a national honour in the 1990s), as walls select.
  for (let h = ix.honourStart[i]!; h < ix.honourStart[i + 1]!; h++) {
    const bits = ix.honourBits[h]!;
    if (bits & c.levels && bits & c.kinds && (!c.decades || c.decades[ix.honourDecade[h]!]))
      return true;
  }
  return false;
}

/**
 * The positions (ascending, into the indexed workers) of everyone the filter lets through.
 * Letters in `query` spell the start of a name in pinyin (ZXM, ZX, zhangxm, zhangxiaoming for
 * 张小明; 单雄信 answers to SXX and DXX); any other query is looked for inside the Chinese name.
 */
export function matchRoster(index: RosterIndex, filter: RosterFilter): Int32Array {
  const c = compile(index, filter);
  const query = filter.query.replace(/\s+/g, '');
  const out = index.scratch;
  let n = 0;
  if (!query) {
    for (let i = 0; i < index.size; i++) if (passes(index, c, i)) out[n++] = i;
    return out.slice(0, n);
  }
  const letters = pinyinQuery(query);
  if (letters) {
    const { pinyin, readingStart } = index;
    const bucket = index.byLetter[letters[0]! - 97]!;
    for (let b = 0; b < bucket.length; b++) {
      const i = bucket[b]!;
      if (!passes(index, c, i)) continue;
      for (let r = readingStart[i]!; r < readingStart[i + 1]!; r++)
        if (readingMatches(pinyin, r, letters)) {
          out[n++] = i;
          break;
        }
    }
  } else {
    const needle = query.toLowerCase();
    for (let i = 0; i < index.size; i++)
      if (index.names[i]!.includes(needle) && passes(index, c, i)) out[n++] = i;
  }
  return out.slice(0, n);
}

/**
 * The chips for each filter group with how many people each would show: levels, kinds and tags in
 * the schema's order, decades oldest first, sectors and regions most common first. Values nobody
 * has are left out.
 */
export function rosterFacets(index: RosterIndex): RosterFacets {
  const fixed = <T extends string>(
    values: readonly T[],
    counts: Int32Array,
    names: Record<string, LocalText>,
  ): FacetValue<T>[] =>
    values
      .map((value, i) => ({ value, label: names[value]!, count: counts[i]! }))
      .filter((f) => f.count > 0);
  const texts = (g: TextGroup): FacetValue<string>[] =>
    g.labels
      .map((label, i) => ({ value: label['zh-CN'], label, count: g.counts[i]! }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
  return {
    levels: fixed(HONOR_LEVELS, index.levelCounts, LEVEL_NAMES),
    kinds: fixed(HONOR_KINDS, index.kindCounts, KIND_NAMES),
    decades: index.decades.map((value, i) => ({
      value,
      label: decadeLabel(value),
      count: index.decadeCounts[i]!,
    })),
    sectors: texts(index.sectors),
    regions: texts(index.regions),
    tags: fixed(SPIRIT_TAGS, index.tagCounts, TAG_NAMES),
  };
}
