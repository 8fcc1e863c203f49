import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { composeApp, type ComposedApp } from '../../../src/main/compose';
import type { CredentialVault } from '../../../src/main/core/credential-vault';
import type { DemoBackend } from '../../../src/main/core/session/demo-backend';
import { HttpIpc } from './http-ipc';
import { jsonSettingsStore } from './json-settings-store';
import { RecordingDesktop } from '../../support/recording-desktop';
import { loadPolicy, policyPath } from '../../../src/main/core/settings/policy';

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
 * the renderer is served over HTTP, cached pictures under `/wall-asset/` of a second origin (the
 * CSP's `wall-asset:` becomes that origin), and IPC becomes loopback HTTP (`http-ipc.ts`) that only the main frame may call.
 */
export async function startHarness(options: {
  userDataDir: string;
  vault: CredentialVault;
  startDemo?: () => Promise<DemoBackend>;
  /** A policy file, read as the app reads the one `BINTU_WALL_POLICY` names; none when left out. */
  policyFile?: string;
}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the app first (npm run build): out/renderer/index.html is missing.');
  mkdirSync(options.userDataDir, { recursive: true });
  const desktop = new RecordingDesktop();
  // Pictures come from an origin of their own, as wall-asset: is a scheme of its own in the app:
  // the page's fetches to main then never queue behind pictures in the browser's per-host pool.
  // Its address goes into the core's picture addresses, so it listens before the core is built.
  const assets = createServer();
  const assetOrigin = await listen(assets);
  const app = composeApp({
    desktop,
    defaultDownloadDir: join(options.userDataDir, 'Downloads'),
    userDataDir: options.userDataDir,
    vault: options.vault,
    settingsStore: jsonSettingsStore(options.userDataDir),
    assetSrc: (name) => `${assetOrigin}/wall-asset/${name}`,
    ...(options.startDemo ? { startDemo: options.startDemo } : {}),
    ...(options.policyFile !== undefined ? { policy: loadPolicy(policyPath({ BINTU_WALL_POLICY: options.policyFile })) } : {}),
  });
  assets.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = decodedPath(req);
    if (path === null) return void res.writeHead(400).end();
    const file = path.startsWith('/wall-asset/') ? app.store.resolve(path.slice('/wall-asset/'.length)) : undefined;
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  const ipc = new HttpIpc(app);
  const server = createServer((req, res) => {
    const path = decodedPath(req);
    if (path === null) return void res.writeHead(400).end();
    if (ipc.handle(req, res, path)) return;
    const file = insideRenderer(path === '/' ? 'index.html' : path);
    if (file === null || !existsSync(file)) return void res.writeHead(404).end();
    let body: Buffer | string = readFileSync(file);
    // The only changes to the built page: pictures come from the asset origin instead of
    // wall-asset:, and the page may reach this origin for the IPC stand-in.
    if (file.endsWith('index.html')) body = body.toString('utf8').replaceAll('wall-asset:', assetOrigin).replace("connect-src 'none'", "connect-src 'self'");
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  const url = `${await listen(server)}/`;
  await app.start();
  // As app-start.ts does: the wall windows of the last run open again (the desktop records them;
  // a test opens a page at `url?wall=<id>` for each it wants to drive).
  app.wallWindows.restore();
  return {
    url,
    app,
    desktop,
    userDataDir: options.userDataDir,
    async attach(page) {
      const token = JSON.stringify(ipc.issueToken());
      await page.addInitScript({ content: `window.__wallHarnessToken = ${token};\n${await pageBridge()}` });
    },
    async close() {
      ipc.dispose();
      app.dispose();
      await Promise.all([closeServer(server), closeServer(assets)]);
    },
  };
}

/** The request's path, percent-decoded; null when its encoding is malformed (answered 400). */
function decodedPath(req: IncomingMessage): string | null {
  try {
    return decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return null;
  }
}

/**
 * A path of the built renderer, or null for anything outside its folder. The prefix is checked
 * with the separator, so a sibling such as `out/renderer-old` is outside too.
 */
export function insideRenderer(path: string, root: string = RENDERER_DIR): string | null {
  const file = normalize(join(root, path));
  return file.startsWith(root + sep) ? file : null;
}

/** Listens on a free loopback port; answers the server's origin. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stops the server without waiting for the browser's idle keep-alive connections. */
function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeAllConnections();
  return closed;
}
