import type { FileHandle } from 'node:fs/promises';
import { type AlarmEvent, alarmEventSchema } from '../../../shared/alarms';
import type { Disposable } from '../lifecycle';
import { alarmLogError, alarmLogReadError } from './alarm-log-errors';
import { type LogFs, NODE_LOG_FS, logFile, readLines, repairTail, rotate } from './alarm-log-files';

/** Where and how much the alarm log keeps. */
export interface AlarmLogOptions {
  folder: string;
  /** Rotate once the current file would pass this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one (at least 1). */
  keepFiles?: number;
  fs?: LogFs;
}

/**
 * Whether an event belongs in the alarm log: raises, acknowledgements, snoozes, notes, and clears
 * of alarms that were raised. Pending faults that resolved on their own are not history.
 */
export function isLoggable(event: AlarmEvent): boolean {
  if (event.state === 'pending') return false;
  if (event.state === 'cleared') return event.raised === true;
  return true;
}

/**
 * The alarm log: JSON lines in one folder, one fsync'd append per event through a serial write
 * queue, rotated at a size cap (`alarms.1.jsonl` is the newest rotated file). A SIGKILL loses at
 * most the line being written; the next open cuts that torn line, and the reader skips it.
 */
export class AlarmLog implements Disposable {
  private readonly folder: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly fs: LogFs;
  private handle: FileHandle | null = null;
  private size = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Evidence names in the kept files; null when a rotation may have dropped some (recounted on demand). */
  private pinned: Set<string> | null = null;
  private closed = false;

  constructor(options: AlarmLogOptions) {
    this.folder = options.folder;
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = Math.max(1, options.keepFiles ?? 5);
    this.fs = options.fs ?? NODE_LOG_FS;
  }

  /** Appends one event and resolves once it is on disk; rejects with an AppError the operator can act on. */
  append(event: AlarmEvent): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(event)}\n`, 'utf8');
    return this.enqueue(async () => {
      if (this.closed) return;
      try {
        if (this.size > 0 && this.size + line.length > this.maxBytes) {
          await this.closeHandle();
          await rotate(this.fs, this.folder, this.keep);
          this.pinned = null;
        }
        const handle = await this.open();
        await writeAll(handle, line);
        await handle.datasync();
        this.size += line.length;
        if (this.pinned) for (const name of evidenceOf(event)) this.pinned.add(name);
      } catch (error) {
        // Reopen next time: the repair on open cuts whatever part of this line reached the disk.
        await this.closeHandle().catch(() => undefined);
        throw alarmLogError(error, this.folder);
      }
    });
  }

  /** The kept events in order, oldest first, optionally from a moment on (ISO-8601 or ms). */
  read(options: { since?: string | number } = {}): Promise<AlarmEvent[]> {
    const since = typeof options.since === 'string' ? Date.parse(options.since) : options.since;
    return this.enqueue(async () => {
      const events = await this.readAll();
      if (since === undefined || Number.isNaN(since)) return events;
      return events.filter((event) => Date.parse(event.at) >= since);
    });
  }

  /** Asset names the kept entries show as evidence: the picture cache must not evict these. */
  pinnedAssets(): Promise<Set<string>> {
    return this.enqueue(async () => {
      if (!this.pinned) {
        const names = new Set<string>();
        for (const event of await this.readAll()) for (const name of evidenceOf(event)) names.add(name);
        this.pinned = names;
      }
      return new Set(this.pinned);
    });
  }

  /** Waits for queued writes, then closes the file; later appends are dropped. */
  close(): Promise<void> {
    return this.enqueue(async () => {
      this.closed = true;
      await this.closeHandle();
    });
  }

  dispose(): void {
    void this.close().catch(() => undefined);
  }

  /** Every kept event; runs inside the queue, so it sees every append before it and none after. */
  private async readAll(): Promise<AlarmEvent[]> {
    let lines: string[];
    try {
      lines = await readLines(this.fs, this.folder, this.keep);
    } catch (error) {
      throw alarmLogReadError(error, this.folder);
    }
    const events: AlarmEvent[] = [];
    for (const line of lines) {
      const event = parseLine(line);
      if (event) events.push(event);
    }
    return events;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async open(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    await this.fs.mkdir(this.folder, { recursive: true });
    const path = logFile(this.folder, 0);
    this.size = await repairTail(this.fs, path);
    this.handle = await this.fs.open(path, 'a');
    return this.handle;
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    if (bytesWritten === 0) throw Object.assign(new Error('no bytes written'), { code: 'EIO' });
    done += bytesWritten;
  }
}

function parseLine(line: string): AlarmEvent | null {
  try {
    const parsed = alarmEventSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function evidenceOf(event: AlarmEvent): string[] {
  const names: string[] = [];
  if (event.evidence?.lastGood) names.push(event.evidence.lastGood);
  if (event.evidence?.firstBad) names.push(event.evidence.firstBad);
  return names;
}
