// Unit tests: pure logic and the staff CLI, in Node; browser behaviour is tested by Playwright in tests/e2e.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
