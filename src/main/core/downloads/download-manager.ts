import { randomUUID } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_API_BASE } from '../../../shared/domain';
import { AppError, toErrorData } from '../errors';
import { UrlRules } from '../http/url-rules';
import type { Disposable } from '../lifecycle';
import { ChangeNotifier } from './change-notifier';
import { downloadDeps, type DownloadDeps } from './download-deps';
import { runJob } from './download-job';
import { DownloadStore } from './download-store';
import { answered, cancelled, done, failed, progressed, queued, restored, retrying, running } from './download-transitions';
import { FINISHED_STATES, UNFINISHED_STATES, expiredHistory, newRecord, publicRecord } from './download-types';
import type { DownloadManagerOptions, DownloadRecord, DownloadRequest, StoredDownload } from './download-types';
import { partPathFor, planName } from './final-name';
import { ProgressMeter } from './progress-meter';
import { safeFileName } from './safe-file-name';

export type { DownloadFs, DownloadSink } from './download-fs';
export { nodeDownloadFs } from './download-fs';
export { safeFileName } from './safe-file-name';
export type { DownloadManagerOptions, DownloadRecord, DownloadRequest, DownloadState } from './download-types';

/** Finished downloads kept in the list and the state file; failed ones are kept until acted on. */
const MAX_HISTORY = 200;

interface Entry {
  record: StoredDownload;
  controller: AbortController | null;
  running: Promise<void> | null;
  cancelling: boolean;
  meter: ProgressMeter;
}

/**
 * The recording download queue: a few transfers at a time, each written to `NAME.part` inside the
 * chosen folder and renamed (never over an existing file) once complete and of the announced
 * length; drops are resumed with `Range`, so is a restart (`restore()`). Changes are told through
 * `onDidChange`, progress at most every `progressIntervalMs`.
 */
export class DownloadManager implements Disposable {
  private readonly deps: DownloadDeps;
  private readonly concurrency: number;
  private readonly store: DownloadStore;
  private readonly entries = new Map<string, Entry>();
  private readonly fallbackRules: UrlRules;
  private readonly rulesByBase = new Map<string, UrlRules>();
  private readonly changes: ChangeNotifier<readonly DownloadRecord[]>;
  private serial: Promise<unknown> = Promise.resolve();
  private hasRestored = false;
  private disposed = false;

  /** Fires with the whole list whenever a download changes (progress at most every `progressIntervalMs`). */
  readonly onDidChange: (listener: (downloads: readonly DownloadRecord[]) => void) => Disposable;

  constructor(options: DownloadManagerOptions) {
    this.deps = downloadDeps(options);
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.changes = new ChangeNotifier<readonly DownloadRecord[]>(Math.max(0, options.progressIntervalMs ?? 250), () => this.list());
    this.onDidChange = this.changes.event;
    this.store = new DownloadStore(options.stateFile);
    this.fallbackRules = options.rules ?? new UrlRules(DEFAULT_API_BASE, { apiClass: 'public' });
  }

  /** Reloads the state file once; unfinished downloads are queued again and resume from their `.part`. */
  restore(): Promise<void> {
    return this.exclusive(async () => {
      if (this.hasRestored || this.disposed) return;
      this.hasRestored = true;
      for (const record of await this.store.load()) {
        if (this.entries.has(record.id)) continue;
        restored(record, UNFINISHED_STATES.has(record.state) ? await this.partSize(record) : null);
        this.entries.set(record.id, this.entry(record));
      }
      this.changes.now();
      this.pump();
    });
  }

  /**
   * Queues a recording. The folder must be absolute. The same recording already queued or
   * downloading gives the existing record; one that failed is retried (resuming its `.part`).
   */
  enqueue(request: DownloadRequest): Promise<DownloadRecord> {
    return this.exclusive(async () => {
      if (this.disposed) throw new AppError('cancelled', 'Downloads are shutting down.');
      const { recording, streamId } = request;
      if (!isAbsolute(request.folder)) {
        throw new AppError('invalid-input', 'The download folder must be a full path (for example /home/me/Videos).');
      }
      const apiBase = request.apiBase ?? null;
      // Refused before anything is queued: a plain-http or private address is an error the operator reads now.
      await this.rulesFor(apiBase).check(recording.url, 'recording');
      const same = [...this.entries.values()].filter((e) => e.record.recordingId === recording.id);
      const active = same.find((e) => UNFINISHED_STATES.has(e.record.state));
      if (active !== undefined) return publicRecord(active.record);
      const earlier = same.find((e) => e.record.state === 'failed');
      if (earlier !== undefined) {
        await this.requeue(earlier);
        return publicRecord(earlier.record);
      }
      const folder = resolve(request.folder);
      const baseName = safeFileName(recording.fileName);
      const fileName = await planName(this.deps.fs, folder, baseName, (name) => this.claimed(folder, name, null));
      const record = newRecord({ id: randomUUID(), recording, streamId, folder, fileName, baseName, createdAt: this.deps.now(), apiBase });
      this.entries.set(record.id, this.entry(record));
      await this.persist();
      this.changes.now();
      this.pump();
      return publicRecord(record);
    });
  }

  /** Stops a download and deletes its `.part`; it ends 'cancelled'. A finished download is left alone. */
  async cancel(id: string): Promise<void> {
    const entry = this.get(id);
    const { record } = entry;
    if (record.state === 'done' || record.state === 'cancelled' || entry.cancelling) return;
    entry.cancelling = true;
    try {
      entry.controller?.abort();
      await entry.running;
      // The transfer may have completed and been renamed just before the stop arrived (the
      // await above may have changed the state, which the compiler cannot see).
      if ((record.state as DownloadRecord['state']) === 'done') return;
      cancelled(record, this.deps.now());
      await this.deps.fs.remove(partPathFor(record));
      this.prune();
      await this.persist();
      this.changes.now();
    } finally {
      entry.cancelling = false;
    }
  }

  /** Queues a failed or cancelled download again; it resumes from its `.part` when there is one. */
  async retry(id: string): Promise<void> {
    const entry = this.get(id);
    if (entry.record.state !== 'failed' && entry.record.state !== 'cancelled') return;
    if (this.disposed) throw new AppError('cancelled', 'Downloads are shutting down.');
    await this.requeue(entry);
  }

  /** Every download, oldest first; copies. */
  list(): DownloadRecord[] {
    return [...this.entries.values()].map((e) => publicRecord(e.record));
  }

  /** Resolves once every state change so far is in the state file (for an orderly shutdown). */
  flushed(): Promise<void> {
    return this.store.flushed();
  }

  /** Aborts the transfers and stops events; `.part` files and the state file stay for `restore()`. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const entry of this.entries.values()) entry.controller?.abort();
    this.changes.dispose();
  }

  private entry(record: StoredDownload): Entry {
    return { record, controller: null, running: null, cancelling: false, meter: new ProgressMeter(this.deps.now) };
  }

  private get(id: string): Entry {
    const entry = this.entries.get(id);
    if (entry === undefined) throw new AppError('not-found', 'That download is not in the list any more.');
    return entry;
  }

  private async requeue(entry: Entry): Promise<void> {
    queued(entry.record, (await this.partSize(entry.record)) ?? 0);
    await this.persist();
    this.changes.now();
    this.pump();
  }

  /** Starts queued downloads, oldest first, while there is room. */
  private pump(): void {
    if (this.disposed) return;
    let busy = [...this.entries.values()].filter((e) => e.running !== null).length;
    for (const entry of this.entries.values()) {
      if (busy >= this.concurrency) break;
      if (entry.record.state !== 'queued' || entry.running !== null || entry.cancelling) continue;
      busy += 1;
      this.start(entry);
    }
  }

  private start(entry: Entry): void {
    const { record } = entry;
    const controller = new AbortController();
    entry.controller = controller;
    running(record);
    entry.meter.reset(record.bytes);
    void this.persist();
    this.changes.now();
    entry.running = this.run(entry, controller.signal).finally(() => {
      entry.running = null;
      entry.controller = null;
      this.pump();
    });
  }

  private async run(entry: Entry, signal: AbortSignal): Promise<void> {
    const { record, meter } = entry;
    try {
      const file = await runJob(this.deps, record, {
        signal,
        rules: this.rulesFor(record.apiBase),
        claimed: (name) => this.claimed(record.folder, name, record.id),
        onStart: (start) => {
          answered(record, start);
          meter.reset(start.offset);
          void this.persist();
        },
        onBytes: (bytes) => {
          meter.sample(bytes);
          progressed(record, bytes, { speedBps: meter.speedBps(), etaS: meter.etaS(bytes, record.total) });
          this.changes.soon();
        },
        onRetry: (error, delayMs) => {
          retrying(record, error.toData(), this.deps.now() + delayMs);
          this.changes.now();
        },
      });
      // Told even when shutting down: the file has its final name, so the state file must say done.
      done(record, file, this.deps.now());
      this.prune();
    } catch (error) {
      // Shutting down keeps the record as it was, so `restore()` resumes it; cancel() takes over a stop.
      if (this.disposed || entry.cancelling) return;
      const partBytes = (await this.partSize(record).catch(() => null)) ?? 0;
      failed(record, toErrorData(error), partBytes, this.deps.now());
    }
    await this.persist();
    this.changes.now();
  }

  /**
   * Whether another download (not `exceptId`) may still write `name` in `folder`. Finished ones do
   * not count: their file is on disk (and checked there) or the operator removed it.
   */
  private claimed(folder: string, name: string, exceptId: string | null): boolean {
    for (const { record } of this.entries.values()) {
      if (record.id === exceptId || FINISHED_STATES.has(record.state) || record.folder !== folder) continue;
      if (record.fileName === name) return true;
    }
    return false;
  }

  /** The URL rules of the API base a recording came from (one instance per base). */
  private rulesFor(apiBase: string | null): UrlRules {
    if (apiBase === null) return this.fallbackRules;
    let rules = this.rulesByBase.get(apiBase);
    if (rules === undefined) {
      rules = new UrlRules(apiBase, { resolve: this.fallbackRules.resolve });
      this.rulesByBase.set(apiBase, rules);
    }
    return rules;
  }

  private partSize(record: StoredDownload): Promise<number | null> {
    return this.deps.fs.size(partPathFor(record)).catch(() => null);
  }

  /** Forgets the oldest finished downloads beyond the history limit. */
  private prune(): void {
    for (const id of expiredHistory([...this.entries.values()].map((e) => e.record), MAX_HISTORY)) this.entries.delete(id);
  }

  private async persist(): Promise<void> {
    const records = [...this.entries.values()].map((e) => ({ ...e.record, speedBps: 0, etaS: null }));
    try {
      await this.store.save(records);
    } catch {
      // The downloads go on without it; the next change tries again. Only a restart would notice.
    }
  }

  /** Runs state-changing steps one at a time, so two enqueues cannot plan the same file name. */
  private exclusive<T>(step: () => Promise<T>): Promise<T> {
    const result = this.serial.then(step);
    this.serial = result.catch(() => undefined);
    return result;
  }
}
