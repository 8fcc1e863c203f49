import { join } from 'node:path';
import type { CredentialVault } from './core/credential-vault';
import { createDispatcher, type CommandHandlers, type Dispatch } from './core/dispatch';
import { HttpClient } from './core/http/http-client';
import { AssetStore } from './core/assets/asset-store';
import { SettingsService, type SettingsStore } from './core/settings/settings';
import { Session, type DemoBackend } from './core/session/session';
import type { AssetSrc } from './core/poller/wall-view';
import type { Disposable } from './core/lifecycle';
import type { EventChannel, EventPayload } from '../shared/ipc-contract';
import { startDemoBackend } from './demo';
import { FileLogger, KnownSecrets } from './core/log/logger';

/** What the platform (Electron, or the test harness) provides to the core. */
export interface ComposeOptions {
  userDataDir: string;
  vault: CredentialVault;
  settingsStore: SettingsStore;
  /** How the page addresses a cached file: `wall-asset://` in Electron, an HTTP path in the harness. */
  assetSrc: AssetSrc;
  startDemo?: () => Promise<DemoBackend>;
}

/** The composed application core, ready to be wired to a transport. */
export interface ComposedApp extends Disposable {
  readonly session: Session;
  readonly store: AssetStore;
  readonly handlers: CommandHandlers;
  readonly dispatch: Dispatch;
  /** Subscribes to every event of the contract at once: the transport forwards them to the page. */
  onEvent(listener: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void): Disposable;
  start(): Promise<void>;
}

/** Builds the core the same way for Electron (`index.ts`) and the end-to-end harness. */
export function composeApp(options: ComposeOptions): ComposedApp {
  const secrets = new KnownSecrets();
  const log = new FileLogger(join(options.userDataDir, 'logs'), secrets);
  const settings = new SettingsService(options.settingsStore);
  const http = new HttpClient({ maxSocketsPerHost: settings.get().maxConnectionsPerHost });
  const store = new AssetStore(join(options.userDataDir, 'cache'));
  const session = new Session({
    settings,
    vault: options.vault,
    http,
    store,
    assetSrc: options.assetSrc,
    startDemo: options.startDemo ?? startDemoBackend,
    secrets,
    log,
  });
  const handlers: CommandHandlers = {
    'session:get': () => session.view(),
    'profile:connect': (request) => session.connect(request),
    'profile:activate': ({ profileId }) => session.activate(profileId),
    'profile:remove': ({ profileId }) => session.remove(profileId),
    'demo:start': () => session.startDemo(),
    'demo:stop': () => session.stopDemo(),
    'wall:get': async () => session.wall(),
    'wall:refresh': async () => {
      session.refresh();
      return null;
    },
  };
  return {
    session,
    store,
    handlers,
    dispatch: createDispatcher(handlers, log),
    onEvent(listener) {
      const subs = [
        session.onDidChangeWall((view) => listener('wall:changed', view)),
        session.onDidChangeSession((view) => listener('session:changed', view)),
      ];
      return { dispose: () => subs.forEach((sub) => sub.dispose()) };
    },
    async start() {
      log.info(`start; keychain ${options.vault.status().persistent ? 'available' : 'not available, credentials held in memory'}`);
      await session.start();
    },
    dispose() {
      session.dispose();
      http.dispose();
    },
  };
}
