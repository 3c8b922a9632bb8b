/**
 * The staff panel as staff meet it: the hidden corner gesture, a PIN set on first use, back-off after
 * wrong PINs, then each of the panel's actions, tapped on screen like a finger would.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { zipSync, type Zippable } from 'fflate';
import { toBase64 } from '../../src/feed/crypto';
import {
  DEMO_SOURCE,
  bootToHome,
  buildDemoFeed,
  copyDemoFeed,
  expect,
  kioskState,
  serveKiosk,
  tap,
  test,
  waitForScene,
  publishDemoWithWelcome,
} from './kiosk';

const PIN = '2580';
const at = (id: string) => `[data-locate="staff:${id}"]`;

/** Taps the invisible top-left corner `n` times, as staff would with a fingertip. */
async function cornerTaps(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.touchscreen.tap(30 + i * 6, 36);
}

/** Types `pin` on the pad and presses OK, once the pad takes digits. */
async function typePin(page: Page, pin: string): Promise<void> {
  await expect(page.locator(at('pin-1'))).toBeEnabled();
  for (const digit of pin) await press(page, `pin-${digit}`);
  await press(page, 'pin-ok');
}

/**
 * The gesture, tried again as staff would when it does not take: on a loaded test machine the
 * browser may take seconds to deliver five synthetic taps, spreading them past the 3 s window.
 */
async function openPad(page: Page): Promise<void> {
  const staffShown = () =>
    page
      .waitForFunction(() => window.kiosk?.state().scene === 'staff', null, { timeout: 2000 })
      .then(
        () => true,
        () => false,
      );
  for (let attempt = 0; attempt < 3; attempt++) {
    await cornerTaps(page, 5);
    if (await staffShown()) break;
  }
  await waitForScene(page, 'staff', 1000);
  await expect(page.locator(at('pin-pad'))).toBeVisible();
}

/** First use: the gesture, then the PIN set by typing it twice; the panel opens. */
async function setPinAndOpen(page: Page, pin = PIN): Promise<void> {
  await openPad(page);
  await expect(page.locator(at('pin-pad'))).toContainText('设置工作人员密码');
  await typePin(page, pin);
  await expect(page.locator(at('pin-pad'))).toContainText('请再次输入同一密码');
  await typePin(page, pin);
  await expect(page.locator(at('panel'))).toBeVisible();
}

async function unlock(page: Page, pin = PIN): Promise<void> {
  await openPad(page);
  await expect(page.locator(at('pin-pad'))).toContainText('请输入工作人员密码');
  await typePin(page, pin);
  await expect(page.locator(at('panel'))).toBeVisible();
}

/** Taps a control of the panel, scrolling it into view first as staff would swipe to it. */
async function press(page: Page, id: string): Promise<void> {
  await page.locator(at(id)).scrollIntoViewIfNeeded();
  await tap(page, `staff:${id}`);
}

test('five taps in the corner open the PIN pad; four do not, nor do taps elsewhere', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await cornerTaps(page, 4);
  await page.waitForTimeout(3200); // the four taps' window passes
  expect((await kioskState(page)).scene).toBe('home');
  // Four in the corner, one elsewhere: no gesture either (and the tap elsewhere still works).
  await cornerTaps(page, 4);
  await page.touchscreen.tap(960, 1000);
  await cornerTaps(page, 1);
  await page.waitForTimeout(300);
  expect((await kioskState(page)).scene).toBe('home');
  await openPad(page);
  // The pad's close button returns home, and the panel was never shown.
  await tap(page, 'staff:pin-cancel');
  await waitForScene(page, 'home');
  await expect(page.locator(at('panel'))).toHaveCount(0);
});

test('first use sets a PIN typed twice; the panel shows version 1, the demo-key warning, "up to date" and the activation in the log', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await openPad(page);
  // Two entries that differ start over; nothing is stored.
  await typePin(page, '1111');
  await typePin(page, '2222');
  await expect(page.locator(at('pin-message'))).toContainText('两次输入不一致');
  await expect(page.locator(at('pin-pad'))).toContainText('设置工作人员密码');
  await typePin(page, PIN);
  await typePin(page, PIN);
  const panel = page.locator(at('panel'));
  await expect(panel).toBeVisible();
  await expect(page.locator(at('pack-version'))).toContainText('1');
  await expect(page.locator(at('demo-key'))).toContainText('演示密钥');
  await expect(page.locator(at('demo-key'))).toContainText('demo key');
  // Only the hash is stored: the PIN itself appears nowhere in the kiosk's database.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('kiosk-state');
      req.onsuccess = () => resolve(req.result);
    });
    const get = (key: string) =>
      new Promise((resolve) => {
        const req = db.transaction('kv').objectStore('kv').get(key);
        req.onsuccess = () => resolve(req.result);
      });
    return JSON.stringify(await get('staff-pin'));
  });
  expect(stored).toMatch(/"iterations":600000/);
  expect(stored).not.toContain(PIN);

  await press(page, 'check-now');
  await expect(page.locator(at('last-check'))).toContainText('已是最新（版本 1）');
  await expect(page.locator(at('last-check'))).toContainText('Up to date (version 1 is live)');
  const activation = page.locator(`${at('log')} [data-code="activated"]`);
  await activation.scrollIntoViewIfNeeded();
  await expect(activation).toContainText(/version 1 .*is now live/);
  // Each entry says what happened in a few Chinese words first (English beside), then the detail.
  await expect(activation.locator('.topic')).toHaveText(/^内容包已上线\s*A pack is live$/);
  const pinSet = page.locator(`${at('log')} [data-code="staff-pin-set"]`);
  await expect(pinSet).toHaveCount(1);
  await expect(pinSet.locator('.topic .first')).toHaveText('已设置工作人员密码');

  // Closing returns home; opening again asks for the PIN.
  await tap(page, 'staff:close');
  await waitForScene(page, 'home');
  await openPad(page);
  await expect(page.locator(at('panel'))).toHaveCount(0);
});

test('three wrong PINs make the pad wait 30 s, refusing even the right PIN, also after a reload', async ({
  page,
  server,
}) => {
  await page.clock.install();
  await bootToHome(page, server.url);
  await setPinAndOpen(page);
  await tap(page, 'staff:close');
  await waitForScene(page, 'home');

  await openPad(page);
  for (const wrong of ['1111', '2222']) {
    await typePin(page, wrong);
    await expect(page.locator(at('pin-message'))).toContainText('密码不正确');
  }
  await typePin(page, '3333');
  const message = page.locator(at('pin-message'));
  await expect(message).toContainText(/请于 0:[23]\d 后再试/);
  await expect(message).toContainText(/Please try again in 0:[23]\d/);
  // While it waits, even the right PIN is refused (without being counted as wrong).
  await typePin(page, PIN);
  await expect(message).toContainText(/请于 0:[0-2]\d 后再试/);
  await expect(page.locator(at('panel'))).toHaveCount(0);

  // A reload does not end the wait: it is kept with the PIN.
  await page.reload();
  await waitForScene(page, 'home');
  await openPad(page);
  await expect(page.locator(at('pin-message'))).toContainText(/请于 0:[0-2]\d 后再试/);
  await typePin(page, PIN);
  await expect(page.locator(at('panel'))).toHaveCount(0);
  const log = await page.evaluate(() => window.kiosk!.log());
  expect(log.find((e) => e.code === 'staff-pin-backoff')?.message).toMatch(
    /3 wrong PINs in a row .* waits 30 s/,
  );

  // Once the 30 s have passed, the right PIN opens the panel.
  await page.clock.fastForward(31_000);
  await typePin(page, PIN);
  await expect(page.locator(at('panel'))).toBeVisible();
});

test('idle timings set in the panel hold after its reload, and the idle reset then closes the panel', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await setPinAndOpen(page);
  await expect(page.locator(at('idle-seconds'))).toHaveText('90');
  while ((await page.locator(at('idle-seconds')).textContent()) !== '15')
    await press(page, 'idle-seconds-down');
  while ((await page.locator(at('countdown-seconds')).textContent()) !== '5')
    await press(page, 'countdown-seconds-down');
  await press(page, 'save-idle');
  await expect(page.locator(at('idle-saved'))).toContainText('重新载入页面后生效');

  await press(page, 'reload');
  await page.waitForEvent('load');
  await waitForScene(page, 'home');
  expect(
    await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type,
    ),
  ).toBe('reload');
  await unlock(page);
  await expect(page.locator(at('idle-seconds'))).toHaveText('15');
  await expect(page.locator(at('countdown-seconds'))).toHaveText('5');

  // Left alone, the panel gets the same gentle countdown as any screen, then the reset closes it.
  await expect(page.locator('[data-locate="control:countdown"]')).toBeVisible({ timeout: 20_000 });
  await page.waitForFunction(() => window.kiosk!.state().scene !== 'staff', null, {
    timeout: 20_000,
  });
  await expect(page.locator(at('panel'))).toHaveCount(0);
  // The next visitor's touch leaves the attract loop; staff's gesture then asks for the PIN again.
  await page.touchscreen.tap(960, 540);
  await waitForScene(page, 'home');
  await openPad(page);
  await expect(page.locator(at('panel'))).toHaveCount(0);
});

test('roll back after version 2 was published brings version 1 back on screen', async ({
  page,
}) => {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-staff-'));
  const feed = await copyDemoFeed(join(work, 'feed'));
  const server = await serveKiosk(feed);
  try {
    await bootToHome(page, server.url);
    const v1Welcome = await page.locator('.welcome').textContent();
    await setPinAndOpen(page);
    await expect(page.locator(at('rollback'))).toHaveCount(0); // nothing to go back to yet

    await publishDemoWithWelcome(feed, work, 2, '第二版');

    await press(page, 'check-now');
    await expect(page.locator(at('last-check'))).toContainText('版本 2 已上线');
    await expect(page.locator(at('pack-version'))).toContainText('2');
    expect((await kioskState(page)).scene).toBe('staff'); // the panel stays open meanwhile

    await press(page, 'rollback');
    await expect(page.locator(at('rollback-question'))).toContainText('撤下版本 2，恢复版本 1');
    await press(page, 'rollback-confirm');
    await expect(page.locator(at('rollback-done'))).toContainText('现为版本 1');
    await expect(page.locator(at('pack-version'))).toContainText('1');
    expect((await kioskState(page)).pack?.version).toBe(1);
    const log = await page.evaluate(() => window.kiosk!.log());
    expect(log.find((e) => e.code === 'staff-rollback')?.message).toMatch(
      /rolled back from pack version 2.*version 1 is live/,
    );

    await tap(page, 'staff:close');
    await waitForScene(page, 'home');
    await expect(page.locator('.welcome')).toHaveText(v1Welcome!);
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('a zip of version 2 imported from the panel goes live at once and is named as an import', async ({
  page,
  server,
}) => {
  const work = await mkdtemp(join(tmpdir(), 'kiosk-staff-zip-'));
  try {
    const out = join(work, 'feed');
    await buildDemoFeed(out, DEMO_SOURCE, 2);
    const files: Zippable = {};
    for (const entry of await readdir(out, { recursive: true, withFileTypes: true }))
      if (entry.isFile()) {
        const path = join(entry.parentPath, entry.name);
        files[path.slice(out.length + 1)] = await readFile(path);
      }
    const zip = join(work, 'feed-v2.zip');
    await writeFile(zip, zipSync(files));

    await bootToHome(page, server.url);
    await setPinAndOpen(page);
    await page.locator(at('import-zip')).scrollIntoViewIfNeeded();
    const chooser = page.waitForEvent('filechooser');
    await press(page, 'import-zip');
    await (await chooser).setFiles(zip);
    await expect(page.locator(at('last-check'))).toContainText('版本 2 已上线', {
      timeout: 60_000,
    });
    await expect(page.locator(at('last-check'))).toContainText('导入');
    await expect(page.locator(at('pack-version'))).toContainText('2');
    expect((await kioskState(page)).pack?.version).toBe(2);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('feed address and key are checked before saving; a new key warns and holds after a reload', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await setPinAndOpen(page);
  const url = page.locator(at('feed-url'));
  const key = page.locator(at('public-key'));
  await url.scrollIntoViewIfNeeded();
  await expect(url).toHaveValue('/feed/');

  await url.fill('feed');
  await key.fill('not a key');
  await press(page, 'save-feed');
  await expect(page.locator(at('feed-url-problem'))).toContainText('http(s)');
  await expect(page.locator(at('public-key-problem'))).toContainText('Base64');
  await key.fill(toBase64(new Uint8Array(31).fill(7)));
  await press(page, 'save-feed');
  await expect(page.locator(at('public-key-problem'))).toContainText('32');

  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const newKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  // The same server named by another host is another origin: the app's policy may not read it.
  const elsewhere = `${server.url.replace('//localhost:', '//127.0.0.1:')}/feed/`;
  expect(elsewhere).not.toBe(`${server.url}/feed/`);
  await url.fill(elsewhere);
  await key.fill(newKey);
  await expect(page.locator(at('new-key-warning'))).toContainText('用旧密钥签名的内容包将被拒绝');
  await expect(page.locator(at('new-key-warning'))).toContainText(
    'packs signed with the old key will be refused',
  );
  await press(page, 'save-feed');
  await expect(page.locator(at('feed-saved'))).toBeVisible();
  await expect(page.getByText('该地址在另一台服务器上')).toBeVisible();

  // Language applies at once.
  await press(page, 'language-en');
  expect((await kioskState(page)).locale).toBe('en');
  // Saved (the log line follows the write) before the reload, as staff's next step would be.
  await expect
    .poll(async () =>
      (await page.evaluate(() => window.kiosk!.log())).some((e) => e.code === 'staff-language'),
    )
    .toBe(true);

  await page.reload();
  await waitForScene(page, 'home');
  expect((await kioskState(page)).locale).toBe('en');
  await unlock(page);
  await expect(page.locator(at('public-key'))).toHaveValue(newKey);
  // The demo key is no longer trusted, so its warning is gone.
  await expect(page.locator(at('demo-key'))).toHaveCount(0);
  await expect(page.locator(at('feed-url'))).toHaveValue(elsewhere);
  // The check against the other origin fails like a dead network; the log says it may be the policy.
  await expect
    .poll(async () =>
      (await page.evaluate(() => window.kiosk!.log()))
        .filter((e) => e.message.includes(elsewhere))
        .map((e) => e.message)
        .join('\n'),
    )
    .toMatch(/not allowed: .*another origin.*Access-Control-Allow-Origin/);
  // What was live stays live.
  expect((await kioskState(page)).pack?.version).toBe(1);
});

test('opening hours saved in the panel darken the hall after a reload; the gesture still gets staff in', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await setPinAndOpen(page);
  const hhmm = await page.evaluate(() => {
    const later = (h: number) => {
      const d = new Date(Date.now() + h * 3_600_000);
      return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    };
    return { open: later(2), close: later(3) };
  });
  await press(page, 'hours-limited');
  await page.locator('input[type="time"]').first().fill(hhmm.open);
  await page.locator('input[type="time"]').nth(1).fill(hhmm.close);
  await press(page, 'day-0'); // Sunday was off by default: now every day opens
  await press(page, 'save-hours');
  await expect(page.locator(`${at('section-kiosk-settings')} .done`).last()).toBeVisible();
  await press(page, 'reload');
  await page.waitForEvent('load');
  await waitForScene(page, 'closed', 30_000);
  await unlock(page);
  await expect(page.locator(at('hours-limited'))).toHaveClass(/chosen/);
});

test('changing the PIN: the current one first, the new one twice; the old one no longer opens the panel', async ({
  page,
  server,
}) => {
  await bootToHome(page, server.url);
  await setPinAndOpen(page);
  await press(page, 'change-pin');
  await typePin(page, PIN);
  await typePin(page, '97531');
  await typePin(page, '97531');
  await expect(page.locator(at('pin-changed'))).toBeVisible();
  await tap(page, 'staff:close');
  await waitForScene(page, 'home');
  await openPad(page);
  await typePin(page, PIN);
  await expect(page.locator(at('pin-message'))).toContainText('密码不正确');
  await typePin(page, '97531');
  await expect(page.locator(at('panel'))).toBeVisible();
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`the PIN pad and the panel fit a ${viewport.width}×${viewport.height} screen`, async ({
    page,
    server,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    await bootToHome(page, server.url);
    await openPad(page);
    const pad = (await page.locator(at('pin-pad')).boundingBox())!;
    expect(pad.y).toBeGreaterThanOrEqual(0);
    expect(pad.y + pad.height).toBeLessThanOrEqual(viewport.height);
    const size = `${viewport.width}x${viewport.height}`;
    await page.screenshot({ path: testInfo.outputPath(`pin-pad-${size}.png`) });
    await typePin(page, PIN);
    await typePin(page, PIN);
    await expect(page.locator(at('panel'))).toBeVisible();
    // Nothing runs off the side: no card is wider than the screen.
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('[data-locate^="staff:section-"]')].some(
        (el) =>
          el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth,
      ),
    );
    expect(overflow).toBe(false);
    await page.screenshot({ path: testInfo.outputPath(`panel-${size}.png`) });
    await page.locator(at('section-log')).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`panel-log-${size}.png`) });
  });
}
