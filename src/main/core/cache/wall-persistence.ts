import { fsError } from '../fs/fs-errors';
import type { Disposable } from '../lifecycle';
import type { Logger } from '../log/logger';
import type { Poller } from '../poller/poller';
import { enforceCacheCap } from './cache-janitor';
import type { WallCache } from './wall-cache';

const SAVE_EVERY_MS = 5_000;
const JANITOR_EVERY_MS = 60_000;

/**
 * Keeps one poller's wall on disk: a snapshot at most every few seconds after a change (and a
 * last one on dispose), and the picture cache under its size cap.
 */
export class WallPersistence implements Disposable {
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly janitor: NodeJS.Timeout;
  private readonly listener: Disposable;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly poller: Poller,
    private readonly cache: WallCache,
    private readonly key: string,
    private readonly options: { assetsDir: string; capBytes: () => number; log: Logger; pinned?: () => Promise<Set<string>> },
  ) {
    this.listener = poller.onDidChange(() => this.scheduleSave());
    this.janitor = setInterval(() => void this.clean(), JANITOR_EVERY_MS);
    this.janitor.unref?.();
  }

  /** Writes the snapshot now (also used on quit). */
  saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const model = this.poller.model();
    if (model.fromCache || model.streams.length === 0) return this.saving;
    // Chain writes: two overlapping saves must not race on the same file.
    this.saving = this.saving
      .then(() =>
        this.cache.save(this.key, {
          savedAt: Date.now(),
          lastSuccessAt: model.connection.lastSuccessAt,
          streams: [...model.streams],
          assets: new Map(model.assets),
        }),
      )
      .catch((error: unknown) => this.options.log.warn(`could not save the wall cache: ${describe(error, this.cache.folder)}`));
    return this.saving;
  }

  dispose(): void {
    this.listener.dispose();
    clearInterval(this.janitor);
    if (this.saveTimer) void this.saveNow();
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => void this.saveNow(), SAVE_EVERY_MS);
    this.saveTimer.unref?.();
  }

  private async clean(): Promise<void> {
    try {
      const keep = this.poller.liveAssetNames();
      // Alarm evidence stays while alarms show it or the alarm log keeps it.
      for (const name of (await this.options.pinned?.()) ?? []) keep.add(name);
      const report = await enforceCacheCap(this.options.assetsDir, this.cache.folder, this.options.capBytes(), keep);
      if (report.evictedFiles > 0) this.options.log.info(`cache cap: evicted ${report.evictedFiles} file(s), ${report.evictedBytes} bytes`);
    } catch (error) {
      this.options.log.warn(`cache clean-up failed: ${describe(error, this.options.assetsDir)}`);
    }
  }
}

/** The failure in plain words (disk full, not allowed, ...), the same as everywhere else the app writes. */
function describe(error: unknown, where: string): string {
  return fsError(error, { where, then: '; the app tries again on its own.' }).message;
}
