import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test: the built app itself, launched with Playwright's `_electron`. It needs an
 * Electron binary and a display; where either is missing the test reports itself skipped and why.
 * Run `npm run build` first.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
