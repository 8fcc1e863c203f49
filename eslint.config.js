// Lint holds the layering of DESIGN.md: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'crypto', 'child_process', 'net', 'stream', 'url', 'util', 'events'];
const noElectron = { group: ['electron', 'electron/*', 'electron-store', '@napi-rs/keyring'], message: 'Only src/main/platform and src/main/index.ts may touch Electron and OS services.' };

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'build/*.png'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...NODE_BUILTINS, 'electron', 'electron/*'], message: 'src/shared imports no electron, node or DOM.' },
        { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared depends on nothing else in src.' },
      ] }],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...NODE_BUILTINS, 'electron', 'electron/*'], message: 'The renderer is a sandboxed page: no node, no electron.' },
        { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only itself and src/shared.' },
      ] }],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/platform/**', 'src/main/index.ts', 'src/main/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, { group: ['**/platform/**', '**/platform', '**/renderer/**', '**/preload/**'], message: 'Core, simulator and CLI are plain Node: they depend on shared and each other only.' }] }],
    },
  },
  {
    // The CLI is a second composition root: it may use the keychain module, never Electron.
    files: ['src/main/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*', 'electron-store'], message: 'The CLI runs in plain Node.' }] }] },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload builds window.wall from src/shared only.' }] }],
    },
  },
);
