// Browser tests: Debian's Chromium, headless, driven like a visitor and like the hall.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser';

/**
 * Two browsers at a time. Composing in software (browser.ts: TEST_ARGS) halved a test's CPU, and
 * most tests spend their time waiting on the kiosk's own clocks (idle times, autoplay, downloads),
 * so a second browser fills the other core (the suite: 32 min with one, ~22 with two). The tests
 * that hold a touch's answer to a fraction of a second (tap feedback, touches in the attract loop)
 * run after the rest, one at a time, so that no neighbour stretches what they time.
 */
const ALONE = /\/(attract-loop|tap-feedback)\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  // Stored reference pictures (screens.spec.ts): one folder, named by screen, size and language.
  snapshotPathTemplate: '{testDir}/screens/{arg}{ext}',
  use: {
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    serviceWorkers: 'allow',
    hasTouch: true,
  },
  projects: [
    { name: 'kiosk', testIgnore: ALONE },
    { name: 'alone', testMatch: ALONE, dependencies: ['kiosk'], workers: 1 },
  ],
});
