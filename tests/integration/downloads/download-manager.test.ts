import { existsSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadManager } from '../../../src/main/core/downloads/download-manager';
import type { DownloadRecord } from '../../../src/main/core/downloads/download-types';
import { fileSha, makeManager, namesIn, serverBytes, settled, sha256, startWorld, tempDir, waitFor, type World } from './helpers';

describe('recording downloads against the simulator', () => {
  let world: World;
  const managers: DownloadManager[] = [];
  const manager = (...args: Parameters<typeof makeManager>): DownloadManager => {
    const made = makeManager(...args);
    managers.push(made);
    return made;
  };

  beforeAll(async () => {
    world = await startWorld();
    expect(world.withRecordings.length).toBeGreaterThanOrEqual(3);
  });
  afterEach(() => {
    for (const m of managers.splice(0)) m.dispose();
    world.sim.control.clearFaults();
  });
  afterAll(() => world.close());

  it('downloads a recording to its final name with the server file\'s exact bytes and no .part left', async () => {
    const { stream, recording } = world.withRecordings[0]!;
    const folder = tempDir('dl-basic-');
    const downloads = manager(world.http);
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    expect(['queued', 'downloading']).toContain(record.state);
    expect(record).toMatchObject({ recordingId: recording.id, streamId: stream.id, fileName: recording.fileName, folder });
    const done = await settled(downloads, record.id);
    const expected = await serverBytes(recording);
    expect(done).toMatchObject({ state: 'done', bytes: expected.length, total: expected.length, error: null });
    expect(done.finishedAt).not.toBeNull();
    expect(await namesIn(folder)).toEqual([recording.fileName]);
    expect(await fileSha(join(folder, recording.fileName))).toBe(sha256(expected));
    expect(world.sim.stats().credentialLeakToAssetHost).toBe(false);
  });

  it('resumes with Range after the connection drops at 40% and ends with an identical file', async () => {
    const { stream, recording } = world.withRecordings[1]!;
    const expected = await serverBytes(recording);
    const dropAt = Math.floor(expected.length * 0.4);
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', dropAfterBytes: dropAt, times: 1 });
    const ranged = world.sim.stats().statuses['206'] ?? 0;
    const folder = tempDir('dl-drop-');
    const downloads = manager(world.http);
    const seen: DownloadRecord[] = [];
    downloads.onDidChange((list) => seen.push(...list));
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    const done = await settled(downloads, record.id);
    expect(done.state).toBe('done');
    expect(await fileSha(join(folder, done.fileName))).toBe(sha256(expected));
    // The second request asked for the rest only: the server answered 206 and sent the remaining bytes.
    expect((world.sim.stats().statuses['206'] ?? 0) - ranged).toBe(1);
    const retrying = seen.find((d) => d.id === record.id && d.state === 'downloading' && d.error !== null);
    expect(retrying?.error?.code).toBe('network');
    expect(retrying?.bytes).toBe(dropAt);
  });

  it('cancel stops the transfer and leaves neither the file nor its .part', async () => {
    const { stream, recording } = world.withRecordings[0]!;
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', slowBodyBytesPerSec: 20_000 });
    const folder = tempDir('dl-cancel-');
    const downloads = manager(world.http);
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    await waitFor(downloads, (list) => list.some((d) => d.id === record.id && d.bytes > 0));
    expect(await namesIn(folder)).toEqual([`${recording.fileName}.part`]);
    await downloads.cancel(record.id);
    expect(downloads.list().find((d) => d.id === record.id)).toMatchObject({ state: 'cancelled', bytes: 0 });
    expect(await namesIn(folder)).toEqual([]);
    // Nothing trickles in afterwards either.
    await new Promise((r) => setTimeout(r, 300));
    expect(await namesIn(folder)).toEqual([]);
  });

  it('a queued download can be cancelled too, and a cancelled one can be retried', async () => {
    const [a, b] = world.withRecordings;
    const folder = tempDir('dl-queue-cancel-');
    world.sim.control.setStreamFaults(a!.stream.id, { scope: 'assets', slowBodyBytesPerSec: 40_000 });
    const downloads = manager(world.http, { concurrency: 1 });
    const first = await downloads.enqueue({ recording: a!.recording, streamId: a!.stream.id, folder });
    const second = await downloads.enqueue({ recording: b!.recording, streamId: b!.stream.id, folder });
    expect(downloads.list().find((d) => d.id === second.id)?.state).toBe('queued');
    await downloads.cancel(second.id);
    expect(downloads.list().find((d) => d.id === second.id)?.state).toBe('cancelled');
    await downloads.retry(second.id);
    const [doneA, doneB] = await Promise.all([settled(downloads, first.id), settled(downloads, second.id)]);
    expect([doneA.state, doneB.state]).toEqual(['done', 'done']);
    expect(await fileSha(join(folder, doneB.fileName))).toBe(sha256(await serverBytes(b!.recording)));
  });

  it('never runs more transfers at once than the concurrency limit', async () => {
    const folder = tempDir('dl-concurrency-');
    for (const { stream } of world.withRecordings) world.sim.control.setStreamFaults(stream.id, { scope: 'assets', slowBodyBytesPerSec: 200_000 });
    const downloads = manager(world.http, { concurrency: 2 });
    let most = 0;
    downloads.onDidChange((list) => {
      most = Math.max(most, list.filter((d) => d.state === 'downloading').length);
    });
    const records = [];
    for (const { stream, recording } of world.withRecordings.slice(0, 5)) records.push(await downloads.enqueue({ recording, streamId: stream.id, folder }));
    const done = await Promise.all(records.map((r) => settled(downloads, r.id)));
    expect(done.every((d) => d.state === 'done')).toBe(true);
    expect(most).toBe(2);
  });

  it('throttles progress events while telling state changes at once', async () => {
    const { stream, recording } = world.withRecordings[1]!;
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', slowBodyBytesPerSec: 20_000 });
    const folder = tempDir('dl-throttle-');
    const downloads = manager(world.http, { progressIntervalMs: 250 });
    const events: Array<{ at: number; state: string; bytes: number }> = [];
    const finished = new Promise<void>((resolve) => {
      downloads.onDidChange((list) => {
        const d = list[0];
        if (d) events.push({ at: Date.now(), state: d.state, bytes: d.bytes });
        if (d?.state === 'done') resolve();
      });
    });
    await downloads.enqueue({ recording, streamId: stream.id, folder });
    await finished;
    const progress = events.filter((e, i) => e.state === 'downloading' && i > 0 && events[i - 1]!.state === 'downloading');
    const duration = events[events.length - 1]!.at - events[0]!.at;
    expect(progress.length).toBeGreaterThan(1);
    // One per 250 ms at most (and a little slack for timer jitter), although chunks arrive every 100 ms.
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(duration / 250) + 1);
    // Progress is real: byte counts rise from event to event.
    const bytes = progress.map((e) => e.bytes);
    expect(bytes).toEqual([...bytes].sort((x, y) => x - y));
    expect(events[events.length - 1]!.state).toBe('done');
  });

  it('reports speed and time left while downloading', async () => {
    const { stream, recording } = world.withRecordings[1]!;
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', slowBodyBytesPerSec: 10_000 });
    const downloads = manager(world.http);
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder: tempDir('dl-speed-') });
    const moving = await waitFor(downloads, (list) => list.find((d) => d.id === record.id && d.speedBps > 0 && d.etaS !== null));
    // The simulator trickles 10 kB/s; the estimate is in that neighbourhood, not wildly off.
    expect(moving.speedBps).toBeGreaterThan(4_000);
    expect(moving.speedBps).toBeLessThan(25_000);
    expect(moving.etaS).toBeGreaterThan(0);
    expect(moving.total).toBe((await serverBytes(recording)).length);
    await downloads.cancel(record.id);
  });

  it('a name already taken in the folder gets a suffix and the existing file is untouched', async () => {
    const { stream, recording } = world.withRecordings[2]!;
    const folder = tempDir('dl-collision-');
    await writeFile(join(folder, recording.fileName), 'the operator\'s own file');
    const downloads = manager(world.http);
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    const stem = recording.fileName.replace(/\.mp4$/, '');
    expect(record.fileName).toBe(`${stem} (1).mp4`);
    const done = await settled(downloads, record.id);
    expect(done.fileName).toBe(`${stem} (1).mp4`);
    expect(await namesIn(folder)).toEqual([`${stem} (1).mp4`, recording.fileName].sort());
    expect(await fileSha(join(folder, recording.fileName))).toBe(sha256(Buffer.from('the operator\'s own file')));
  });

  it('a name taken while downloading is noticed at rename time: suffix, never an overwrite', async () => {
    const { stream, recording } = world.withRecordings[2]!;
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', slowBodyBytesPerSec: 60_000 });
    const folder = tempDir('dl-late-collision-');
    const downloads = manager(world.http);
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    expect(record.fileName).toBe(recording.fileName);
    await waitFor(downloads, (list) => list.some((d) => d.id === record.id && d.bytes > 0));
    await writeFile(join(folder, recording.fileName), 'appeared meanwhile');
    const done = await settled(downloads, record.id);
    const stem = recording.fileName.replace(/\.mp4$/, '');
    expect(done).toMatchObject({ state: 'done', fileName: `${stem} (1).mp4` });
    expect(await fileSha(join(folder, recording.fileName))).toBe(sha256(Buffer.from('appeared meanwhile')));
    expect(await fileSha(join(folder, done.fileName))).toBe(sha256(await serverBytes(recording)));
  });

  it('neutralises crafted names: ../ and absolute paths stay inside the chosen folder', async () => {
    const { stream, recording } = world.withRecordings[0]!;
    const root = tempDir('dl-escape-');
    const folder = join(root, 'inside');
    await mkdir(folder);
    const downloads = manager(world.http);
    const crafted = [
      { ...recording, id: 'crafted-1', fileName: '../../escaped.mp4' },
      { ...recording, id: 'crafted-2', fileName: `${root}/absolute.mp4` },
      { ...recording, id: 'crafted-3', fileName: '..\\..\\windows.mp4' },
    ];
    const records = [];
    for (const r of crafted) records.push(await downloads.enqueue({ recording: r, streamId: stream.id, folder }));
    const done = await Promise.all(records.map((r) => settled(downloads, r.id)));
    expect(done.map((d) => d.state)).toEqual(['done', 'done', 'done']);
    for (const d of done) {
      expect(d.fileName).not.toMatch(/[/\\]|\.\./);
      expect(existsSync(join(folder, d.fileName))).toBe(true);
    }
    expect(await namesIn(root)).toEqual(['inside']);
    expect(existsSync(join(dirname(root), 'escaped.mp4'))).toBe(false);
  });

  it('refuses a folder that is not an absolute path', async () => {
    const { stream, recording } = world.withRecordings[0]!;
    const downloads = manager(world.http);
    await expect(downloads.enqueue({ recording, streamId: stream.id, folder: 'relative/folder' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(downloads.list()).toEqual([]);
  });

  it('asking twice for a recording that is still downloading gives the same download', async () => {
    const { stream, recording } = world.withRecordings[0]!;
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', slowBodyBytesPerSec: 60_000 });
    const folder = tempDir('dl-twice-');
    const downloads = manager(world.http);
    const [a, b] = await Promise.all([
      downloads.enqueue({ recording, streamId: stream.id, folder }),
      downloads.enqueue({ recording, streamId: stream.id, folder }),
    ]);
    expect(b.id).toBe(a.id);
    await settled(downloads, a.id);
    expect(await namesIn(folder)).toEqual([recording.fileName]);
  });

  it('a recording gone from the server fails with not-found and leaves nothing', async () => {
    const { stream, recording } = world.withRecordings[0]!;
    const folder = tempDir('dl-gone-');
    const downloads = manager(world.http);
    const missing = { ...recording, id: 'missing', url: recording.url.replace(/\.mp4$/, '_999.mp4'), fileName: 'missing.mp4' };
    const record = await downloads.enqueue({ recording: missing, streamId: stream.id, folder });
    const failed = await settled(downloads, record.id);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'not-found' } });
    expect(await namesIn(folder)).toEqual([]);
  });

  it('gives up after the automatic retries when every attempt fails, keeping what it has', async () => {
    const { stream, recording } = world.withRecordings[1]!;
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', errorRate: 1, errorStatuses: [500] });
    const folder = tempDir('dl-give-up-');
    const downloads = manager(world.http, { retryDelaysMs: [20, 20] });
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    const failed = await settled(downloads, record.id);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'server-error', status: 500 } });
    expect(world.sim.stats().statuses['500']).toBeGreaterThanOrEqual(3);
    world.sim.control.clearFaults();
    await downloads.retry(record.id);
    const done = await settled(downloads, record.id);
    expect(done.state).toBe('done');
    expect(await namesIn(folder)).toEqual([recording.fileName]);
  });
});
