import type { HttpClient } from '../http/http-client';
import { nodeDownloadFs, type DownloadFs } from './download-fs';
import type { DownloadManagerOptions } from './download-types';

/** Waits between automatic attempts after a drop: a few, growing, then the operator decides. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10_000, 20_000];

/** What every download of one manager shares: built once, handed to each job and transfer as is. */
export interface DownloadDeps {
  readonly http: HttpClient;
  readonly fs: DownloadFs;
  readonly now: () => number;
  /** Waits before automatic retries after a drop. */
  readonly retryDelaysMs: readonly number[];
}

/** The manager's options with their defaults filled in. */
export function downloadDeps(options: DownloadManagerOptions): DownloadDeps {
  return {
    http: options.http,
    fs: options.fs ?? nodeDownloadFs(),
    now: options.now ?? Date.now,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
  };
}
