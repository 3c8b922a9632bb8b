/** Opened over plain HTTP at a LAN name (not a secure context), the kiosk says so and how to fix it, instead of hanging. */
import { TEST_ARGS, chromiumPath } from './browser';
import { DEMO_FEED, expect, serveKiosk, test } from './kiosk';

// A name that is not localhost, resolved to the loopback server: to the browser this is a
// kiosk opened at http://<hall address>/ from another machine, where WebCrypto and caches are off.
const HALL_HOST = 'hall-kiosk.test';

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    headless: true,
    args: [...TEST_ARGS, `--host-resolver-rules=MAP ${HALL_HOST} 127.0.0.1`],
  },
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
]) {
  test(`over plain HTTP at a LAN address the kiosk explains what to do (${viewport.width}×${viewport.height})`, async ({
    page,
  }, testInfo) => {
    const server = await serveKiosk(DEMO_FEED);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.setViewportSize(viewport);
      const port = new URL(server.url).port;
      await page.goto(`http://${HALL_HOST}:${port}/`);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);

      const notice = page.locator('[data-scene="insecure"]');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('本展示终端需要安全连接');
      await expect(notice).toContainText('This kiosk needs a secure connection');
      // The two ways that work, with this server's own addresses filled in.
      await expect(notice).toContainText(`http://localhost:${port}/`);
      await expect(notice).toContainText(`https://${HALL_HOST}/`);
      await expect(notice).toContainText(`http://${HALL_HOST}:${port}/`);
      // The notice fits the screen: nothing runs off the bottom of a landscape or portrait display.
      const box = (await notice.locator('.staff').boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);

      // Nothing tried to boot: no shell, no boot screen, and not a single page error.
      expect(await page.evaluate(() => window.kiosk === undefined)).toBe(true);
      await expect(page.locator('[data-scene="boot"]')).toHaveCount(0);
      await page.screenshot({
        path: testInfo.outputPath(`insecure-${viewport.width}x${viewport.height}.png`),
      });
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
}
