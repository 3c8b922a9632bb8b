/**
 * `pack build`'s font step: the chosen CJK font cut down to exactly the characters a kiosk draws for
 * this pack (every content text, caption and UI string), as WOFF2 in Regular and Bold, so a kiosk
 * without Chinese fonts still renders every name, rare characters included.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import type { Content } from '../content/schema';
import {
  PACK_FONT_FORMAT,
  PACK_FONT_INFO,
  PACK_FONT_FILES,
  type PackFontInfo,
} from '../feed/pack-font';
import type { FontChoice, FontWeight } from './font-choice';
import { sha256, type MediaCache } from './media-cache';
import { quietProgress, type Progress } from './progress';
import { encodeWoff2, fontCharacters, fontNames } from './sfnt';
import type { SourceFile } from './source';

/** Changes whenever the same font and characters would give other bytes (part of the cache key). */
const SUBSET_SETTINGS = 'pack-font/1 features=kern names=0-6,13,14 woff2=brotli10';
/** Layout features kept: kerning only. Horizontal Chinese needs none, and each feature kept pulls in alternates. */
const KEEP_FEATURES = ['kern'];
/** Copyright, family, style, unique id, full name, version, PostScript name, licence and its URL. */
const KEEP_NAMES = [0, 1, 2, 3, 4, 5, 6, 13, 14];
/** Latin letters, digits and ASCII punctuation: English text, numbers and times are drawn in the pack's face too. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);
/** Han characters and CJK or full-width punctuation. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Control and format characters draw nothing. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The page-side source the kiosk's UI strings live in (src/ minus the CLI, the server and tests). */
const SRC = fileURLToPath(new URL('..', import.meta.url));
const NOT_UI = ['cli', 'server'];

export interface PackFontSummary {
  family: string;
  characters: number;
  /** Bytes of each weight shipped: [400, bytes] and [700, bytes] when there is a bold. */
  weights: [weight: number, bytes: number][];
  /** True when both weights came from the cache of an earlier build. */
  cached: boolean;
  /** Time the step took, in ms. */
  ms: number;
}

export interface PackFont {
  files: SourceFile[];
  warnings: string[];
  summary: PackFontSummary;
}

/** Every character of every text in content.json (names, honours, employers, chapters, timelines, hall, attract…). */
export function contentCharacters(content: Content): Set<number> {
  const chars = new Set<number>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') addText(chars, value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(content);
  return chars;
}

/**
 * Every character written in the kiosk's page-side source: the i18n tables, strings inside components
 * and the shell's messages. Read from the files, so a string added later is covered without a list to keep.
 */
export async function uiCharacters(root = SRC): Promise<Set<number>> {
  const chars = new Set<number>();
  const files = (await readdir(root, { recursive: true })).filter(
    (f) =>
      /\.(ts|svelte|css)$/.test(f) &&
      !f.endsWith('.test.ts') &&
      !NOT_UI.includes(relative(root, join(root, f)).split(sep)[0]!),
  );
  for (const f of files) addText(chars, await readFile(join(root, f), 'utf8'));
  return chars;
}

function addText(chars: Set<number>, text: string): void {
  for (const c of text) if (!INVISIBLE.test(c)) chars.add(c.codePointAt(0)!);
}

export interface PackFontOptions {
  cache: MediaCache;
  progress?: Progress;
  /** The UI's characters; read from the kiosk's source by default. */
  ui?: Set<number>;
}

/**
 * Makes `derived/font-regular.woff2`, `derived/font-bold.woff2` and `derived/font.json` (family,
 * copyright, licence text) for the characters of `content`, its caption files and the UI. Each weight
 * is kept in the media cache by (font hash, character-set hash), so an unchanged rebuild does no subsetting.
 */
export async function makePackFont(
  choice: FontChoice,
  content: Content,
  captions: SourceFile[],
  opts: PackFontOptions,
): Promise<PackFont> {
  const began = performance.now();
  const fromContent = contentCharacters(content);
  for (const f of captions) addText(fromContent, new TextDecoder().decode(f.bytes));
  const ui = opts.ui ?? (await uiCharacters());
  const wanted = new Set([...ASCII, ...fromContent, ...ui]);
  const text = String.fromCodePoint(...[...wanted].sort((a, b) => a - b));
  const settings = `${SUBSET_SETTINGS} chars=${sha256(new TextEncoder().encode(text))}`;
  const progress = opts.progress ?? quietProgress;
  const weights = [
    { weight: 400, font: choice.regular, path: PACK_FONT_FILES[0].path },
    ...(choice.bold ? [{ weight: 700, font: choice.bold, path: PACK_FONT_FILES[1].path }] : []),
  ];
  progress.start('font', weights.length);
  let hits = 0;
  const made = await Promise.all(
    weights.map(async ({ weight, font, path }) => {
      const key = [sha256(font.bytes), `${settings} face=${font.face.family}`] as const;
      let bytes = await opts.cache.get(...key);
      if (bytes) hits++;
      else {
        bytes = await subsetWeight(font, text);
        await opts.cache.put(...key, bytes);
      }
      progress.tick();
      return { weight, path, bytes };
    }),
  );
  progress.done();

  // What the font cannot draw, read from the face itself (cached too: the face is 16 MB to parse).
  const missingKey = [
    sha256(choice.regular.bytes),
    `${settings} face=${choice.regular.face.family} missing`,
  ] as const;
  let about = await opts.cache
    .get(...missingKey)
    .then((b) => b && (JSON.parse(new TextDecoder().decode(b)) as FaceFacts));
  if (!about) {
    about = await faceFacts(choice.regular, wanted);
    await opts.cache.put(...missingKey, new TextEncoder().encode(JSON.stringify(about)));
  }
  const info: PackFontInfo = {
    format: PACK_FONT_FORMAT,
    family: choice.regular.face.family,
    characters: wanted.size - about.missing.length,
    files: made.map(({ weight, path }) => ({ weight, path })),
    copyright: about.copyright,
    licence: [choice.licence ?? '', about.licence].filter(Boolean).join('\n\n'),
  };
  return {
    files: [
      ...made.map(({ path, bytes }) => ({ path, bytes, type: 'font/woff2' })),
      {
        path: PACK_FONT_INFO,
        bytes: new TextEncoder().encode(JSON.stringify(info, null, 1)),
        type: 'application/json',
      },
    ],
    warnings: [...choice.warnings, ...missingWarnings(choice, about.missing, fromContent)],
    summary: {
      family: info.family,
      characters: info.characters,
      weights: made.map(({ weight, bytes }) => [weight, bytes.length]),
      cached: hits === made.length,
      ms: Math.round(performance.now() - began),
    },
  };
}

async function subsetWeight(font: FontWeight, text: string): Promise<Uint8Array> {
  const sfnt = await subsetFont(Buffer.from(await font.sfnt()), text, {
    targetFormat: 'sfnt',
    keepFeatures: KEEP_FEATURES,
    preserveNameIds: KEEP_NAMES,
  });
  return encodeWoff2(new Uint8Array(sfnt));
}

interface FaceFacts {
  copyright: string;
  /** The licence the font states in its own names (13, and the address 14). */
  licence: string;
  /** Wanted characters the face has no glyph for. */
  missing: number[];
}

async function faceFacts(font: FontWeight, wanted: Set<number>): Promise<FaceFacts> {
  const sfnt = await font.sfnt();
  const has = fontCharacters(sfnt);
  const names = fontNames(sfnt);
  return {
    copyright: names.get(0) ?? '',
    licence: [names.get(13), names.get(14)].filter(Boolean).join('\n'),
    missing: [...wanted].filter((c) => !has.has(c) && c !== 0x20),
  };
}

/** Staff can do something about the content's characters (another font, or a name written otherwise); the UI's are ours. */
function missingWarnings(
  choice: FontChoice,
  missing: number[],
  fromContent: Set<number>,
): string[] {
  if (!missing.length) return [];
  const list = (cs: number[]) =>
    cs
      .slice(0, 40)
      .map((c) => String.fromCodePoint(c))
      .join(' ') + (cs.length > 40 ? ' …' : '');
  const inContent = missing.filter((c) => fromContent.has(c));
  // The UI's symbols (✕ ↺) outside a CJK font fall back to the system's; its Chinese must be there.
  const inUi = missing.filter((c) => !fromContent.has(c) && CHINESE.test(String.fromCodePoint(c)));
  const font = `${choice.regular.file} (${choice.regular.face.family})`;
  return [
    ...(inContent.length
      ? [
          `${font}: 字体里没有内容用到的 ${inContent.length} 个字：${list(inContent)}；没装中文字体的展示机上它们会显示为方框，请换用收字更全的字体（${'font.json'}） / the font lacks ${inContent.length} characters the content uses: ${list(inContent)}; kiosks without Chinese fonts will show boxes for them; choose a font that has them (font.json)`,
        ]
      : []),
    ...(inUi.length
      ? [
          `${font}: 字体里没有界面用到的 ${inUi.length} 个字：${list(inUi)} / the font lacks ${inUi.length} characters of the kiosk's own screens: ${list(inUi)}`,
        ]
      : []),
  ];
}
