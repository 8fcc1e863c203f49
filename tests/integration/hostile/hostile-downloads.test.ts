import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BintuClient } from '../../../src/main/core/bintu/bintu-client';
import type { DownloadManager } from '../../../src/main/core/downloads/download-manager';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { UrlRules } from '../../../src/main/core/http/url-rules';
import type { Stream } from '../../../src/shared/domain';
import { HOSTILE_KEY, startHostileBintu, type HostileBintu } from '../../support/hostile/hostile-bintu';
import { makeManager, settled, tempDir } from '../downloads/helpers';

let bintu: HostileBintu;
let http: HttpClient;
let stream: Stream;
const managers: DownloadManager[] = [];

beforeAll(async () => {
  bintu = await startHostileBintu({ streams: 1000 });
  http = new HttpClient();
  const client = new BintuClient({ apiBase: bintu.base, credential: { kind: 'apiKey', secret: HOSTILE_KEY }, http });
  stream = await client.getStream('hostile-8', { assetLimit: 10 });
});
afterEach(() => {
  for (const manager of managers.splice(0)) manager.dispose();
});
afterAll(async () => {
  http.dispose();
  await bintu.close();
});

const recording = (part: string) => stream.recordings.find((r) => r.url.includes(part))!;

describe('recordings from a hostile bintu', () => {
  it('HTML, JSON and HTML sent as octet-stream are refused with words the operator can read; only the video is saved', async () => {
    const folder = tempDir('dl-hostile-');
    const manager = makeManager(http, { rules: new UrlRules(bintu.base, { resolve: bintu.resolve }) });
    managers.push(manager);
    const outcomes = new Map<string, Awaited<ReturnType<typeof settled>>>();
    for (const part of ['/admin/export.mp4', '/admin/users.mp4', '/vod/lying-', '/vod/good-']) {
      const record = await manager.enqueue({ recording: recording(part), streamId: stream.id, folder });
      outcomes.set(part, await settled(manager, record.id));
    }
    expect(outcomes.get('/admin/export.mp4')?.error?.message).toMatch(/answered with text\/html instead of a video, so nothing was saved/);
    expect(outcomes.get('/admin/users.mp4')?.error?.message).toMatch(/answered with application\/json instead of a video/);
    expect(outcomes.get('/vod/lying-')?.error?.message).toMatch(/application\/octet-stream instead of a video/);
    expect(outcomes.get('/vod/good-')?.state).toBe('done');
    // Not even a .part of what was refused is left behind.
    expect(readdirSync(folder)).toEqual(['good-8.mp4']);
  });

  it('with the API base counted as public, plain-http and loopback recordings are refused before anything is queued', async () => {
    const folder = tempDir('dl-hostile-public-');
    const before = (await bintu.stats()).hits;
    const manager = makeManager(http, { rules: new UrlRules(bintu.base, { apiClass: 'public', resolve: bintu.resolve }) });
    managers.push(manager);
    await expect(manager.enqueue({ recording: recording('/vod/good-'), streamId: stream.id, folder })).rejects.toThrow(/uses plain http; the app fetches bintu's files over https only/);
    const https = { ...recording('/vod/good-'), id: 'private', url: 'https://private.test/vod/x.mp4' };
    const record = await manager.enqueue({ recording: https, streamId: stream.id, folder });
    // A name is checked on the address it resolves to, when the transfer connects: refused, not retried.
    expect((await settled(manager, record.id)).error?.message).toMatch(/private network address/);
    expect((await bintu.stats()).hits['vod']).toBe(before['vod']);
    expect(readdirSync(folder)).toEqual([]);
  });
});
