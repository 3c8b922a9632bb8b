/** Staff look at their pack before publishing: `pack preview` serves the kiosk on the source, and a saved edit shows after a reload. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from '../../src/content/schema';
import { PreviewProcess } from '../unit/preview-process';
import { expect, kioskState, test, waitForScene } from './kiosk';

test('pack preview shows the source on the kiosk, and an edit to its welcome after a reload', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const work = await mkdtemp(join(tmpdir(), 'kiosk-preview-e2e-'));
  const source = join(work, 'source');
  await cp(join('tests', 'fixtures', 'tiny-source'), source, { recursive: true });
  const preview = new PreviewProcess(source);
  try {
    // The first preview on a machine builds its kiosk app too.
    const url = await preview.url(300_000);
    await page.goto(url);
    await waitForScene(page, 'home', 120_000);
    await expect(page.getByText('欢迎参观', { exact: true })).toBeVisible();
    const first = (await kioskState(page)).pack!;
    expect(first.id).toBe('tiny');

    const file = join(source, 'content.json');
    const content = JSON.parse(await readFile(file, 'utf8')) as Content;
    content.hall.welcome['zh-CN'] = '预览：改过的欢迎词';
    await writeFile(file, JSON.stringify(content, null, 2));
    await preview.waitFor(/预览已更新为版本 \d+/, 120_000);

    // What staff do: reload the page; the new version goes live within seconds of it.
    await page.reload();
    await expect(page.getByText('预览：改过的欢迎词', { exact: true })).toBeVisible({
      timeout: 90_000,
    });
    expect((await kioskState(page)).pack!.version).toBeGreaterThan(first.version);
  } finally {
    await preview.stop();
    await rm(work, { recursive: true, force: true });
  }
});
