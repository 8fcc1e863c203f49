import { app, dialog, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ComposedApp, ComposeOptions } from '../compose';
import type { CredentialVault } from '../core/credential-vault';
import { AppError } from '../core/errors';
import { FileLogger, KnownSecrets, type Logger } from '../core/log/logger';
import type { SettingsStore } from '../core/settings/settings';
import { loadPolicy, policyPath } from '../core/settings/policy';
import { AppLifecycle } from './app-lifecycle';
import { APP_ORIGIN, handleAppProtocol, pageSource, registerPrivilegedSchemes } from './app-protocol';
import { assetSrc, handleAssetProtocol } from './asset-protocol';
import { AppMenu } from './app-menu';
import { keepCrashReportsLocal } from './crash-reports';
import { createElectronDesktop } from './desktop';
import { ExternalLinks } from './external-links';
import { forwardEvents, registerIpc } from './ipc';
import { LaunchRequests, parseLaunchArgs } from './launch-args';
import { LoginItem } from './login-item';
import { createMainWindow, type MainWindow } from './main-window';
import { NavigationGuard } from './navigation-guard';
import { ReplayWindows } from './replay-windows';
import { WallWindowSet } from './wall-window-set';
import { hardenSessions } from './security';
import { createElectronUpdater } from './updater';
import type { SavedBounds } from './window-bounds';

/** What start-up needs besides Electron: the build output, the core, the keychain, the stores. */
export interface StartDeps {
  /** The build output folder holding `preload/` and `renderer/`. */
  outDir: string;
  compose(options: ComposeOptions): ComposedApp;
  /** Opens the keychain; tells `onUnavailable` why when it falls back to memory. */
  openVault(onUnavailable: (error: AppError) => void): Promise<CredentialVault>;
  settingsStore(): SettingsStore;
  bounds: { restored(): SavedBounds | null; remember(window: BrowserWindow): void };
}

/**
 * Starts the app. Before Electron is ready, without awaiting anything: the user-data folder, local
 * crash reports, the privileged schemes, the single-instance lock (a second copy exits at once),
 * the lifecycle handlers and the navigation guard. Once ready, the window and its page come up at
 * once while the keychain probe and the core start; any failure on the way is shown, logged, and
 * ends the process.
 */
export function startApp(deps: StartDeps): void {
  try {
    useUserDataOverride(process.env['BINTU_WALL_USER_DATA']);
  } catch (error) {
    return failStart(error, null);
  }
  keepCrashReportsLocal();
  registerPrivilegedSchemes();
  if (!app.requestSingleInstanceLock({ argv: process.argv.slice(1) })) {
    // The running copy receives our arguments (second-instance) and comes to the front.
    app.exit(0);
    return;
  }
  const log = new FileLogger(join(app.getPath('userData'), 'logs'), new KnownSecrets());
  const launches = new LaunchRequests(log);
  const lifecycle = new AppLifecycle(log, launches);
  lifecycle.register();
  // This start's own --kiosk, --display and --profile, applied once the core is up.
  launches.request(parseLaunchArgs(process.argv.slice(1)));
  const guard = new NavigationGuard(new ExternalLinks());
  guard.install();
  app
    .whenReady()
    .then(() => boot(deps, lifecycle, launches, guard, log))
    .catch((error: unknown) => failStart(error, log));
}

/** Points Electron at `BINTU_WALL_USER_DATA`, creating it first: `app.setPath` refuses a missing folder. */
function useUserDataOverride(value: string | undefined): void {
  if (!value) return;
  const dir = resolve(value);
  try {
    mkdirSync(dir, { recursive: true });
    app.setPath('userData', dir);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new AppError('permission-denied', `The folder BINTU_WALL_USER_DATA names (${dir}) cannot be used: ${reason}.`, { cause: error });
  }
}

/** The window and its page first, then the keychain and the core; commands wait for the core. */
async function boot(deps: StartDeps, lifecycle: AppLifecycle, launches: LaunchRequests, guard: NavigationGuard, log: Logger): Promise<void> {
  hardenSessions(guard);
  // The menu before the window, so the window never shows Electron's default one.
  const menu = new AppMenu(!app.isPackaged);
  menu.install();
  const page = pageSource(app.isPackaged, process.env['ELECTRON_RENDERER_URL']);
  if (page.origin === APP_ORIGIN) handleAppProtocol(join(deps.outDir, 'renderer'));
  let ready: ComposedApp | null = null;
  const main = createMainWindow({
    page,
    preload: join(deps.outDir, 'preload', 'index.cjs'),
    saved: deps.bounds.restored(),
    remember: deps.bounds.remember,
    kioskExit: () => (ready ? () => void ready?.requestKioskExit() : null),
  });
  lifecycle.attachWindow(main.window);
  menu.attachWindow(main.window);
  const replays = new ReplayWindows(guard);
  const walls = new WallWindowSet({ page, preload: join(deps.outDir, 'preload', 'index.cjs'), quitting: () => lifecycle.quitting, kiosk: () => !main.window.isDestroyed() && main.window.isKiosk(), kioskExit: () => (ready ? () => void ready?.requestKioskExit() : null) });
  main.window.on('closed', () => {
    replays.closeAll();
    // The main window is the app: the other walls close with it, and come back at the next start.
    walls.closeAll();
  });
  let started: (core: ComposedApp) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const core = new Promise<ComposedApp>((resolveCore, rejectCore) => ((started = resolveCore), (failed = rejectCore)));
  lifecycle.track(registerIpc(core, (frame) => main.isTrusted(frame) || walls.isTrusted(frame)));
  main.load();
  try {
    const composed = await startCore(deps, lifecycle, launches, main, replays, walls, log);
    if (composed) lifecycle.track(menu.follow(composed.settings));
    ready = composed;
    if (composed) started(composed);
  } catch (error) {
    failed(error);
    // The operator quit while the core was starting: that is no failure to report.
    if (lifecycle.quitting) return log.warn(`start-up stopped by quit: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

/** Opens the keychain, composes and starts the core; null when the operator quit meanwhile. */
async function startCore(
  deps: StartDeps,
  lifecycle: AppLifecycle,
  launches: LaunchRequests,
  main: MainWindow,
  replays: ReplayWindows,
  walls: WallWindowSet,
  log: Logger,
): Promise<ComposedApp | null> {
  const vault = await deps.openVault((error) => {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    log.warn(`keychain not used, API keys are held in memory for this session: ${error.message}${cause}`);
  });
  if (lifecycle.quitting) return null;
  const desktop = createElectronDesktop(main.window, replays, new LoginItem(log), walls);
  const core = deps.compose({
    userDataDir: app.getPath('userData'),
    vault,
    settingsStore: deps.settingsStore(),
    policy: loadPolicy(policyPath()),
    appVersion: app.getVersion(),
    updater: createElectronUpdater(log, join(app.getPath('userData'), 'updates')),
    assetSrc,
    desktop,
    defaultDownloadDir: join(app.getPath('downloads'), 'Bintu Wall'),
  });
  lifecycle.attachCore(core);
  handleAssetProtocol(core.store);
  lifecycle.track(forwardEvents(core, main.window.webContents));
  walls.forwardWith((contents) => forwardEvents(core, contents));
  await core.start();
  if (lifecycle.quitting) return null;
  // The other wall windows come back where they were, before kiosk covers their displays.
  core.wallWindows.restore();
  if (core.settings.get().kiosk.startInKiosk) desktop.setKiosk(true);
  launches.attach({ session: core.session, desktop });
  return core;
}

/** Tells the operator in plain words why the app could not start, logs it, and ends the process. */
function failStart(error: unknown, log: Logger | null): void {
  log?.error('start-up failed', error);
  const why = error instanceof AppError ? error.message : `Something went wrong while it was starting: ${error instanceof Error ? error.message : String(error)}`;
  const details = log ? `\n\nDetails are in ${join(app.getPath('userData'), 'logs', 'main.log')}.` : '';
  // Modal: the process ends when the operator closes it (before ready on Linux it goes to stderr).
  dialog.showErrorBox('Bintu Wall could not start', `${why}${details}\n\nBintu Wall will now quit.`);
  app.exit(1);
}
