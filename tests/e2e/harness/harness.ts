import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { composeApp, type ComposedApp } from '../../../src/main/compose';
import type { CredentialVault } from '../../../src/main/core/credential-vault';
import type { DemoBackend } from '../../../src/main/core/session/session';
import { jsonSettingsStore } from './json-settings-store';
import { RecordingDesktop } from '../../support/recording-desktop';

const RENDERER_DIR = resolve('out/renderer');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.png': 'image/png' };

let bridgeScript: Promise<string> | undefined;
/** The page side of the bridge, bundled once per test process from the real preload code. */
function pageBridge(): Promise<string> {
  bridgeScript ??= build({ entryPoints: [resolve('tests/e2e/harness/page-bridge.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022' }).then(
    (result) => result.outputFiles[0]?.text ?? '',
  );
  return bridgeScript;
}

/** A running harness: the built renderer on loopback HTTP, wired to the real core. */
export interface Harness {
  url: string;
  app: ComposedApp;
  userDataDir: string;
  /** What the core asked of the desktop: replay windows, dialogs, fullscreen. */
  desktop: RecordingDesktop;
  attach(page: Page): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the core with `composeApp` (as `src/main/index.ts` does) and stands in for Electron:
 * the renderer is served over HTTP, cached pictures under `/wall-asset/` (the CSP's `wall-asset:`
 * becomes this origin), and IPC becomes a Playwright binding that only the main frame may call.
 */
export async function startHarness(options: { userDataDir: string; vault: CredentialVault; startDemo?: () => Promise<DemoBackend> }): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the app first (npm run build): out/renderer/index.html is missing.');
  mkdirSync(options.userDataDir, { recursive: true });
  const desktop = new RecordingDesktop();
  const app = composeApp({
    desktop,
    defaultDownloadDir: join(options.userDataDir, 'Downloads'),
    userDataDir: options.userDataDir,
    vault: options.vault,
    settingsStore: jsonSettingsStore(options.userDataDir),
    assetSrc: (name) => `/wall-asset/${name}`,
    ...(options.startDemo ? { startDemo: options.startDemo } : {}),
  });
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/wall-asset/')) {
      const file = app.store.resolve(path.slice('/wall-asset/'.length));
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      return void createReadStream(file).pipe(res);
    }
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) return void res.writeHead(404).end();
    let body: Buffer | string = readFileSync(file);
    // The only change to the built page: pictures come from this origin instead of wall-asset:.
    if (file.endsWith('index.html')) body = body.toString('utf8').replaceAll('wall-asset:', "'self'");
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  await app.start();
  const detach: Array<() => void> = [];
  return {
    url,
    app,
    desktop,
    userDataDir: options.userDataDir,
    async attach(page) {
      await page.exposeBinding('__wallInvoke', (source, channel: unknown, payload: unknown) => {
        // The harness's sender check: only our own top-level page may call main.
        if (source.frame !== page.mainFrame()) return { ok: false, error: { code: 'forbidden-sender', message: 'Not the Bintu Wall page.' } };
        return app.dispatch(channel, payload);
      });
      await page.addInitScript({ content: await pageBridge() });
      const sub = app.onEvent((channel, payload) => {
        page.evaluate(([c, p]) => (window as unknown as { __wallDeliver?: (c: string, p: unknown) => void }).__wallDeliver?.(c, p), [channel, payload] as const).catch(() => {
          // The page navigated or closed; the next load subscribes again through wall:get.
        });
      });
      detach.push(() => sub.dispose());
    },
    async close() {
      detach.forEach((d) => d());
      app.dispose();
      await closeServer(server);
    },
  };
}

/** Stops the server without waiting for the browser's idle keep-alive connections. */
function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeAllConnections();
  return closed;
}
