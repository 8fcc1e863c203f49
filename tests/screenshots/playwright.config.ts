import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/** `npm run screenshots`: the README's pictures of the wall, taken from the demo at 1920x1080. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.shot.ts',
  workers: 1,
  outputDir: '../../test-results/screenshots',
  use: { ...base.use, viewport: { width: 1920, height: 1080 } },
});
