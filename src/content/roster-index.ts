/** The roster precomputed once into flat typed arrays, so a search or a chip tap is a tight loop. */
import { firstLetter, nameReadings, packReadings, type PinyinTable } from './name-pinyin';
import { HONOR_KINDS, HONOR_LEVELS, SPIRIT_TAGS } from './schema';
import type { HonorKind, HonorLevel, LocalText, SpiritTag, Worker } from './schema';

/** Distinct texts of one field (sector or region), numbered in order of first appearance. */
export interface TextGroup {
  readonly ids: ReadonlyMap<string, number>;
  readonly labels: readonly LocalText[];
  readonly counts: Int32Array;
  /** Per worker: the id of its text, or -1 when it has none. */
  readonly of: Int32Array;
}

/** The precomputed roster; build it once per list of workers with `buildRosterIndex`. */
export interface RosterIndex {
  readonly size: number;
  /** zh-CN names without spaces, lowercased, for searches typed in characters. */
  readonly names: readonly string[];
  readonly pinyin: PinyinTable;
  /** Worker i's readings are pinyin readings readingStart[i]..readingStart[i+1]. */
  readonly readingStart: Int32Array;
  /** For each letter a–z, the workers (ascending) having a reading that begins with it. */
  readonly byLetter: readonly Int32Array[];
  /** Worker i's honours are honourStart[i]..honourStart[i+1]. */
  readonly honourStart: Int32Array;
  /** Per honour: bit (level index) | bit (4 + kind index). */
  readonly honourBits: Uint16Array;
  /** Per honour: its decade's index in `decades`. */
  readonly honourDecade: Uint16Array;
  /** Every decade present, ascending, with how many people have an honour in it. */
  readonly decades: readonly number[];
  readonly decadeCounts: Int32Array;
  readonly levelCounts: Int32Array;
  readonly kindCounts: Int32Array;
  readonly tagCounts: Int32Array;
  /** Per worker: bit (tag index) for each of its tags. */
  readonly tagBits: Uint8Array;
  readonly sectors: TextGroup;
  readonly regions: TextGroup;
  /** Reused for every match; only a copy of its start leaves `matchRoster`. */
  readonly scratch: Int32Array;
}

export const LEVEL_BIT = Object.fromEntries(HONOR_LEVELS.map((l, i) => [l, 1 << i])) as Record<
  HonorLevel,
  number
>;
export const KIND_BIT = Object.fromEntries(HONOR_KINDS.map((k, i) => [k, 1 << (4 + i)])) as Record<
  HonorKind,
  number
>;
export const TAG_BIT = Object.fromEntries(SPIRIT_TAGS.map((t, i) => [t, 1 << i])) as Record<
  SpiritTag,
  number
>;
export const ALL_LEVELS = 0b1111;
export const ALL_KINDS = 0b11111 << 4;
const decadeOf = (year: number) => Math.floor(year / 10) * 10;

/** Precomputes everything `matchRoster` and `rosterFacets` need; the workers keep their order. */
export function buildRosterIndex(workers: readonly Worker[]): RosterIndex {
  const size = workers.length;
  const names = workers.map((w) => w.name['zh-CN'].replace(/\s+/g, '').toLowerCase());

  const readings: string[][] = [];
  const readingStart = new Int32Array(size + 1);
  workers.forEach((w, i) => {
    readingStart[i] = readings.length;
    readings.push(...nameReadings(w.name['zh-CN']));
  });
  readingStart[size] = readings.length;
  const pinyin = packReadings(readings);
  const byLetter = lettersIndex(pinyin, readingStart);

  const decades = [...new Set(workers.flatMap((w) => w.honors.map((h) => decadeOf(h.year))))].sort(
    (a, b) => a - b,
  );
  const decadeIndex = new Map(decades.map((d, i) => [d, i]));
  const honourCount = workers.reduce((n, w) => n + w.honors.length, 0);
  const honourStart = new Int32Array(size + 1);
  const honourBits = new Uint16Array(honourCount);
  const honourDecade = new Uint16Array(honourCount);
  const levelCounts = new Int32Array(HONOR_LEVELS.length);
  const kindCounts = new Int32Array(HONOR_KINDS.length);
  const decadeCounts = new Int32Array(decades.length);
  const decadeSeen = new Int32Array(decades.length).fill(-1);
  const tagBits = new Uint8Array(size);
  const tagCounts = new Int32Array(SPIRIT_TAGS.length);
  let h = 0;
  workers.forEach((w, i) => {
    honourStart[i] = h;
    let bits = 0;
    for (const honour of w.honors) {
      const d = decadeIndex.get(decadeOf(honour.year))!;
      honourBits[h] = LEVEL_BIT[honour.level] | KIND_BIT[honour.kind];
      honourDecade[h++] = d;
      bits |= honourBits[h - 1]!;
      // A person counts once per decade, however many honours they had in it.
      if (decadeSeen[d] !== i) decadeCounts[d]!++;
      decadeSeen[d] = i;
    }
    HONOR_LEVELS.forEach((l, k) => bits & LEVEL_BIT[l] && levelCounts[k]!++);
    HONOR_KINDS.forEach((kind, k) => bits & KIND_BIT[kind] && kindCounts[k]!++);
    for (const tag of new Set(w.tags)) tagBits[i]! |= TAG_BIT[tag];
    SPIRIT_TAGS.forEach((tag, k) => tagBits[i]! & TAG_BIT[tag] && tagCounts[k]!++);
  });
  honourStart[size] = h;

  return {
    size,
    names,
    pinyin,
    readingStart,
    byLetter,
    honourStart,
    honourBits,
    honourDecade,
    decades,
    decadeCounts,
    levelCounts,
    kindCounts,
    tagCounts,
    tagBits,
    sectors: textGroup(workers.map((w) => w.sector)),
    regions: textGroup(workers.map((w) => w.region)),
    scratch: new Int32Array(size),
  };
}

function lettersIndex(pinyin: PinyinTable, readingStart: Int32Array): Int32Array[] {
  const size = readingStart.length - 1;
  const masks = new Int32Array(size);
  const counts = new Int32Array(26);
  for (let i = 0; i < size; i++) {
    for (let r = readingStart[i]!; r < readingStart[i + 1]!; r++) {
      const letter = firstLetter(pinyin, r);
      if (letter >= 0 && letter < 26) masks[i]! |= 1 << letter;
    }
    for (let l = 0; l < 26; l++) if (masks[i]! & (1 << l)) counts[l]!++;
  }
  const lists = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(26);
  for (let i = 0; i < size; i++)
    for (let l = 0; l < 26; l++) if (masks[i]! & (1 << l)) lists[l]![filled[l]!++] = i;
  return lists;
}

function textGroup(texts: readonly (LocalText | undefined)[]): TextGroup {
  const ids = new Map<string, number>();
  const labels: LocalText[] = [];
  const of = new Int32Array(texts.length).fill(-1);
  const counts: number[] = [];
  texts.forEach((text, i) => {
    const key = text?.['zh-CN'].trim();
    if (!key) return;
    let id = ids.get(key);
    if (id === undefined) {
      id = labels.length;
      ids.set(key, id);
      labels.push(label(key, text!));
      counts.push(0);
    } else if (!labels[id]!.en) labels[id] = label(key, text!); // the first that has English
    of[i] = id;
    counts[id]!++;
  });
  return { ids, labels, of, counts: Int32Array.from(counts) };
}

const label = (zh: string, text: LocalText): LocalText => {
  const en = text.en?.trim();
  return en ? { 'zh-CN': zh, en } : { 'zh-CN': zh };
};
