/**
 * Which font a pack's text is cut from: the one staff name in SOURCE/font.json, else Debian's Noto
 * Sans CJK SC (fonts-noto-cjk); with its licence text, which every copy of the font must carry.
 */
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import * as v from 'valibot';
import { decodeJson } from '../feed/format';
import { CliProblem, CliProblems } from './problems';
import { extractFace, fontFaces, isSfnt, type SfntFace } from './sfnt';

/** The optional file in a source folder that names the pack's font. */
export const FONT_SETTINGS = 'font.json';

/** Debian's Noto Sans CJK (package fonts-noto-cjk, SIL Open Font License 1.1): the default. */
export const DEBIAN_NOTO: FontSettings = {
  regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  face: 'Noto Sans CJK SC',
  licence: '/usr/share/doc/fonts-noto-cjk/copyright',
};

const words = (zh: string, en: string) => `${zh} / ${en}`;
const REGULAR = words(
  '应为常规体字体文件的路径（.otf .ttf .ttc .woff .woff2），相对于素材文件夹',
  'must be the path of the regular font file (.otf .ttf .ttc .woff .woff2), relative to the source folder',
);
const LICENCE = words(
  '应为字体许可证文件的路径（如 OFL.txt），它随字体一起发布',
  "must be the path of the font's licence file (like OFL.txt); it ships with the font",
);
const path = (message: string) => v.pipe(v.string(message), v.trim(), v.nonEmpty(message));

const FontSettingsSchema = v.strictObject(
  {
    regular: path(REGULAR),
    bold: v.optional(
      path(words('应为粗体字体文件的路径', 'must be the path of the bold font file')),
    ),
    face: v.optional(
      path(
        words(
          '应为字体集（.ttc）里一种字体的名称，如 "Noto Sans CJK SC"',
          'must name one face of the collection (.ttc), like "Noto Sans CJK SC"',
        ),
      ),
    ),
    licence: path(LICENCE),
  },
  // valibot says a missing field, an unknown one and a file that is no object with this one message.
  (issue) => {
    const key = issue.path?.[0]?.key;
    if (!issue.path) return words('应为 {…} 对象', 'must be an object {…}');
    if (issue.input === undefined && key === 'regular') return REGULAR;
    if (issue.input === undefined && key === 'licence') return LICENCE;
    return words(
      '只能有 regular、bold、face、licence 几项',
      'only regular, bold, face and licence are allowed',
    );
  },
);
export type FontSettings = v.InferOutput<typeof FontSettingsSchema>;

/** One weight of the chosen font, its face already taken out of a collection. */
export interface FontWeight {
  file: string;
  /** The file's bytes (a WOFF already unpacked); their SHA-256 is half of the subset's cache key. */
  bytes: Uint8Array;
  face: SfntFace;
  /** The face as a single-face sfnt (OTF or TTF) for the subsetter. */
  sfnt(): Promise<Uint8Array>;
}

export interface FontChoice {
  /** Where the choice was made, for messages: SOURCE/font.json, or the Debian default. */
  origin: string;
  regular: FontWeight;
  bold: FontWeight | null;
  /** The licence text as staff gave it, or Debian's OFL paragraph; null when only the font's own notice is there. */
  licence: string | null;
  warnings: string[];
}

/**
 * Reads SOURCE/font.json, or takes `fallback` (Debian's Noto) when there is none. Every problem is
 * said at once, with the file and field; no font at all fails with what to install or to set.
 */
export async function chooseFont(source: string, fallback = DEBIAN_NOTO): Promise<FontChoice> {
  const settingsFile = join(source, FONT_SETTINGS);
  const raw = await readFile(settingsFile).catch(() => null);
  if (!raw) return chooseDefault(fallback);
  let data: unknown;
  try {
    data = decodeJson(new Uint8Array(raw));
  } catch (e) {
    throw new CliProblem(
      settingsFile,
      '(file)',
      `不是有效的 UTF-8 JSON / is not valid UTF-8 JSON (${(e as Error).message})`,
    );
  }
  const parsed = v.safeParse(FontSettingsSchema, data);
  if (!parsed.success)
    throw new CliProblems(
      parsed.issues.map(
        (i) => new CliProblem(settingsFile, v.getDotPath(i) ?? '(top level)', i.message).message,
      ),
    );
  const settings = parsed.output;
  const at = (p: string) => (isAbsolute(p) ? p : join(source, p));
  const problems: string[] = [];
  const say = (field: string, zh: string, en: string) =>
    problems.push(new CliProblem(settingsFile, field, `${zh} / ${en}`).message);
  const weight = async (field: 'regular' | 'bold', file: string) => {
    const font = await readFont(at(file), settings.face);
    if ('problem' in font) say(field, ...font.problem);
    return 'problem' in font ? null : font;
  };
  const regular = await weight('regular', settings.regular);
  const bold = settings.bold ? await weight('bold', settings.bold) : null;
  const licence = await readFile(at(settings.licence), 'utf8').catch(() => null);
  if (!licence?.trim())
    say(
      'licence',
      `找不到许可证文件 ${at(settings.licence)}，或它是空的`,
      `the licence file ${at(settings.licence)} is missing or empty`,
    );
  if (problems.length || !regular) throw new CliProblems(problems);
  const warnings = weightWarnings(settingsFile, regular, bold);
  if (licence && !/open font license|\bOFL\b/i.test(licence))
    warnings.push(
      `${settingsFile}: licence 许可证里没有“SIL Open Font License”字样，请确认此字体允许随内容包分发 / the licence does not mention the SIL Open Font License; make sure the font may be shipped with the pack`,
    );
  return { origin: settingsFile, regular, bold, licence: licence!, warnings };
}

async function chooseDefault(fallback: FontSettings): Promise<FontChoice> {
  const regular = await readFont(fallback.regular, fallback.face);
  if ('problem' in regular)
    throw new CliProblem(
      fallback.regular,
      '(file)',
      `找不到中文字体：请安装 Debian 软件包 fonts-noto-cjk（sudo apt-get install fonts-noto-cjk），或在素材文件夹的 ${FONT_SETTINGS} 里写明一种开源（SIL OFL）中文字体（regular、bold、licence 三项）/ ` +
        `no CJK font found: install the Debian package fonts-noto-cjk (sudo apt-get install fonts-noto-cjk), or name an open-licence (SIL OFL) CJK font in ${FONT_SETTINGS} in the source folder (fields regular, bold, licence). ${regular.problem[1]}`,
    );
  const bold = fallback.bold ? await readFont(fallback.bold, fallback.face) : null;
  const warnings: string[] = [];
  if (bold && 'problem' in bold)
    warnings.push(
      `${fallback.bold}: 没有粗体，粗体字将由浏览器加粗常规体 / no bold weight; browsers will embolden the regular one (${bold.problem[1]})`,
    );
  const licence = await readFile(fallback.licence ?? '', 'utf8').catch(() => null);
  return {
    origin: `Debian fonts-noto-cjk (${fallback.face})`,
    regular,
    bold: bold && !('problem' in bold) ? bold : null,
    licence: licence && oflParagraph(licence),
    warnings,
  };
}

/** The file's face to subset: the named one, else the only one, else the collection's Simplified Chinese one. */
async function readFont(
  file: string,
  faceName: string | undefined,
): Promise<FontWeight | { problem: [zh: string, en: string] }> {
  const raw = await readFile(file).catch(() => null);
  if (!raw) return { problem: [`找不到文件 ${file}`, `the file ${file} is missing`] };
  let bytes = new Uint8Array(raw);
  const signature = String.fromCharCode(...bytes.subarray(0, 4));
  if (signature === 'wOFF' || signature === 'wOF2') {
    const { convert } = await import('fontverter');
    bytes = new Uint8Array(await convert(Buffer.from(bytes), 'sfnt'));
  }
  if (!isSfnt(bytes))
    return {
      problem: [
        `${basename(file)} 不是字体文件（应为 .otf .ttf .ttc .woff .woff2）`,
        `${basename(file)} is not a font file (expected .otf .ttf .ttc .woff .woff2)`,
      ],
    };
  let faces: SfntFace[];
  try {
    faces = fontFaces(bytes);
  } catch (e) {
    return { problem: [`字体文件已损坏`, `the font file is damaged (${(e as Error).message})`] };
  }
  const face =
    (faceName && faces.find((f) => f.family === faceName)) ||
    (faces.length === 1 && !faceName ? faces[0] : undefined) ||
    (!faceName ? faces.find((f) => / SC$/.test(f.family)) : undefined);
  if (!face) {
    const names = faces.map((f) => `"${f.family}"`).join(', ');
    return {
      problem: faceName
        ? [
            `里没有名为 "${faceName}" 的字体，可选：${names}`,
            `has no face "${faceName}"; it has ${names}`,
          ]
        : [
            `是字体集，请用 face 指明其中一种：${names}`,
            `is a collection; name one of its faces in "face": ${names}`,
          ],
    };
  }
  return { file, bytes, face, sfnt: async () => extractFace(bytes, face.offset) };
}

function weightWarnings(origin: string, regular: FontWeight, bold: FontWeight | null): string[] {
  const warnings: string[] = [];
  if (regular.face.weight >= 600)
    warnings.push(
      `${origin}: regular 这个字体是粗体（字重 ${regular.face.weight}），正文会显得很粗 / the regular font is bold (weight ${regular.face.weight}); body text will look heavy`,
    );
  if (bold && bold.face.weight < 600)
    warnings.push(
      `${origin}: bold 这个字体不是粗体（字重 ${bold.face.weight}） / the bold font is not bold (weight ${bold.face.weight})`,
    );
  if (!bold)
    warnings.push(
      `${origin}: 没有写 bold，粗体字将由浏览器加粗常规体 / no bold font named; browsers will embolden the regular one`,
    );
  return warnings;
}

/** The SIL OFL text from a Debian copyright file (its "License: SIL-1.1" paragraph), or the file whole. */
function oflParagraph(copyright: string): string {
  // The licence's own paragraph: "License: SIL-1.1" followed by its indented text (not a Files: stanza's one-line mention).
  const lines = copyright.split('\n');
  let best = '';
  lines.forEach((line, i) => {
    if (!/^License:\s*(SIL|OFL)/i.test(line)) return;
    const body: string[] = [];
    for (const l of lines.slice(i + 1)) {
      if (!l.startsWith(' ')) break;
      body.push(l.trim() === '.' ? '' : l.slice(1));
    }
    if (body.join('\n').length > best.length) best = body.join('\n').trim();
  });
  return best || copyright;
}
