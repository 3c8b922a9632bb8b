// Browser tests: Debian's Chromium, headless, driven like a visitor and like the hall.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    serviceWorkers: 'allow',
    hasTouch: true,
  },
});
