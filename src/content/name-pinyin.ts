/** How a name is spelled in toneless pinyin, and whether a visitor's typed letters spell its start. */
import { pinyin } from 'pinyin-pro';

const A = 97; // 'a'
const U = 117; // 'u'
const V = 118; // 'v', pinyin keyboards' stand-in for 'ü'

const LOWER_WORD = /^[a-z]+$/;

/** Ordinary (most common) reading of single characters; surnames repeat, so this stays small. */
const ordinaryReading = new Map<string, string>();

/** The Latin-letter words in a run of non-Chinese text ("Ahmed Ali" → ahmed, ali). */
function latinWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ü', 'v')
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/**
 * The syllable spellings a visitor might type for a name, each a list of lowercase a–z syllables
 * ('ü' written 'v'). The first reads the surname as a surname (单 shan, 曾 zeng, 区 ou, 尉迟 yu chi);
 * the second, when it differs, gives the first character its ordinary reading (单 dan), because a
 * visitor who does not know the surname reading types what the character usually says.
 * Latin letters in a name count as whole words; other symbols (the · in minority names) are skipped.
 */
export function nameReadings(name: string): string[][] {
  name = name.trim();
  const parts = pinyin(name, {
    toneType: 'none',
    type: 'array',
    mode: 'surname',
    surname: 'head',
    v: true,
    nonZh: 'consecutive',
  });
  const asSurname: string[] = [];
  // Pinyin syllables are lowercase words already; runs of other text become words (or nothing).
  for (const part of parts)
    if (LOWER_WORD.test(part)) asSurname.push(part);
    else asSurname.push(...latinWords(part));
  const readings = [asSurname];
  const first = String.fromCodePoint(name.codePointAt(0) ?? 32);
  if (/\p{Script=Han}/u.test(first)) {
    let plain = ordinaryReading.get(first);
    if (plain === undefined) {
      plain = pinyin(first, { toneType: 'none', v: true });
      ordinaryReading.set(first, plain);
    }
    if (plain !== asSurname[0] && LOWER_WORD.test(plain))
      readings.push([plain, ...asSurname.slice(1)]);
  }
  return readings;
}

/**
 * A visitor's query as pinyin letters (codes 97–122), or null when it is not letters only.
 * Case and spaces do not matter; an apostrophe (xi'an) and 'ü' (as 'v') are accepted.
 */
export function pinyinQuery(query: string): Uint8Array | null {
  const letters = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s']+/g, '')
    .replaceAll('ü', 'v');
  if (!/^[a-z]+$/.test(letters)) return null;
  const out = new Uint8Array(letters.length);
  for (let i = 0; i < letters.length; i++) out[i] = letters.charCodeAt(i);
  return out;
}

/**
 * Syllables of many readings packed into flat typed arrays, so a search over tens of thousands of
 * names walks memory without allocating. Reading r spans syllables readStart[r]..readStart[r+1];
 * syllable s spans letters sylStart[s]..sylStart[s+1].
 */
export interface PinyinTable {
  readonly letters: Uint8Array;
  readonly sylStart: Int32Array;
  readonly readStart: Int32Array;
}

/** Packs readings (in order) into a `PinyinTable`. */
export function packReadings(readings: readonly (readonly string[])[]): PinyinTable {
  let nSyl = 0;
  let nLetters = 0;
  for (const r of readings) {
    nSyl += r.length;
    for (const s of r) nLetters += s.length;
  }
  const letters = new Uint8Array(nLetters);
  const sylStart = new Int32Array(nSyl + 1);
  const readStart = new Int32Array(readings.length + 1);
  let s = 0;
  let l = 0;
  readings.forEach((r, i) => {
    readStart[i] = s;
    for (const syl of r) {
      sylStart[s++] = l;
      for (let k = 0; k < syl.length; k++) letters[l++] = syl.charCodeAt(k);
    }
  });
  sylStart[nSyl] = l;
  readStart[readings.length] = nSyl;
  return { letters, sylStart, readStart };
}

/** First letter (0–25) of reading r, or -1 when it has no syllables. */
export function firstLetter(table: PinyinTable, r: number): number {
  const s = table.readStart[r]!;
  return s === table.readStart[r + 1]! ? -1 : table.letters[table.sylStart[s]!]! - A;
}

/**
 * Whether the query spells the start of reading r, each syllable given whole, by its initial or by
 * any start of it (zxm, zhangxm, zxiaom, zhangxiaoming, zhxm for 张小明). A typed 'u' also stands
 * for 'ü', as many visitors write 吕 "lu".
 */
export function readingMatches(table: PinyinTable, r: number, query: Uint8Array): boolean {
  return spells(table, query, 0, table.readStart[r]!, table.readStart[r + 1]!);
}

function spells(t: PinyinTable, q: Uint8Array, qi: number, syl: number, sylEnd: number): boolean {
  if (qi === q.length) return true;
  if (syl === sylEnd) return false;
  const start = t.sylStart[syl]!;
  const max = Math.min(t.sylStart[syl + 1]! - start, q.length - qi);
  let common = 0;
  while (common < max) {
    const want = q[qi + common]!;
    const have = t.letters[start + common]!;
    if (want !== have && !(want === U && have === V)) break;
    common++;
  }
  // Longest piece first: whole syllables are the usual case, and it finds a full spelling soonest.
  for (let take = common; take >= 1; take--)
    if (spells(t, q, qi + take, syl + 1, sylEnd)) return true;
  return false;
}
