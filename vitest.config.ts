// Unit tests: pure logic and the staff CLI, in Node; browser behaviour is tested by Playwright in tests/e2e.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // Vitest keeps one core free by default: on a two-core machine that ran the files one at a time
    // (160 s). Most of their time is the staff CLI in child processes, so both cores there: 103 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
