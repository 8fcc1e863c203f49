import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../../src/shared/domain';
import { HttpClient } from '../../../src/main/core/http/http-client';
import type { DownloadManager } from '../../../src/main/core/downloads/download-manager';
import { fileSha, makeManager, namesIn, settled, sha256, tempDir } from './helpers';

/** How the test server answers; each test sets its own. */
type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

describe('downloads from servers that do not behave like the simulator', () => {
  const file = randomBytes(50_000);
  let server: Server;
  let base = '';
  let handler: Handler = () => undefined;
  const seen: Array<{ range: string | undefined; ifRange: string | undefined }> = [];
  const http = new HttpClient();
  const managers: DownloadManager[] = [];
  const manager = (): DownloadManager => {
    const m = makeManager(http);
    managers.push(m);
    return m;
  };
  const recording = (name = 'clip.mp4'): Recording => ({ id: `rec-${name}`, url: `${base}/vod/${name}`, streamId: 's1', createdAt: null, index: 0, fileName: name });

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ range: req.headers.range, ifRange: req.headers['if-range'] as string | undefined });
      handler(req, res, seen.length);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const m of managers.splice(0)) m.dispose();
    seen.length = 0;
  });
  afterAll(async () => {
    http.dispose();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Sends `body` as video with a Content-Length, cutting the connection after `cutAfter` bytes when given. */
  const send = (res: ServerResponse, status: number, body: Buffer, headers: Record<string, string> = {}, cutAfter?: number): void => {
    res.writeHead(status, { 'content-length': String(body.length), 'content-type': 'video/mp4', ...headers });
    if (cutAfter === undefined) {
      res.end(body);
      return;
    }
    res.write(body.subarray(0, cutAfter), () => setTimeout(() => res.socket?.destroy(), 20));
  };

  it('a server that ignores Range (200 instead of 206) makes the download start over cleanly', async () => {
    handler = (_req, res, hit) => send(res, 200, file, {}, hit === 1 ? 20_000 : undefined);
    const folder = tempDir('dl-no-range-');
    const downloads = manager();
    const record = await downloads.enqueue({ recording: recording(), streamId: 's1', folder });
    const done = await settled(downloads, record.id);
    expect(done.state).toBe('done');
    // It asked to resume from what it had kept (up to the 20,000 bytes sent: on a loaded machine
    // the cut can overtake the last of them), got the whole file instead, and kept no splice.
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(seen[1]?.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(20_000);
    expect(await fileSha(join(folder, 'clip.mp4'))).toBe(sha256(file));
  });

  it('resumes with If-Range; when the file changed on the server, the whole new file is fetched', async () => {
    const changed = randomBytes(30_000);
    handler = (req, res, hit) => {
      if (hit === 1) return send(res, 200, file, { etag: '"v1"' }, 10_000);
      // The server has a new version: If-Range does not match, so the full new file comes (200).
      if (req.headers['if-range'] === '"v1"') return send(res, 200, changed, { etag: '"v2"' });
      return send(res, 500, Buffer.from('unexpected'));
    };
    const folder = tempDir('dl-if-range-');
    const downloads = manager();
    const record = await downloads.enqueue({ recording: recording(), streamId: 's1', folder });
    const done = await settled(downloads, record.id);
    expect(seen[1]).toEqual({ range: 'bytes=10000-', ifRange: '"v1"' });
    expect(done).toMatchObject({ state: 'done', bytes: changed.length });
    expect(await fileSha(join(folder, 'clip.mp4'))).toBe(sha256(changed));
  });

  it('a server that answers a different range than asked is not spliced: the file starts over', async () => {
    handler = (req, res, hit) => {
      if (hit === 1) return send(res, 200, file, {}, 10_000);
      if (req.headers.range) return send(res, 206, file.subarray(5000), { 'content-range': `bytes 5000-${file.length - 1}/${file.length}` });
      return send(res, 200, file);
    };
    const folder = tempDir('dl-wrong-range-');
    const downloads = manager();
    const record = await downloads.enqueue({ recording: recording(), streamId: 's1', folder });
    const done = await settled(downloads, record.id);
    expect(done.state).toBe('done');
    expect(seen.map((s) => s.range)).toEqual([undefined, 'bytes=10000-', undefined]);
    expect(await fileSha(join(folder, 'clip.mp4'))).toBe(sha256(file));
  });

  it('a .part that already holds the whole file (416) is completed without fetching it again', async () => {
    handler = (req, res) => {
      if (req.headers.range === `bytes=${file.length}-`) return send(res, 416, Buffer.alloc(0), { 'content-range': `bytes */${file.length}` });
      return send(res, 200, file, {}, file.length - 1);
    };
    const folder = tempDir('dl-416-');
    await writeFile(join(folder, 'clip.mp4.part'), file);
    const stateFile = join(tempDir('dl-416-state-'), 'downloads.json');
    // A state file from "before the restart" that names this .part.
    const now = Date.now();
    await writeFile(stateFile, JSON.stringify({ version: 1, downloads: [{
      id: 'd1', recordingId: 'rec-clip.mp4', streamId: 's1', url: `${base}/vod/clip.mp4`, fileName: 'clip.mp4', folder,
      state: 'downloading', bytes: 10, total: file.length, speedBps: 0, etaS: null, error: null, createdAt: now, finishedAt: null,
      baseName: 'clip.mp4', validator: null,
    }] }));
    const downloads = makeManager(http, { stateFile });
    managers.push(downloads);
    await downloads.restore();
    const done = await settled(downloads, 'd1');
    expect(done).toMatchObject({ state: 'done', bytes: file.length });
    expect(seen).toEqual([{ range: `bytes=${file.length}-`, ifRange: undefined }]);
    expect(await namesIn(folder)).toEqual(['clip.mp4']);
  });

  it('a body without Content-Length (chunked) is accepted when it ends properly', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4' });
      res.write(file.subarray(0, 25_000));
      res.end(file.subarray(25_000));
    };
    const folder = tempDir('dl-chunked-');
    const downloads = manager();
    const record = await downloads.enqueue({ recording: recording(), streamId: 's1', folder });
    const done = await settled(downloads, record.id);
    expect(done).toMatchObject({ state: 'done', bytes: file.length, total: file.length });
    expect(await fileSha(join(folder, 'clip.mp4'))).toBe(sha256(file));
  });

  it('a compressed answer is refused rather than saved as the recording', async () => {
    handler = (_req, res) => send(res, 200, file.subarray(0, 1000), { 'content-encoding': 'gzip' });
    const folder = tempDir('dl-gzip-');
    const downloads = manager();
    const record = await downloads.enqueue({ recording: recording(), streamId: 's1', folder });
    const failed = await settled(downloads, record.id);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'http-error' } });
    expect(failed.error?.message).toContain('compressed (gzip)');
    expect(await namesIn(folder)).toEqual([]);
  });

  it('a body that stops short of its Content-Length never gets the final name', async () => {
    handler = (_req, res) => send(res, 200, file, {}, 1000);
    const folder = tempDir('dl-short-');
    const downloads = manager();
    const record = await downloads.enqueue({ recording: recording(), streamId: 's1', folder });
    const failed = await settled(downloads, record.id);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'network' } });
    expect(await namesIn(folder)).toEqual(['clip.mp4.part']);
  });
});
