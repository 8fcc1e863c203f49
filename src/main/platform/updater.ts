import { app } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import electronUpdater, { type AppUpdater, type ProgressInfo, type UpdateCheckResult, type UpdateInfo } from 'electron-updater';
import type { Logger } from '../core/log/logger';
import type { Updater, UpdaterEvents } from '../core/updates/updater';

/** Where the downloaded update waits, under the system's cache folder. */
const CACHE_DIR_NAME = 'bintu-wall-updater';

/**
 * electron-updater's `autoUpdater` on a generic feed: the update downloads as soon as it is found
 * and is installed when the app quits. It is made on first use, so a workstation without a feed
 * never even builds it. Its requests go through Electron's `net`, which follows the system's proxy.
 *
 * The installers carry no `app-update.yml` (the feed is a setting, not a build option), yet the
 * updater reads one before a download for the name of its cache folder; so the feed is written to
 * one in `configDir` and the updater pointed at it, as well as given to `setFeedURL`.
 */
export function createElectronUpdater(log: Logger, configDir: string): Updater {
  let made: AppUpdater | null = null;
  const updater = (): AppUpdater => {
    if (made) return made;
    made = electronUpdater.autoUpdater;
    made.logger = {
      info: (message?: unknown) => log.info(`updates: ${String(message)}`),
      warn: (message?: unknown) => log.warn(`updates: ${String(message)}`),
      error: (message?: unknown) => log.warn(`updates: ${String(message)}`),
    };
    made.autoDownload = true;
    made.autoInstallOnAppQuit = true;
    return made;
  };
  return {
    // Only an installed app replaces itself: not a copy run from the sources, nor an AppImage
    // started without its launcher (electron-updater says which in the log).
    supported: () => app.isPackaged && updater().isUpdaterActive(),
    setFeed(url) {
      const file = join(configDir, 'app-update.yml');
      mkdirSync(configDir, { recursive: true });
      // JSON strings are YAML strings: the address needs no escaping of its own.
      writeFileSync(file, `provider: generic\nurl: ${JSON.stringify(url)}\nupdaterCacheDirName: ${CACHE_DIR_NAME}\n`);
      const it = updater();
      it.updateConfigPath = file;
      it.setFeedURL({ provider: 'generic', url });
    },
    async check() {
      const result: UpdateCheckResult | null = await updater().checkForUpdates();
      // A failed download is reported by the updater's `error` event; the promise must not go unhandled.
      result?.downloadPromise?.catch(() => undefined);
    },
    restartAndInstall: () => updater().quitAndInstall(),
    subscribe(events: UpdaterEvents) {
      const it = updater();
      const listeners = {
        'checking-for-update': () => events.checking(),
        'update-available': (info: UpdateInfo) => events.available(info.version),
        'update-not-available': (info: UpdateInfo) => events.notAvailable(info.version),
        'download-progress': (info: ProgressInfo) => events.progress(info.percent),
        'update-downloaded': (info: UpdateInfo) => events.downloaded(info.version),
        error: (error: Error) => events.error(error),
      } as const;
      for (const [name, listener] of Object.entries(listeners)) it.on(name as 'error', listener as (error: Error) => void);
      return {
        dispose: () => {
          for (const [name, listener] of Object.entries(listeners)) it.off(name as 'error', listener as (error: Error) => void);
        },
      };
    },
  };
}
