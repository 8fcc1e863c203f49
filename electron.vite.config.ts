import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** Builds main (ESM), the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM) and the renderer. */
export default defineConfig({
  main: {
    plugins: [
      {
        // The simulator finds its MP4 recordings next to its module; bundled, that is out/main.
        name: 'copy-simulator-media',
        writeBundle() {
          cpSync(resolve('src/main/simulator/media'), resolve('out/main/media'), { recursive: true, filter: (src) => !src.endsWith('.sh') });
        },
      },
    ],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: whatever it imports is bundled into it. It
      // imports only the channel names (src/shared/ipc-channels.ts), not the contract's zod schemas.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      // Parsing and compiling the page's script is on the path to the first painted wall.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [
      svelte({ configFile: resolve('svelte.config.js') }),
      {
        // Development only: Vite's dev server injects styles inline and reloads over a socket.
        // The built page keeps the strict policy of index.html untouched.
        name: 'dev-server-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'none'", "connect-src 'self' ws:"),
      },
    ],
  },
});
