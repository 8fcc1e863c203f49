import type { Disposable } from '../lifecycle';

/** What the updater reports while it checks and downloads (electron-updater's events, in short). */
export interface UpdaterEvents {
  checking(): void;
  /** A newer version is on the feed; its download starts at once. */
  available(version: string): void;
  /** The feed's version is the one running (or older). */
  notAvailable(version: string): void;
  progress(percent: number): void;
  /** The update is downloaded and checked; it is installed when the app quits. */
  downloaded(version: string): void;
  error(error: unknown): void;
}

/**
 * The updater as the core sees it: electron-updater's `autoUpdater` in the app
 * (`platform/updater.ts`). The core decides when to check and what to show; this only talks to
 * the feed and installs.
 */
export interface Updater {
  /** Whether this copy can replace itself: an installed, packaged app of a kind the updater handles. */
  supported(): boolean;
  /** Points the updater at a generic feed (the folder holding latest.yml). */
  setFeed(url: string): void;
  /** Asks the feed once; resolves when the check is done (a download then goes on, reported by events). */
  check(): Promise<void>;
  /** Quits and installs the downloaded update now, then starts the new version. */
  restartAndInstall(): void;
  subscribe(events: UpdaterEvents): Disposable;
}
