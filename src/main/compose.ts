import { join } from 'node:path';
import type { CredentialVault } from './core/credential-vault';
import { createDispatcher, type CommandHandlers, type Dispatch } from './core/dispatch';
import { HttpClient } from './core/http/http-client';
import { AssetStore } from './core/assets/asset-store';
import { SettingsService, toSettingsView, type SettingsStore } from './core/settings/settings';
import { Session } from './core/session/session';
import type { DemoBackend } from './core/session/demo-backend';
import type { AssetSrc } from './core/poller/wall-view';
import { DisposableStore, Emitter, type Disposable } from './core/lifecycle';
import type { DesktopPort } from './core/desktop-port';
import { DownloadManager } from './core/downloads/download-manager';
import { FileLogger, KnownSecrets } from './core/log/logger';
import { redactErrorData } from './core/redact';
import { WallCache } from './core/cache/wall-cache';
import type { EventChannel, EventPayload } from '../shared/ipc-contract';
import { startDemoBackend } from './demo';
import { createHandlers, toDownloadView } from './handlers';
import { AlarmCenter, keyedEvent } from './core/alarms/alarm-center';
import { KioskPin } from './core/kiosk/kiosk-pin';
import { ProxySignInStore } from './core/http/proxy-sign-in';
import { followProxy } from './core/http/proxy-follower';
import { parsePacAnswer } from './core/http/proxy-route';
import type { LoadedPolicy } from './core/settings/policy';
import { vaultSecrets, writeDiagnostics } from './core/diagnostics/diagnostics';
import { WallWindows } from './core/windows/wall-windows';
import { HostGate } from './core/poller/host-gate';
import { UpdateService } from './core/updates/update-service';
import type { Updater } from './core/updates/updater';

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
  /** The organisation's policy, read at start (none when left out). */
  policy?: LoadedPolicy;
  /** The app's version, for the diagnostics archive. */
  appVersion?: string;
  /** The system's locale (desktop notifications follow it when the language is "system"). */
  systemLocale?: () => string;
  /** The updater (electron-updater in the app); none where this copy cannot update itself. */
  updater?: Updater;
}

/** A listener for every event of the contract. */
export type EventListener = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void;

/** The composed application core, ready to be wired to a transport. */
export interface ComposedApp extends Disposable {
  readonly session: Session;
  readonly settings: SettingsService;
  readonly store: AssetStore;
  readonly downloads: DownloadManager;
  readonly alarms: AlarmCenter;
  readonly kioskPin: KioskPin;
  /** The wall windows besides the main one; `restore()` opens the saved ones at start-up. */
  readonly wallWindows: WallWindows;
  /** Updates from the feed set in Settings or by the policy; off without one. */
  readonly updates: UpdateService;
  /**
   * The operator's way out of kiosk (Ctrl+Shift+K, caught in main so it works when the page
   * hangs): leaves at once without a PIN; with one, asks the page for it.
   */
  requestKioskExit(): Promise<void>;
  readonly handlers: CommandHandlers;
  readonly dispatch: Dispatch;
  /** Subscribes to every event of the contract at once: the transport forwards them to the page. */
  onEvent(listener: EventListener): Disposable;
  start(): Promise<void>;
  /**
   * Stops polling and downloads, then waits (at most `timeoutMs`) for the last wall snapshot and
   * the download queue to reach the disk, then disposes everything. Quit calls it.
   */
  shutdown(timeoutMs?: number): Promise<void>;
}

/** How long quit waits for the last saves before it lets the process go. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

/** Builds the core the same way for Electron (`index.ts`) and the end-to-end harness. */
export function composeApp(options: ComposeOptions): ComposedApp {
  // Everything below is registered here the moment it is made, and disposed in reverse order.
  const disposables = new DisposableStore();
  const secrets = new KnownSecrets();
  const log = new FileLogger(join(options.userDataDir, 'logs'), secrets);
  const settings = new SettingsService(options.settingsStore, options.policy);
  for (const problem of settings.policy.problems) log.warn(`policy: ${problem}`);
  if (settings.policy.path !== null) log.info(`policy in force from ${settings.policy.path}: ${Object.keys(settings.policy.policy).join(', ') || 'nothing usable'}`);
  const http = disposables.add(new HttpClient({ maxSocketsPerHost: settings.get().maxConnectionsPerHost }));
  disposables.add(settings.watch((s) => s.maxConnectionsPerHost, (cap) => http.setMaxSocketsPerHost(cap), { initial: false }));
  const proxySignIn = disposables.add(new ProxySignInStore(options.vault, secrets));
  const system = async (url: URL) => parsePacAnswer(await options.desktop.resolveProxy(url.href));
  disposables.add(followProxy({ settings, http, signIn: proxySignIn, system }));
  disposables.add(options.desktop.followSettings(settings));
  const store = new AssetStore(join(options.userDataDir, 'cache'));
  const cache = new WallCache(join(options.userDataDir, 'cache'), store);
  const downloads = disposables.add(new DownloadManager({ http, stateFile: join(options.userDataDir, 'downloads.json') }));
  const alarms = disposables.add(
    new AlarmCenter({ folder: join(options.userDataDir, 'alarms'), http, settings, desktop: options.desktop, log, assetSrc: options.assetSrc, systemLocale: options.systemLocale ?? (() => Intl.DateTimeFormat().resolvedOptions().locale) }),
  );
  const session = disposables.add(
    new Session({
      alarms,
      settings,
      vault: options.vault,
      http,
      store,
      cache,
      assetSrc: options.assetSrc,
      startDemo: options.startDemo ?? startDemoBackend,
      gate: new HostGate(),
      secrets,
      log,
    }),
  );
  const kioskPin = new KioskPin(join(options.userDataDir, 'kiosk-pin.json'));
  // Diagnostics redact what the keychain holds too, not only what this run happened to read.
  const saveDiagnostics = async (path: string): Promise<void> => {
    const current = settings.get();
    const stored = await vaultSecrets(options.vault, current.profiles.map((profile) => profile.id));
    await writeDiagnostics(path, { userDataDir: options.userDataDir, settings: current, policy: settings.policy, secrets: [...secrets.list(), ...stored], appVersion: options.appVersion ?? 'unknown', writer: 'app' });
    log.info(`diagnostics saved to ${path}`);
  };
  const wallWindows = new WallWindows(settings, options.desktop);
  const updates = disposables.add(new UpdateService({ settings, updater: options.updater ?? null, currentVersion: options.appVersion ?? 'unknown', log }));
  const handlers = createHandlers({ session, settings, downloads, alarms, kioskPin, proxySignIn, wallWindows, updates, desktop: options.desktop, defaultDownloadDir: options.defaultDownloadDir, saveDiagnostics, secrets });
  let shuttingDown: Promise<void> | null = null;
  const unlockRequests = disposables.add(new Emitter<null>());
  return {
    session,
    settings,
    store,
    downloads,
    alarms,
    kioskPin,
    wallWindows,
    updates,
    async requestKioskExit() {
      if (await kioskPin.isSet()) unlockRequests.fire(null);
      else options.desktop.setKiosk(false);
    },
    handlers,
    dispatch: createDispatcher(handlers, log, () => secrets.list()),
    onEvent(listener) {
      const subs = new DisposableStore();
      // Errors leave for the page without any known secret, however they were made.
      const clean = <T extends { error: { message: string } | null }>(item: T): T =>
        item.error === null ? item : { ...item, error: redactErrorData(item.error, secrets.list()) };
      subs.add(session.onDidChangeWall((view) => listener('wall:changed', view)));
      subs.add(session.onDidChangeSession((view) => listener('session:changed', view)));
      subs.add(downloads.onDidChange((list) => listener('downloads:changed', list.map((d) => clean(toDownloadView(d))))));
      subs.add(settings.onDidChange((next) => listener('settings:changed', toSettingsView(next))));
      subs.add(options.desktop.onDidChangeWindow((state) => listener('window:changed', state)));
      subs.add(alarms.onDidChange((state) => listener('alarms:changed', state)));
      subs.add(alarms.onDidEvent((event) => listener('alarms:event', keyedEvent(event))));
      subs.add(alarms.onDidReveal((streamId) => listener('alarms:reveal', { streamId })));
      subs.add(unlockRequests.event(() => listener('kiosk:unlock-requested', null)));
      subs.add(updates.onDidChange((view) => listener('updates:changed', view)));
      return subs;
    },
    async start() {
      log.info(`start; keychain ${options.vault.status().persistent ? 'available' : 'not available, credentials held in memory'}`);
      await downloads.restore().catch((error: unknown) => log.error('could not restore the download queue', error));
      await session.start();
      // After the wall is up: a slow or unreachable feed never delays it.
      updates.start();
    },
    shutdown(timeoutMs = SHUTDOWN_TIMEOUT_MS) {
      shuttingDown ??= (async () => {
        const saves = Promise.all([session.close().then(() => alarms.close()), downloads.flushed()]);
        const outcome = await withTimeout(saves, timeoutMs);
        if (outcome === 'timeout') log.warn(`quit: the last saves took longer than ${timeoutMs} ms; quitting anyway`);
        disposables.dispose();
      })();
      return shuttingDown;
    },
    dispose() {
      disposables.dispose();
    },
  };
}

/** Waits for `work`, or gives up after `ms`; a failed save is logged where it failed, not here. */
async function withTimeout(work: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([work.then(() => 'done' as const, () => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
