import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../src/shared/errors';
import {
  answered,
  cancelled,
  done,
  failed,
  progressed,
  queued,
  restored,
  retrying,
  running,
} from '../../../src/main/core/downloads/download-transitions';
import { newRecord, type StoredDownload } from '../../../src/main/core/downloads/download-types';

const CREATED = 1_000;
const NOW = 9_000;
const DROP: AppErrorData = { code: 'network', message: 'The connection to vod.example dropped.' };

/** A download halfway through, with every field the page shows set to something visible. */
function midway(): StoredDownload {
  const recording = { id: 'rec-1', url: 'https://vod.example/vod/rec-1.mp4', streamId: null, createdAt: null, index: 0, fileName: 'rec-1.mp4' };
  const record = newRecord({ id: 'dl-1', recording, streamId: 's-1', folder: '/home/me/Videos', fileName: 'rec-1.mp4', baseName: 'rec-1.mp4', createdAt: CREATED });
  return { ...record, state: 'downloading', bytes: 400, total: 1000, speedBps: 250, etaS: 3, validator: '"v1"' };
}

/** The fields a transition changed, by name. */
function changed(before: StoredDownload, after: StoredDownload): string[] {
  return (Object.keys(after) as Array<keyof StoredDownload>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

/** Applies a transition to a copy and returns the copy and the names of the fields it changed. */
function apply(from: StoredDownload, step: (r: StoredDownload) => void): { record: StoredDownload; fields: string[] } {
  const record = structuredClone(from);
  step(record);
  return { record, fields: changed(from, record) };
}

describe('download transitions', () => {
  it('queued: waits from what the .part holds, with no speed, no error and no finish time', () => {
    const { record, fields } = apply({ ...midway(), state: 'failed', error: DROP, finishedAt: NOW - 1 }, (r) => queued(r, 700));
    expect(record).toMatchObject({ state: 'queued', bytes: 700, total: 1000, error: null, finishedAt: null, speedBps: 0, etaS: null });
    expect(fields).toEqual(['bytes', 'error', 'etaS', 'finishedAt', 'speedBps', 'state']);
  });

  it('running: downloading from the bytes it has, nothing measured yet', () => {
    const { record, fields } = apply({ ...midway(), state: 'queued', error: DROP }, running);
    expect(record).toMatchObject({ state: 'downloading', bytes: 400, error: null, speedBps: 0, etaS: null });
    expect(fields).toEqual(['error', 'etaS', 'speedBps', 'state']);
  });

  it('answered: where writing starts, the length and the validator; the state and speed are left alone', () => {
    const { record, fields } = apply(midway(), (r) => answered(r, { offset: 0, total: 2000, validator: '"v2"' }));
    expect(record).toMatchObject({ state: 'downloading', bytes: 0, total: 2000, validator: '"v2"' });
    expect(fields).toEqual(['bytes', 'total', 'validator']);
  });

  it('progressed: bytes, speed and time left move, and a retry note goes away', () => {
    const { record, fields } = apply({ ...midway(), error: { ...DROP, retryAt: NOW } }, (r) => progressed(r, 600, { speedBps: 100, etaS: 4 }));
    expect(record).toMatchObject({ state: 'downloading', bytes: 600, speedBps: 100, etaS: 4, error: null });
    expect(fields).toEqual(['bytes', 'error', 'etaS', 'speedBps']);
  });

  it('retrying: still downloading, says why and when, keeps the bytes, shows no speed', () => {
    const { record, fields } = apply(midway(), (r) => retrying(r, DROP, NOW + 2000));
    expect(record).toMatchObject({ state: 'downloading', bytes: 400, speedBps: 0, etaS: null });
    expect(record.error).toEqual({ ...DROP, retryAt: NOW + 2000 });
    expect(fields).toEqual(['error', 'etaS', 'speedBps']);
  });

  it('done: the final name and full size, finished now, no speed and no error', () => {
    const { record, fields } = apply({ ...midway(), error: DROP }, (r) => done(r, { fileName: 'rec-1 (1).mp4', size: 1000 }, NOW));
    expect(record).toMatchObject({ state: 'done', fileName: 'rec-1 (1).mp4', bytes: 1000, total: 1000, error: null, finishedAt: NOW, speedBps: 0, etaS: null });
    expect(fields).toEqual(['bytes', 'error', 'etaS', 'fileName', 'finishedAt', 'speedBps', 'state']);
  });

  it('failed: the error text, what is kept for Retry, finished now, no speed', () => {
    const error: AppErrorData = { code: 'disk-full', message: 'The disk holding /home/me/Videos is full: free some space, then press Retry.' };
    const { record, fields } = apply(midway(), (r) => failed(r, error, 380, NOW));
    expect(record).toMatchObject({ state: 'failed', bytes: 380, total: 1000, finishedAt: NOW, speedBps: 0, etaS: null });
    expect(record.error?.message).toBe(error.message);
    expect(fields).toEqual(['bytes', 'error', 'etaS', 'finishedAt', 'speedBps', 'state']);
  });

  it('cancelled: nothing kept, no error, finished now, no speed', () => {
    const { record, fields } = apply({ ...midway(), error: DROP }, (r) => cancelled(r, NOW));
    expect(record).toMatchObject({ state: 'cancelled', bytes: 0, error: null, finishedAt: NOW, speedBps: 0, etaS: null });
    expect(fields).toEqual(['bytes', 'error', 'etaS', 'finishedAt', 'speedBps', 'state']);
  });

  describe('restored', () => {
    it('an unfinished download waits in the queue from its .part, keeping its last retry note', () => {
      const note = { ...DROP, retryAt: NOW };
      const { record, fields } = apply({ ...midway(), error: note }, (r) => restored(r, 350));
      expect(record).toMatchObject({ state: 'queued', bytes: 350, speedBps: 0, etaS: null, error: note });
      expect(fields).toEqual(['bytes', 'etaS', 'speedBps', 'state']);
    });

    it('an unfinished download without a .part starts from nothing', () => {
      const { record } = apply({ ...midway(), state: 'queued' }, (r) => restored(r, null));
      expect(record).toMatchObject({ state: 'queued', bytes: 0 });
    });

    it.each(['done', 'failed', 'cancelled'] as const)('a %s download stays as it ended, only its speed cleared', (state) => {
      const { record, fields } = apply({ ...midway(), state, finishedAt: NOW }, (r) => restored(r, null));
      expect(record).toMatchObject({ state, bytes: 400, finishedAt: NOW, speedBps: 0, etaS: null });
      expect(fields).toEqual(['etaS', 'speedBps']);
    });
  });
});
