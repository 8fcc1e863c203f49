import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadManager } from '../../../src/main/core/downloads/download-manager';
import { failingFs, fileSha, makeManager, namesIn, serverBytes, settled, sha256, startWorld, tempDir, type World } from './helpers';

describe('downloads when the disk refuses', () => {
  let world: World;
  const managers: DownloadManager[] = [];

  beforeAll(async () => {
    world = await startWorld(9);
  });
  afterEach(() => {
    for (const m of managers.splice(0)) m.dispose();
  });
  afterAll(() => world.close());

  it('a full disk fails with a clear message, keeps the .part, and nothing appears under the final name', async () => {
    const { stream, recording } = world.withRecordings[0]!;
    const expected = await serverBytes(recording);
    const folder = tempDir('dl-full-');
    const disk = failingFs();
    const keep = Math.floor(expected.length / 2);
    disk.failWith('ENOSPC', keep);
    const downloads = makeManager(world.http, { fs: disk.fs });
    managers.push(downloads);
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    const failed = await settled(downloads, record.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('disk-full');
    expect(failed.error?.message).toMatch(new RegExp(`^The disk holding ${folder} is full: free some space, then press Retry\\. The [\\d.]+ KB already downloaded are kept\\.$`));
    expect(failed.bytes).toBe(keep);
    expect(existsSync(join(folder, recording.fileName))).toBe(false);
    expect(await namesIn(folder)).toEqual([`${recording.fileName}.part`]);
    expect(statSync(join(folder, `${recording.fileName}.part`)).size).toBe(keep);

    // Space is freed; Retry resumes from the kept bytes and the file is whole.
    disk.failWith(null);
    const before = world.sim.stats().statuses['206'] ?? 0;
    await downloads.retry(record.id);
    const done = await settled(downloads, record.id);
    expect(done.state).toBe('done');
    expect((world.sim.stats().statuses['206'] ?? 0) - before).toBe(1);
    expect(await namesIn(folder)).toEqual([recording.fileName]);
    expect(await fileSha(join(folder, recording.fileName))).toBe(sha256(expected));
  });

  it('a refused write (EACCES) says the folder may not be written to, and is not retried blindly', async () => {
    const { stream, recording } = world.withRecordings[1]!;
    const folder = tempDir('dl-denied-');
    const disk = failingFs();
    disk.failWith('EACCES', 0);
    const downloads = makeManager(world.http, { fs: disk.fs });
    managers.push(downloads);
    const requests = world.sim.stats().requests.recording;
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    const failed = await settled(downloads, record.id);
    expect(failed.error).toMatchObject({ code: 'permission-denied' });
    expect(failed.error?.message).toContain(`The app may not write to ${folder}`);
    expect(failed.error?.message).toContain('press Retry');
    // No automatic retries for a disk problem: one request, then the operator decides.
    expect(world.sim.stats().requests.recording - requests).toBe(1);
    expect(existsSync(join(folder, recording.fileName))).toBe(false);
  });

  it('EPERM counts as a permission problem too', async () => {
    const { stream, recording } = world.withRecordings[2]!;
    const folder = tempDir('dl-eperm-');
    const disk = failingFs();
    disk.failWith('EPERM', 1000);
    const downloads = makeManager(world.http, { fs: disk.fs });
    managers.push(downloads);
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    const failed = await settled(downloads, record.id);
    expect(failed.error?.code).toBe('permission-denied');
    expect(failed.error?.message).toMatch(/The 1000 B already downloaded are kept\.$/);
    // Asking again for the same recording retries this download (and its .part), not a second copy.
    disk.failWith(null);
    const again = await downloads.enqueue({ recording, streamId: stream.id, folder });
    expect(again.id).toBe(record.id);
    expect((await settled(downloads, record.id)).state).toBe('done');
    expect(downloads.list()).toHaveLength(1);
    expect(await namesIn(folder)).toEqual([recording.fileName]);
  });

  it('a folder that disappeared (drive removed) is reported as such', async () => {
    const { stream, recording } = world.withRecordings[0]!;
    const folder = join(tempDir('dl-missing-'), 'not-there');
    const downloads = makeManager(world.http);
    managers.push(downloads);
    const record = await downloads.enqueue({ recording, streamId: stream.id, folder });
    const failed = await settled(downloads, record.id);
    expect(failed.error?.code).toBe('io-error');
    expect(failed.error?.message).toContain(`The folder ${folder} is not there`);
    expect(existsSync(folder)).toBe(false);
  });
});
