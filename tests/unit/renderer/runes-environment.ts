import type { Environment } from 'vitest/environments';

/**
 * Plain Node, but modules are transformed in Vite's client environment, so Svelte compiles runes
 * for the client; with the `browser` condition (vitest.config.ts) its client runtime is loaded,
 * where `$state` is reactive and `createSubscriber` subscribes. For every `*.svelte.test.ts`.
 */
const runes: Environment = {
  name: 'runes',
  viteEnvironment: 'client',
  setup: () => ({ teardown: () => undefined }),
};

export default runes;
