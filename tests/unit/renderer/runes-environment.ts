import type { Environment } from 'vitest/environments';

/**
 * Plain Node, but modules are transformed for the browser: Svelte compiles runes for the client
 * and resolves its client runtime, where `$state` is reactive and `createSubscriber` subscribes.
 * `vitest.config.ts` gives it to every `*.svelte.test.ts`.
 */
const runes: Environment = {
  name: 'runes',
  viteEnvironment: 'client',
  setup: () => ({ teardown: () => undefined }),
};

export default runes;
