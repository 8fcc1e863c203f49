import { join } from 'node:path';
import type { CredentialVault } from './core/credential-vault';
import { createDispatcher, type CommandHandlers, type Dispatch } from './core/dispatch';
import { HttpClient } from './core/http/http-client';
import { AssetStore } from './core/assets/asset-store';
import { SettingsService, toSettingsView, type SettingsStore } from './core/settings/settings';
import { Session, type DemoBackend } from './core/session/session';
import type { AssetSrc } from './core/poller/wall-view';
import type { Disposable } from './core/lifecycle';
import type { DesktopPort } from './core/desktop-port';
import { DownloadManager } from './core/downloads/download-manager';
import { FileLogger, KnownSecrets } from './core/log/logger';
import { WallCache } from './core/cache/wall-cache';
import type { EventChannel, EventPayload } from '../shared/ipc-contract';
import { startDemoBackend } from './demo';
import { createHandlers, toDownloadView } from './handlers';

/** What the platform (Electron, or the test harness) provides to the core. */
export interface ComposeOptions {
  userDataDir: string;
  vault: CredentialVault;
  settingsStore: SettingsStore;
  /** How the page addresses a cached file: `wall-asset://` in Electron, an HTTP path in the harness. */
  assetSrc: AssetSrc;
  desktop: DesktopPort;
  /** Where recordings go until the operator chooses a folder. */
  defaultDownloadDir: string;
  startDemo?: () => Promise<DemoBackend>;
}

/** A listener for every event of the contract. */
export type EventListener = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void;

/** The composed application core, ready to be wired to a transport. */
export interface ComposedApp extends Disposable {
  readonly session: Session;
  readonly settings: SettingsService;
  readonly store: AssetStore;
  readonly downloads: DownloadManager;
  readonly handlers: CommandHandlers;
  readonly dispatch: Dispatch;
  /** Subscribes to every event of the contract at once: the transport forwards them to the page. */
  onEvent(listener: EventListener): Disposable;
  start(): Promise<void>;
}

/** Builds the core the same way for Electron (`index.ts`) and the end-to-end harness. */
export function composeApp(options: ComposeOptions): ComposedApp {
  const secrets = new KnownSecrets();
  const log = new FileLogger(join(options.userDataDir, 'logs'), secrets);
  const settings = new SettingsService(options.settingsStore);
  const http = new HttpClient({ maxSocketsPerHost: settings.get().maxConnectionsPerHost });
  const store = new AssetStore(join(options.userDataDir, 'cache'));
  const cache = new WallCache(join(options.userDataDir, 'cache'), store);
  const downloads = new DownloadManager({ http, stateFile: join(options.userDataDir, 'downloads.json') });
  const session = new Session({
    settings,
    vault: options.vault,
    http,
    store,
    cache,
    assetSrc: options.assetSrc,
    startDemo: options.startDemo ?? startDemoBackend,
    secrets,
    log,
  });
  const handlers = createHandlers({ session, settings, downloads, desktop: options.desktop, defaultDownloadDir: options.defaultDownloadDir });
  return {
    session,
    settings,
    store,
    downloads,
    handlers,
    dispatch: createDispatcher(handlers, log),
    onEvent(listener) {
      const subs = [
        session.onDidChangeWall((view) => listener('wall:changed', view)),
        session.onDidChangeSession((view) => listener('session:changed', view)),
        downloads.onDidChange((list) => listener('downloads:changed', list.map(toDownloadView))),
        settings.onDidChange((next) => listener('settings:changed', toSettingsView(next))),
        options.desktop.onDidChangeWindow((state) => listener('window:changed', state)),
      ];
      return { dispose: () => subs.forEach((sub) => sub.dispose()) };
    },
    async start() {
      log.info(`start; keychain ${options.vault.status().persistent ? 'available' : 'not available, credentials held in memory'}`);
      await downloads.restore().catch((error: unknown) => log.error('could not restore the download queue', error));
      await session.start();
    },
    dispose() {
      downloads.dispose();
      session.dispose();
      http.dispose();
    },
  };
}
