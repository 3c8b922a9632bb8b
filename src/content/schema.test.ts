import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContent, referencedPaths, type Content } from './schema';

const demo = JSON.parse(readFileSync('media/demo/content.json', 'utf8')) as Content;
const clone = (): Content => structuredClone(demo);

function problemsOf(edit: (c: Content) => void) {
  const c = clone();
  edit(c);
  const r = parseContent(c);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('content schema', () => {
  it('accepts the demo pack', () => {
    const r = parseContent(demo);
    expect(r.ok).toBe(true);
  });

  it('needs only id, name, one honour and employer for a worker', () => {
    const c = clone();
    c.workers.push({
      id: 'only-basics',
      name: { 'zh-CN': '张三' },
      honors: [
        { title: { 'zh-CN': '市劳动模范' }, level: 'municipal', kind: 'model-worker', year: 1995 },
      ],
      employer: { 'zh-CN': '某公司' },
    });
    expect(parseContent(c).ok).toBe(true);
  });

  it('requires Chinese in every visible text and names the field', () => {
    const problems = problemsOf((c) => {
      c.workers[2]!.bio = { 'zh-CN': '  ', en: 'English only' };
    });
    expect(problems).toContainEqual({
      field: 'workers[2].bio.zh-CN',
      message: 'must not be empty',
    });
  });

  it('refuses a worker without honours, an unknown level and an impossible year', () => {
    const problems = problemsOf((c) => {
      c.workers[0]!.honors = [];
      (c.workers[1]!.honors[0] as { level: string }).level = 'galactic';
      c.workers[3]!.honors[0]!.year = 1890;
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'workers[0].honors',
        'workers[1].honors[0].level',
        'workers[3].honors[0].year',
      ]),
    );
    expect(problems.find((p) => p.field === 'workers[1].honors[0].level')!.message).toMatch(
      /must be one of: national, provincial, municipal, industry/,
    );
  });

  it('refuses duplicate worker ids and walls or events naming unknown workers', () => {
    const problems = problemsOf((c) => {
      c.workers[1]!.id = c.workers[0]!.id;
      c.walls[0]!.select.workers = ['nobody-here'];
      c.timelines[0]!.eras[0]!.events[0]!.workers = ['ghost'];
    });
    expect(problems).toContainEqual({
      field: 'workers[1].id',
      message: `duplicate worker id "${demo.workers[0]!.id}"`,
    });
    expect(problems).toContainEqual({
      field: 'walls[0].select.workers[0]',
      message: 'names unknown worker "nobody-here"',
    });
    expect(problems).toContainEqual({
      field: 'timelines[0].eras[0].events[0].workers[0]',
      message: 'names unknown worker "ghost"',
    });
  });

  it('refuses unknown keys, non-https links, hostile paths and an era without events', () => {
    const problems = problemsOf((c) => {
      (c.workers[0] as Record<string, unknown>).html = '<script>alert(1)</script>';
      c.workers[1]!.link = 'http://example.org/story';
      c.workers[2]!.portrait = 'file:///etc/passwd';
      c.timelines[0]!.eras[0]!.events = [];
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'workers[0].html',
        'workers[1].link',
        'workers[2].portrait',
        'timelines[0].eras[0].events',
      ]),
    );
  });

  it('keeps markup in text as plain data (it is shown as text, never parsed)', () => {
    const c = clone();
    c.workers[0]!.quote = { 'zh-CN': '<img src=x onerror=alert(1)>' };
    const r = parseContent(c);
    expect(r.ok && r.content.workers[0]!.quote!['zh-CN']).toBe('<img src=x onerror=alert(1)>');
  });

  it('lists every file the content refers to', () => {
    const paths = referencedPaths(demo);
    const w = demo.workers.find((x) => x.videos?.length)!;
    expect(paths).toContain(w.portrait);
    expect(paths).toContain(w.videos![0]!.file);
    expect(paths).toContain(w.videos![0]!.captions!.en);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
