/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { HONOR_KINDS, HONOR_LEVELS, SPIRIT_TAGS } from '../content/schema';
import { KIND_NAMES } from './roster-strings';
import { LEVEL_NAMES, TAG_NAMES } from './strings';

/** Every module of this folder but the tests: each table of fixed strings the kiosk shows. */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], {
  eager: true,
});

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/;

/**
 * Texts whose other language is right on purpose: the language switch names the language it
 * switches to, in that language, and a caption track is named in its own language.
 */
const SAME_ON_PURPOSE = new Set([
  'strings.ts STRINGS.language zh-CN',
  'strings.ts STRINGS.language en',
  'strings.ts STRINGS.captionsZh en',
  'strings.ts STRINGS.captionsEn zh-CN',
]);

type Found = { where: string; text: { 'zh-CN'?: unknown; en?: unknown } };

/**
 * Every bilingual text reachable from `value`: objects with a `zh-CN` key, found through plain
 * objects, arrays, and functions (called with sample figures: sentences with numbers in them).
 */
function texts(value: unknown, where: string, out: Found[] = []): Found[] {
  if (typeof value === 'function') {
    // Sentences take figures; formatters of other shapes (dates as strings) are not tables.
    const args = Array.from({ length: value.length }, (_, i) => i + 2);
    let made: unknown;
    try {
      made = (value as (...a: number[]) => unknown)(...args);
    } catch {
      return out;
    }
    return texts(made, `${where}()`, out);
  }
  if (typeof value !== 'object' || value === null) return out;
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${where}[${i}]`, out));
  else if ('zh-CN' in value || 'en' in value) out.push({ where, text: value });
  else for (const [k, v] of Object.entries(value)) texts(v, `${where}.${k}`, out);
  return out;
}

const all = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports).flatMap(([name, value]) =>
    texts(value, `${file.replace('./', '')} ${name}`),
  ),
);

describe('locale tables', () => {
  it('are found (every table of this folder is looked at)', () => {
    expect(Object.keys(modules)).toEqual(
      expect.arrayContaining(['./strings.ts', './staff-strings.ts']),
    );
    expect(all.length).toBeGreaterThan(150);
  });

  it('give every text in both languages, neither missing nor empty', () => {
    const missing = all.flatMap(({ where, text }) =>
      (['zh-CN', 'en'] as const)
        .filter((lang) => typeof text[lang] !== 'string' || !(text[lang] as string).trim())
        .map((lang) => `${where}: ${lang} is missing or empty`),
    );
    expect(missing).toEqual([]);
  });

  it('write Chinese in the Chinese text and no Chinese in the English one', () => {
    const wrong = all.flatMap(({ where, text }) => {
      const problems: string[] = [];
      const zh = String(text['zh-CN'] ?? '');
      const en = String(text.en ?? '');
      if (!CJK.test(zh) && !SAME_ON_PURPOSE.has(`${where} zh-CN`))
        problems.push(`${where}: the zh-CN text "${zh}" has no Chinese in it`);
      if (CJK.test(en) && !SAME_ON_PURPOSE.has(`${where} en`))
        problems.push(`${where}: the en text "${en}" has Chinese in it`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('name every honour level, kind and spirit the schema knows', () => {
    for (const level of HONOR_LEVELS) expect(LEVEL_NAMES[level], level).toBeDefined();
    for (const kind of HONOR_KINDS) expect(KIND_NAMES[kind], kind).toBeDefined();
    for (const tag of SPIRIT_TAGS) expect(TAG_NAMES[tag], tag).toBeDefined();
  });
});
