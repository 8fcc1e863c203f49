import { randomUUID } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { AppError, toErrorData } from '../errors';
import type { HttpClient } from '../http/http-client';
import type { Disposable } from '../lifecycle';
import { ChangeNotifier } from './change-notifier';
import { nodeDownloadFs, type DownloadFs } from './download-fs';
import { DEFAULT_RETRY_DELAYS_MS, runJob } from './download-job';
import { DownloadStore } from './download-store';
import { FINISHED_STATES, UNFINISHED_STATES, expiredHistory, newRecord, publicRecord } from './download-types';
import type { DownloadManagerOptions, DownloadRecord, DownloadRequest, StoredDownload } from './download-types';
import { partPathOf, planName } from './final-name';
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
  private readonly http: HttpClient;
  private readonly fs: DownloadFs;
  private readonly now: () => number;
  private readonly concurrency: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly store: DownloadStore;
  private readonly entries = new Map<string, Entry>();
  private readonly changes: ChangeNotifier<readonly DownloadRecord[]>;
  private serial: Promise<unknown> = Promise.resolve();
  private restored = false;
  private disposed = false;

  /** Fires with the whole list whenever a download changes (progress at most every `progressIntervalMs`). */
  readonly onDidChange: (listener: (downloads: readonly DownloadRecord[]) => void) => Disposable;

  constructor(options: DownloadManagerOptions) {
    this.http = options.http;
    this.fs = options.fs ?? nodeDownloadFs();
    this.now = options.now ?? Date.now;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.changes = new ChangeNotifier<readonly DownloadRecord[]>(Math.max(0, options.progressIntervalMs ?? 250), () => this.list());
    this.onDidChange = this.changes.event;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.store = new DownloadStore(options.stateFile);
  }

  /** Reloads the state file once; unfinished downloads are queued again and resume from their `.part`. */
  restore(): Promise<void> {
    return this.exclusive(async () => {
      if (this.restored || this.disposed) return;
      this.restored = true;
      for (const record of await this.store.load()) {
        if (this.entries.has(record.id)) continue;
        record.speedBps = 0;
        record.etaS = null;
        if (UNFINISHED_STATES.has(record.state)) {
          record.state = 'queued';
          record.bytes = (await this.partSize(record)) ?? 0;
        }
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
      if (!/^https?:\/\//i.test(recording.url)) throw new AppError('invalid-input', 'The recording has no web address to download from.');
      const same = [...this.entries.values()].filter((e) => e.record.recordingId === recording.id);
      const active = same.find((e) => UNFINISHED_STATES.has(e.record.state));
      if (active !== undefined) return publicRecord(active.record);
      const failed = same.find((e) => e.record.state === 'failed');
      if (failed !== undefined) {
        await this.requeue(failed);
        return publicRecord(failed.record);
      }
      const folder = resolve(request.folder);
      const baseName = safeFileName(recording.fileName);
      const fileName = await planName(this.fs, folder, baseName, (name) => this.claimed(folder, name, null));
      const record = newRecord({ id: randomUUID(), recording, streamId, folder, fileName, baseName, createdAt: this.now() });
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
      record.state = 'cancelled';
      Object.assign(record, { bytes: 0, speedBps: 0, etaS: null, error: null, finishedAt: this.now() });
      await this.fs.remove(partPathOf(record.folder, record.fileName));
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
    return { record, controller: null, running: null, cancelling: false, meter: new ProgressMeter(this.now) };
  }

  private get(id: string): Entry {
    const entry = this.entries.get(id);
    if (entry === undefined) throw new AppError('not-found', 'That download is not in the list any more.');
    return entry;
  }

  private async requeue(entry: Entry): Promise<void> {
    const { record } = entry;
    record.state = 'queued';
    record.bytes = (await this.partSize(record)) ?? 0;
    Object.assign(record, { error: null, finishedAt: null, speedBps: 0, etaS: null });
    await this.persist();
    this.changes.now();
    this.pump();
  }

  /** Starts queued downloads, oldest first, while there is room. */
  private pump(): void {
    if (this.disposed) return;
    let running = [...this.entries.values()].filter((e) => e.running !== null).length;
    for (const entry of this.entries.values()) {
      if (running >= this.concurrency) break;
      if (entry.record.state !== 'queued' || entry.running !== null || entry.cancelling) continue;
      running += 1;
      this.start(entry);
    }
  }

  private start(entry: Entry): void {
    const { record } = entry;
    const controller = new AbortController();
    entry.controller = controller;
    record.state = 'downloading';
    record.error = null;
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
    const { record } = entry;
    try {
      const { fileName, size } = await runJob({
        http: this.http,
        fs: this.fs,
        url: record.url,
        folder: record.folder,
        fileName: record.fileName,
        baseName: record.baseName,
        validator: record.validator,
        signal,
        retryDelaysMs: this.retryDelaysMs,
        now: this.now,
        claimed: (name) => this.claimed(record.folder, name, record.id),
        onStart: ({ offset, total, validator }) => {
          Object.assign(record, { bytes: offset, total, validator });
          entry.meter.reset(offset);
          void this.persist();
        },
        onBytes: (bytes) => {
          record.bytes = bytes;
          record.error = null;
          entry.meter.sample(bytes);
          record.speedBps = entry.meter.speedBps();
          record.etaS = entry.meter.etaS(bytes, record.total);
          this.changes.soon();
        },
        onRetry: (error, delayMs) => {
          const retryAt = this.now() + delayMs;
          record.error = { ...error.toData(), retryAt };
          Object.assign(record, { speedBps: 0, etaS: null });
          this.changes.now();
        },
      });
      // Told even when shutting down: the file has its final name, so the state file must say done.
      Object.assign(record, { fileName, state: 'done', bytes: size, total: size, error: null, speedBps: 0, etaS: null, finishedAt: this.now() });
      this.prune();
    } catch (error) {
      // Shutting down keeps the record as it was, so `restore()` resumes it; cancel() takes over a stop.
      if (this.disposed || entry.cancelling) return;
      record.state = 'failed';
      record.error = toErrorData(error);
      record.bytes = (await this.partSize(record).catch(() => null)) ?? 0;
      Object.assign(record, { speedBps: 0, etaS: null, finishedAt: this.now() });
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

  private partSize(record: StoredDownload): Promise<number | null> {
    return this.fs.size(partPathOf(record.folder, record.fileName)).catch(() => null);
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
