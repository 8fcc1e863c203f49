/** Svelte compiler options shared by the Vite plugin, svelte-check and ESLint. */
export default {
  compilerOptions: { runes: true },
};
