import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { fakeClock, getJson, raw, type StreamJson } from './helpers';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('simulated asset host', () => {
  const clock = fakeClock();
  let sim: Simulator;
  let live: StreamJson;
  let ended: StreamJson;

  beforeAll(async () => {
    sim = await startSimulator({ streams: 30, groups: 6, seed: 11, lifecycle: false, now: clock.now });
    const details = await Promise.all(sim.control.listStreams().map(async (s) => (await getJson<StreamJson>(sim, `/stream/${s.id}`)).json));
    const withAll = (s: StreamJson): boolean => !!s.playout.thumbnails?.length && !!s.playout.motionclip?.length && s.playout.web.some((w) => w.type === 'vod');
    live = details.find((s) => s.state === 'live' && withAll(s))!;
    ended = details.find((s) => s.state === 'ended' && !!s.playout.thumbnails?.length)!;
  });
  afterAll(() => sim.close());

  const thumbUrl = (s: StreamJson): string => s.playout.thumbnails![0]!.url;
  const thumbInterval = (s: StreamJson): number => s.playout.h5live[0]!.processing.find((p) => p.id === 'thumbs')!.interval!;

  it('serves assets from a host other than the API base', () => {
    expect(new URL(thumbUrl(live)).origin).toBe(sim.assetBaseUrl);
    expect(sim.assetBaseUrl).not.toBe(sim.baseUrl);
  });

  it('thumbnails are real 320x180 JPEGs with ETag, Last-Modified and no-cache', async () => {
    const res = await raw(thumbUrl(live));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toMatch(/^".+"$/);
    expect(Date.parse(String(res.headers['last-modified']))).toBeLessThanOrEqual(clock.now());
    const meta = await sharp(res.body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 180]);
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, 200 otherwise', async () => {
    const first = await raw(thumbUrl(live));
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    const byTag = await raw(thumbUrl(live), { headers: { 'If-None-Match': etag } });
    expect([byTag.status, byTag.body.length]).toEqual([304, 0]);
    const byDate = await raw(thumbUrl(live), { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304);
    const stale = await raw(thumbUrl(live), { headers: { 'If-None-Match': '"something-else"' } });
    expect(stale.status).toBe(200);
  });

  it('a live thumbnail changes every interval; an ended one keeps its last picture', async () => {
    const before = await raw(thumbUrl(live));
    const endedBefore = await raw(thumbUrl(ended));
    clock.advance(thumbInterval(live) * 1000);
    const after = await raw(thumbUrl(live), { headers: { 'If-None-Match': String(before.headers.etag) } });
    expect(after.status).toBe(200);
    expect(sha(after.body)).not.toBe(sha(before.body));
    expect(Date.parse(String(after.headers['last-modified']))).toBeGreaterThan(Date.parse(String(before.headers['last-modified'])));
    clock.advance(thumbInterval(ended) * 3000);
    const endedAfter = await raw(thumbUrl(ended), { headers: { 'If-None-Match': String(endedBefore.headers.etag) } });
    expect(endedAfter.status).toBe(304);
  });

  it('bumpThumbnail makes a new version at once', async () => {
    const before = await raw(thumbUrl(ended));
    sim.control.bumpThumbnail(ended.id);
    const after = await raw(thumbUrl(ended), { headers: { 'If-None-Match': String(before.headers.etag) } });
    expect(after.status).toBe(200);
    expect(sha(after.body)).not.toBe(sha(before.body));
  });

  it('motion clips are animated GIFs: 160x90, duration x 4 fps frames, new after a bump', async () => {
    const url = live.playout.motionclip![0]!.url;
    const variant = live.playout.h5live.find((v) => v.id === live.playout.motionclip![0]!.streamId)!;
    const duration = variant.processing.find((p) => p.id === 'motionclip')!.duration!;
    const res = await raw(url);
    expect(res.headers['content-type']).toBe('image/gif');
    const meta = await sharp(res.body, { animated: true }).metadata();
    expect(meta.format).toBe('gif');
    expect([meta.width, meta.pageHeight, meta.pages]).toEqual([160, 90, duration * 4]);
    expect((await raw(url, { headers: { 'If-None-Match': String(res.headers.etag) } })).status).toBe(304);
    sim.control.bumpMotionClip(live.id);
    const after = await raw(url, { headers: { 'If-None-Match': String(res.headers.etag) } });
    expect(after.status).toBe(200);
    expect(sha(after.body)).not.toBe(sha(res.body));
  });

  it('a stalled picture stops changing; a black picture is near black; both recover when cleared', async () => {
    sim.control.setStreamFaults(live.id, { stalled: true });
    const stalled = await raw(thumbUrl(live));
    clock.advance(thumbInterval(live) * 5000);
    expect((await raw(thumbUrl(live), { headers: { 'If-None-Match': String(stalled.headers.etag) } })).status).toBe(304);
    sim.control.setStreamFaults(live.id, { black: true });
    const black = await raw(thumbUrl(live));
    const mean = (await sharp(black.body).stats()).channels.slice(0, 3).map((c) => c.mean);
    expect(Math.max(...mean)).toBeLessThan(8);
    sim.control.clearStreamFaults(live.id);
    const normal = await raw(thumbUrl(live));
    expect(normal.headers.etag).not.toBe(stalled.headers.etag);
    const normalMean = (await sharp(normal.body).stats()).channels.slice(0, 3).map((c) => c.mean);
    expect(Math.max(...normalMean)).toBeGreaterThan(30);
  });

  it('recordings are MP4 files with byte ranges that reassemble to the full file', async () => {
    const url = live.playout.web.find((w) => w.type === 'vod')!.url;
    const full = await raw(url);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('video/mp4');
    expect(full.headers['accept-ranges']).toBe('bytes');
    const size = Number(full.headers['content-length']);
    expect(size).toBe(full.body.length);
    expect(full.body.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const cut = [0, 1000, Math.floor(size / 2)];
    const parts: Buffer[] = [];
    for (let i = 0; i < cut.length; i++) {
      const range = i === cut.length - 1 ? `bytes=${cut[i]}-` : `bytes=${cut[i]}-${cut[i + 1]! - 1}`;
      const part = await raw(url, { headers: { Range: range } });
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes ${cut[i]}-${i === cut.length - 1 ? size - 1 : cut[i + 1]! - 1}/${size}`);
      parts.push(part.body);
    }
    expect(sha(Buffer.concat(parts))).toBe(sha(full.body));
    const suffix = await raw(url, { headers: { Range: 'bytes=-100' } });
    expect(suffix.body.equals(full.body.subarray(size - 100))).toBe(true);
    const beyond = await raw(url, { headers: { Range: `bytes=${size}-` } });
    expect([beyond.status, beyond.headers['content-range']]).toEqual([416, `bytes */${size}`]);
    const head = await raw(url, { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, String(size), 0]);
    const changed = await raw(url, { headers: { Range: 'bytes=0-9', 'If-Range': '"other"' } });
    expect(changed.status).toBe(200);
    // A stable checksum: the same file every time it is asked for.
    expect(sha((await raw(url)).body)).toBe(sha(full.body));
  });

  it('the replay page is self-contained and plays the latest recording with a back-30-s button', async () => {
    const page = await raw(live.playout.replay![0]!.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const html = page.body.toString();
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toMatch(/<button id="back30"[^>]*>Back 30 s<\/button>/);
    const src = /<video[^>]+src="([^"]+)"/.exec(html)![1]!;
    const video = await raw(`${sim.assetBaseUrl}${src}`);
    expect([video.status, video.headers['content-type']]).toEqual([200, 'video/mp4']);
    const escaped = await raw(`${sim.assetBaseUrl}/live-replay/demo/?streamname=${encodeURIComponent('<img src=x>')}`);
    expect(escaped.body.toString()).not.toContain('<img src=x>');
  });

  it('counts requests, bytes and 304s by route kind, and flags a credential sent to the asset host', async () => {
    const before = sim.stats();
    expect(before.credentialLeakToAssetHost).toBe(false);
    const res = await raw(thumbUrl(live));
    await raw(thumbUrl(live), { headers: { 'If-None-Match': String(res.headers.etag) } });
    const mid = sim.stats();
    expect(mid.requests.thumbnail - before.requests.thumbnail).toBe(2);
    expect(mid.bytes.thumbnail - before.bytes.thumbnail).toBe(res.body.length);
    expect(mid.notModified - before.notModified).toBe(1);
    await raw(thumbUrl(live), { headers: { 'X-BINTU-APIKEY': 'leaked' } });
    expect(sim.stats().credentialLeakToAssetHost).toBe(true);
  });
});

describe('assetVersions', () => {
  it('lists every version the schedule produced in a window, each servable with its size', async () => {
    const clock = fakeClock();
    const sim = await startSimulator({ streams: 6, groups: 1, seed: 2, lifecycle: false, now: clock.now, thumbIntervalRange: [10, 20] });
    try {
      const t0 = clock.now();
      clock.advance(60_000);
      const versions = await sim.assetVersions(t0, t0 + 60_000);
      const thumbs = versions.filter((v) => v.kind === 'thumbnail');
      const live = sim.control.listStreams().filter((s) => s.state === 'live').flatMap((s) => s.streamnames);
      for (const name of live) {
        const mine = thumbs.filter((v) => v.streamname === name);
        // Intervals are 10..20 s, so a minute holds at least 3 ticks per live variant (if thumbs are on).
        if (mine.length > 0) expect(mine.length).toBeGreaterThanOrEqual(3);
      }
      expect(thumbs.length).toBeGreaterThan(0);
      expect(versions.every((v) => v.producedAt >= t0 && v.producedAt <= t0 + 60_000)).toBe(true);
      const latest = new Map<string, (typeof versions)[number]>();
      for (const v of versions) latest.set(v.url, v);
      for (const v of [...latest.values()].slice(0, 5)) {
        const res = await raw(v.url);
        expect(res.body.length, v.url).toBe(v.bytes);
        expect(String(res.headers.etag)).toContain(String(v.version));
      }
      expect(versions.filter((v) => v.kind === 'thumbnail' && !live.includes(v.streamname))).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
