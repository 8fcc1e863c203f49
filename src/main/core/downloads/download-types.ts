import { z } from 'zod';
import { appErrorDataSchema, type AppErrorData } from '../../../shared/errors';
import { downloadStateSchema, type DownloadState } from '../../../shared/download-view';
import type { Recording } from '../../../shared/domain';
import type { HttpClient } from '../http/http-client';
import type { UrlRules } from '../http/url-rules';
import type { DownloadFs } from './download-fs';

/** A download's lifecycle: the same union the page sees. */
export type { DownloadState };

/** One recording download as main knows it: the page gets a view of it without URL or folder. */
export interface DownloadRecord {
  id: string;
  recordingId: string;
  streamId: string;
  url: string;
  /** The final file name inside `folder`, after any collision suffix (`NAME (1).mp4`). */
  fileName: string;
  /** The absolute folder the file is written to. */
  folder: string;
  state: DownloadState;
  /** Bytes on disk so far (the `.part` length while unfinished). */
  bytes: number;
  /** The file's full length, once the server told it. */
  total: number | null;
  speedBps: number;
  etaS: number | null;
  /** Why it failed; while retrying after a drop, why it is retrying. */
  error: AppErrorData | null;
  createdAt: number;
  finishedAt: number | null;
}

/**
 * A record as kept in the state file: the public fields plus what resuming needs. `baseName` is
 * the sanitised name before any suffix (so a later collision becomes `NAME (2)`, not
 * `NAME (1) (1)`); `validator` is the ETag or Last-Modified sent as `If-Range` on resume, so a
 * changed file on the server is fetched again from the start instead of being spliced.
 */
export interface StoredDownload extends DownloadRecord {
  baseName: string;
  validator: string | null;
  /** The API base that listed the recording: its URL rules apply to the recording's address. */
  apiBase: string | null;
}

/** States that need nothing more from the manager. */
export const FINISHED_STATES: ReadonlySet<DownloadState> = new Set(['done', 'cancelled']);

/** States with a transfer still to come. */
export const UNFINISHED_STATES: ReadonlySet<DownloadState> = new Set(['queued', 'downloading']);

/** The state file's shape; a record that does not parse is dropped on restore. */
export const storedDownloadSchema = z.object({
  id: z.string().min(1),
  recordingId: z.string().min(1),
  streamId: z.string(),
  url: z.string().min(1),
  fileName: z.string().min(1),
  folder: z.string().min(1),
  state: downloadStateSchema,
  bytes: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  speedBps: z.number().catch(0),
  etaS: z.number().nullable().catch(null),
  error: appErrorDataSchema.nullable().catch(null),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
  baseName: z.string().min(1),
  validator: z.string().nullable(),
  apiBase: z.string().nullable().catch(null),
});

/** The whole state file. */
export const stateFileSchema = z.object({
  version: z.literal(1),
  downloads: z.array(z.unknown()),
});

/** Ids of the oldest finished downloads beyond `max`; unfinished and failed ones are never dropped. */
export function expiredHistory(records: readonly DownloadRecord[], max: number): string[] {
  const finished = records.filter((r) => FINISHED_STATES.has(r.state)).sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
  return finished.slice(0, Math.max(0, finished.length - max)).map((r) => r.id);
}

/** A new queued download's record. */
export function newRecord(init: {
  id: string;
  recording: Recording;
  streamId: string;
  folder: string;
  fileName: string;
  baseName: string;
  createdAt: number;
  apiBase?: string | null;
}): StoredDownload {
  const { id, recording, streamId, folder, fileName, baseName, createdAt, apiBase = null } = init;
  return {
    id, recordingId: recording.id, streamId, url: recording.url, fileName, folder, state: 'queued',
    bytes: 0, total: null, speedBps: 0, etaS: null, error: null, createdAt, finishedAt: null, baseName, validator: null, apiBase,
  };
}

/** The public part of a stored record: a copy, so callers cannot change the manager's state. */
export function publicRecord(stored: StoredDownload): DownloadRecord {
  const { baseName: _baseName, validator: _validator, apiBase: _apiBase, error, ...rest } = stored;
  return { ...rest, error: error === null ? null : { ...error } };
}

/** How the manager is built; only `http` and `stateFile` are required. */
export interface DownloadManagerOptions {
  http: HttpClient;
  /** JSON, written atomically: the queue survives a restart. */
  stateFile: string;
  /** Transfers at once (default 2); the rest wait in the queue. */
  concurrency?: number;
  fs?: DownloadFs;
  now?: () => number;
  /** Progress events at most this often (default 250 ms); state changes are told at once. */
  progressIntervalMs?: number;
  /** Waits before automatic retries after a drop (default 1, 2, 5, 10, 20 s). */
  retryDelaysMs?: readonly number[];
  /**
   * Rules for recordings whose API base is not known (requests without `apiBase`, older state
   * files); by default those of a public API base, the strictest.
   */
  rules?: UrlRules;
}

/** What to download and where. */
export interface DownloadRequest {
  recording: Recording;
  streamId: string;
  /** Absolute folder chosen by the operator. */
  folder: string;
  /** The API base that listed the recording: the URL rules of that base apply to its address. */
  apiBase?: string;
}
