/**
 * Every change a download record goes through, one named function each. Each sets all the fields
 * its state implies, so a record cannot end up half updated (say 'done' with a speed still shown).
 */
import type { AppErrorData } from '../../../shared/errors';
import { assertNever } from '../../../shared/assert-never';
import type { StoredDownload } from './download-types';
import type { TransferStart } from './transfer';

/** Waiting for a free slot, from what its `.part` holds; any earlier outcome is forgotten. */
export function queued(record: StoredDownload, partBytes: number): void {
  record.state = 'queued';
  record.bytes = partBytes;
  record.error = null;
  record.finishedAt = null;
  stopMeasuring(record);
}

/** Given a slot: transferring, nothing measured yet. */
export function running(record: StoredDownload): void {
  record.state = 'downloading';
  record.error = null;
  stopMeasuring(record);
}

/** The server answered an attempt: where writing starts, the full length, and what resumes it. */
export function answered(record: StoredDownload, start: TransferStart): void {
  record.bytes = start.offset;
  record.total = start.total;
  record.validator = start.validator;
}

/** Bytes arrived: the attempt is going well again, so a retry note is dropped. */
export function progressed(record: StoredDownload, bytes: number, rate: { speedBps: number; etaS: number | null }): void {
  record.bytes = bytes;
  record.error = null;
  record.speedBps = rate.speedBps;
  record.etaS = rate.etaS;
}

/** An attempt failed and another follows at `retryAt`; the error says why, the state stays. */
export function retrying(record: StoredDownload, error: AppErrorData, retryAt: number): void {
  record.error = { ...error, retryAt };
  stopMeasuring(record);
}

/** Complete under its final name (which may carry a suffix taken at rename time). */
export function done(record: StoredDownload, file: { fileName: string; size: number }, at: number): void {
  record.state = 'done';
  record.fileName = file.fileName;
  record.bytes = file.size;
  record.total = file.size;
  record.error = null;
  record.finishedAt = at;
  stopMeasuring(record);
}

/** Given up on: the error says why, `partBytes` is what is kept for Retry. */
export function failed(record: StoredDownload, error: AppErrorData, partBytes: number, at: number): void {
  record.state = 'failed';
  record.error = error;
  record.bytes = partBytes;
  record.finishedAt = at;
  stopMeasuring(record);
}

/** Stopped by the operator; its `.part` is deleted, so nothing is kept. */
export function cancelled(record: StoredDownload, at: number): void {
  record.state = 'cancelled';
  record.bytes = 0;
  record.error = null;
  record.finishedAt = at;
  stopMeasuring(record);
}

/**
 * Read back after a restart: nothing is moving. An unfinished one waits in the queue again from
 * `partBytes` (its `.part` length; null reads as none) and keeps its last retry note until it
 * starts; a finished or failed one stays as it ended.
 */
export function restored(record: StoredDownload, partBytes: number | null): void {
  stopMeasuring(record);
  switch (record.state) {
    case 'queued':
    case 'downloading':
      record.state = 'queued';
      record.bytes = partBytes ?? 0;
      return;
    case 'done':
    case 'failed':
    case 'cancelled':
      return;
    default:
      assertNever(record.state);
  }
}

/** Speed and time left mean nothing while no bytes are moving. */
function stopMeasuring(record: StoredDownload): void {
  record.speedBps = 0;
  record.etaS = null;
}
