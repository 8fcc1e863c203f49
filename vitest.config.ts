import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const RUNES_TESTS = 'tests/unit/**/*.svelte.test.ts';

/**
 * Unit and integration tests run in plain Node; end-to-end tests belong to Playwright. Tests of
 * the renderer's runes classes (`*.svelte.test.ts`) are a project of their own: Svelte compiles
 * them and the classes for the client, where `$state` is reactive and subscribers subscribe.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: [RUNES_TESTS],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [svelte({ configFile: resolve('svelte.config.js') })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'runes',
          include: [RUNES_TESTS],
          environment: './tests/unit/renderer/runes-environment.ts',
        },
      },
    ],
  },
});
