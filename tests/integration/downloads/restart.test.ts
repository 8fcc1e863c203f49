import { readFile, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadManager } from '../../../src/main/core/downloads/download-manager';
import { fileSha, makeManager, namesIn, serverBytes, settled, sha256, startWorld, tempDir, waitFor, type World } from './helpers';

describe('downloads across an app restart', () => {
  let world: World;
  const managers: DownloadManager[] = [];
  const track = (m: DownloadManager): DownloadManager => (managers.push(m), m);

  beforeAll(async () => {
    world = await startWorld(13);
  });
  afterEach(() => {
    for (const m of managers.splice(0)) m.dispose();
    world.sim.control.clearFaults();
  });
  afterAll(() => world.close());

  it('a half-done download resumes from its .part after dispose, a new manager and restore()', async () => {
    const { stream, recording } = [...world.withRecordings].sort((a, b) => b.recording.url.length - a.recording.url.length)[0]!;
    const expected = await serverBytes(recording);
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', slowBodyBytesPerSec: 20_000 });
    const folder = tempDir('dl-restart-');
    const stateFile = join(tempDir('dl-restart-state-'), 'downloads.json');
    const first = track(makeManager(world.http, { stateFile }));
    const record = await first.enqueue({ recording, streamId: stream.id, folder });
    await waitFor(first, (list) => list.some((d) => d.id === record.id && d.bytes >= expected.length * 0.3));
    await first.flushed();
    first.dispose();
    const kept = statSync(join(folder, `${recording.fileName}.part`)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(expected.length);

    world.sim.control.clearFaults();
    const ranged = world.sim.stats().statuses['206'] ?? 0;
    const fullAnswers = world.sim.stats().statuses['200'] ?? 0;
    const second = track(makeManager(world.http, { stateFile }));
    await second.restore();
    const restored = second.list().find((d) => d.id === record.id);
    expect(restored?.state === 'queued' || restored?.state === 'downloading').toBe(true);
    const done = await settled(second, record.id);
    expect(done).toMatchObject({ state: 'done', fileName: recording.fileName, bytes: expected.length });
    expect(await fileSha(join(folder, recording.fileName))).toBe(sha256(expected));
    expect(await namesIn(folder)).toEqual([recording.fileName]);
    // Resumed, not started over: one ranged answer and no full one for this file.
    expect((world.sim.stats().statuses['206'] ?? 0) - ranged).toBe(1);
    expect((world.sim.stats().statuses['200'] ?? 0) - fullAnswers).toBe(0);
  });

  it('finished, failed and cancelled downloads come back as they were; only unfinished ones run', async () => {
    const [a, b] = world.withRecordings;
    const folder = tempDir('dl-history-');
    const stateFile = join(tempDir('dl-history-state-'), 'downloads.json');
    const first = track(makeManager(world.http, { stateFile }));
    const done = await first.enqueue({ recording: a!.recording, streamId: a!.stream.id, folder });
    await settled(first, done.id);
    world.sim.control.setStreamFaults(b!.stream.id, { scope: 'assets', slowBodyBytesPerSec: 5000 });
    const cancelled = await first.enqueue({ recording: b!.recording, streamId: b!.stream.id, folder });
    await first.cancel(cancelled.id);
    await first.flushed();
    first.dispose();

    const requests = world.sim.stats().requests.recording;
    const second = track(makeManager(world.http, { stateFile }));
    await second.restore();
    expect(second.list().map((d) => [d.id, d.state])).toEqual([
      [done.id, 'done'],
      [cancelled.id, 'cancelled'],
    ]);
    await new Promise((r) => setTimeout(r, 200));
    expect(world.sim.stats().requests.recording).toBe(requests);
  });

  it('a tampered state file cannot point a download outside its folder', async () => {
    const { recording, stream } = world.withRecordings[0]!;
    const folder = tempDir('dl-tamper-');
    const stateFile = join(tempDir('dl-tamper-state-'), 'downloads.json');
    const first = track(makeManager(world.http, { stateFile }));
    world.sim.control.setStreamFaults(stream.id, { scope: 'assets', slowBodyBytesPerSec: 2000 });
    const record = await first.enqueue({ recording, streamId: stream.id, folder });
    // Stopped before its last saves are awaited: a save the transfer asks for later (its start,
    // say) would otherwise land after the edit below and undo it.
    first.dispose();
    await first.flushed();
    const state = JSON.parse(await readFile(stateFile, 'utf8')) as { downloads: Array<Record<string, unknown>> };
    state.downloads[0]!['fileName'] = '../../outside.mp4';
    state.downloads.push({ ...state.downloads[0], id: 'relative', fileName: 'ok.mp4', folder: 'relative/path' });
    await writeFile(stateFile, JSON.stringify(state));
    const second = track(makeManager(world.http, { stateFile }));
    await second.restore();
    expect(second.list().find((d) => d.id === record.id || d.id === 'relative')).toBeUndefined();
  });
});
