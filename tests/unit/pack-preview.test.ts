/**
 * `pack preview` as staff run it: a real subprocess on a real source folder. What it serves verifies
 * with the preview key, an edit is served as a newer version, an edit with a mistake leaves the last
 * good one served, and Ctrl+C removes the temporary feed.
 */
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPublicKeyText } from '../../src/cli/keys';
import { PREVIEW_HOME } from '../../src/cli/preview-app';
import { verifyFeed } from '../../src/cli/verify-feed';
import type { Content } from '../../src/content/schema';
import type { Manifest } from '../../src/feed/format';
import { mirrorFeed, PreviewProcess } from './preview-process';

const FIXTURE = join('tests', 'fixtures', 'tiny-source');
let work: string;
let source: string;
let preview: PreviewProcess;
let page: string;

/** Mirrors what the preview serves now and verifies it as `pack verify` does, with the preview key. */
async function servedAndVerified(name: string) {
  const mirror = join(work, name);
  const index = await mirrorFeed(page, mirror);
  const report = await verifyFeed(
    mirror,
    await readPublicKeyText(join(PREVIEW_HOME, 'key', 'preview.pub')),
  );
  expect(report.problems).toEqual([]);
  const manifest = JSON.parse(
    await readFile(join(mirror, 'objects', index.manifest.sha256), 'utf8'),
  ) as Manifest;
  const content = JSON.parse(
    await readFile(join(mirror, 'objects', manifest.content), 'utf8'),
  ) as Content;
  return { index, content, indexText: await readFile(join(mirror, 'index.json'), 'utf8') };
}

async function editContent(edit: (c: Content) => void): Promise<void> {
  const file = join(source, 'content.json');
  const c = JSON.parse(await readFile(file, 'utf8')) as Content;
  edit(c);
  await writeFile(file, JSON.stringify(c, null, 2));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-preview-test-'));
  source = join(work, 'source');
  await cp(FIXTURE, source, { recursive: true });
  preview = new PreviewProcess(source);
  // The first run on a machine also builds the preview app (vite), which takes a while.
  page = await preview.url(300_000);
}, 320_000);

afterAll(async () => {
  await preview?.stop('SIGTERM');
  await rm(work, { recursive: true, force: true });
});

describe('pack preview', () => {
  let first: Awaited<ReturnType<typeof servedAndVerified>>;

  it('serves the kiosk and a feed of the source that verifies with the preview key', async () => {
    expect(page).toMatch(/^http:\/\/localhost:\d+\/\?checkMinutes=1&activateAfterIdleSeconds=5$/);
    const html = await (await fetch(page)).text();
    expect(html).toContain('<div id="app"');
    first = await servedAndVerified('first');
    expect(first.index.pack).toBe('tiny');
    expect(first.content.hall.welcome['zh-CN']).toBe('欢迎参观');
    // A version from the clock: higher than any an earlier preview in this browser could have had.
    expect(first.index.version).toBeGreaterThan(Date.UTC(2026, 0, 1) / 1000);
  });

  it('rebuilds on an edit and serves it as a newer version', async () => {
    await editContent((c) => (c.hall.welcome['zh-CN'] = '预览：新的欢迎词'));
    await preview.waitFor(/预览已更新为版本 \d+/, 120_000);
    const edited = await servedAndVerified('edited');
    expect(edited.index.version).toBeGreaterThan(first.index.version);
    expect(edited.content.hall.welcome['zh-CN']).toBe('预览：新的欢迎词');
    first = edited;
  }, 150_000);

  it('says what is wrong with a broken edit and keeps serving the last good version', async () => {
    await editContent((c) => (c.workers[0]!.honors = []));
    await preview.waitFor(/the last good version stays/, 120_000, 'err');
    expect(preview.err).toContain(
      `${join(source, 'content.json')}: workers[0].honors（第 20 行）至少需要一项荣誉`,
    );
    const still = await servedAndVerified('still');
    expect(still.indexText).toBe(first.indexText);
    expect(still.content.hall.welcome['zh-CN']).toBe('预览：新的欢迎词');
  }, 150_000);

  it('ends on Ctrl+C and removes its temporary feed', async () => {
    const feed = preview.feedDir();
    expect((await stat(feed)).isDirectory()).toBe(true);
    expect(await preview.stop('SIGINT')).toBe(0);
    expect(preview.out).toContain(
      '预览已结束，临时文件已删除 / preview ended; temporary files removed',
    );
    await expect(stat(feed)).rejects.toThrow(/ENOENT/);
  }, 60_000);
});
