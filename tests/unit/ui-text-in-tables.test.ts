/**
 * Every Chinese text the kiosk shows lives in the locale tables of src/i18n (with its English), never
 * as a literal in a component or module: this reads each .svelte and .ts file of the page's code and
 * fails on any string, template or markup text with Chinese characters in it (comments aside).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/;

/**
 * Folders whose text is not the page's: the tables themselves, the staff CLI and the server (Node
 * programs with their own bilingual messages, src/cli/problems.ts), and tests.
 */
const OUTSIDE = [/^src\/i18n\//, /^src\/cli\//, /^src\/server\//, /\.test\.ts$/];

/** Chinese literals that are not text for people to read, each with why. */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: 'src/wall/detail-atlas.ts',
    text: '劳动模范先进工作者',
    why: 'sample glyphs: the browser loads the CJK font faces before card faces are drawn; never shown',
  },
  {
    file: 'src/wall/card-face.ts',
    text: '\u3000',
    why: 'typesetting: the ideographic space set between the two characters of a two-character name',
  },
  {
    file: 'src/scenes/HomeScene.svelte',
    text: '大',
    why: "the elderly-mode button's emblem (aria-hidden, the same in both languages), a mark rather than a word",
  },
];

type Literal = { line: number; text: string };

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(svelte|ts)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((f) => !OUTSIDE.some((r) => r.test(f)))
    .sort();
}

/** String literals and template pieces of a TypeScript file (comments are not tokens). */
function tsLiterals(source: string, file: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      found.push({
        line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        text: node.text,
      });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Markup text, attribute text and script literals of a Svelte component (comments left out). */
function svelteLiterals(source: string, file: string): Literal[] {
  const ast = parse(source, { modern: true, filename: file }) as unknown as Record<string, unknown>;
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  const found: Literal[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; start?: number; data?: unknown; value?: unknown };
    if (n.type === 'Comment') return;
    const at = lineAt(n.start ?? 0);
    if (n.type === 'Text' && typeof n.data === 'string') found.push({ line: at, text: n.data });
    if (n.type === 'Literal' && typeof n.value === 'string')
      found.push({ line: at, text: n.value });
    if (n.type === 'TemplateElement')
      found.push({ line: at, text: String((n.value as { cooked?: string }).cooked ?? '') });
    for (const [key, value] of Object.entries(n)) if (key !== 'css') visit(value);
  };
  visit(ast);
  return found;
}

describe('UI text outside the locale tables', () => {
  it('has no Chinese literal in any page module or component', async () => {
    const files = await sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(100);
    expect(files).toEqual(
      expect.arrayContaining(['src/App.svelte', 'src/scenes/HomeScene.svelte']),
    );
    const offending: string[] = [];
    for (const file of files) {
      const source = await readFile(join(ROOT, file), 'utf8');
      const literals = file.endsWith('.svelte')
        ? svelteLiterals(source, file)
        : tsLiterals(source, file);
      for (const { line, text } of literals) {
        if (!CJK.test(text)) continue;
        if (ALLOWED.some((a) => a.file === file && text.includes(a.text))) continue;
        offending.push(`${file}:${line} "${text.trim().slice(0, 60)}"`);
      }
    }
    expect(offending, 'move these into a table of src/i18n (zh-CN with en)').toEqual([]);
  });

  it('finds a Chinese literal in markup, attributes and script, and not in comments', () => {
    const component = [
      '<script lang="ts">',
      '  // 注释不算',
      "  const a = '脚本';",
      '  const b = `模板${a}`;',
      '</script>',
      '<!-- 注释 -->',
      '<p title="属性">正文</p>',
    ].join('\n');
    const texts = svelteLiterals(component, 'x.svelte')
      .filter((l) => CJK.test(l.text))
      .map((l) => l.text.trim());
    expect(texts.sort()).toEqual(['属性', '模板', '正文', '脚本'].sort());
    const module = "// 注释\n/* 注释 */\nexport const x = '字符串';\nexport const y = `a${x}模板`;";
    expect(
      tsLiterals(module, 'x.ts')
        .filter((l) => CJK.test(l.text))
        .map((l) => l.text),
    ).toEqual(['字符串', '模板']);
  });
});
