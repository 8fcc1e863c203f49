import { describe, expect, it } from 'vitest';
import { streamSchema } from '../../../src/shared/domain';
import { errorFromResponse } from '../../../src/main/core/bintu/bintu-errors';
import { normaliseStream } from '../../../src/main/core/bintu/normalise';
import { createStreamRequestSchema, setTagsRequestSchema } from '../../../src/main/core/bintu/request-schemas';
import { exampleBytes, exampleFiles, readExample, response } from './bintu-fixtures';

/** The HTTP status bintu documents for each error code. */
const STATUS_OF: Record<number, number> = { 1002: 400, 1003: 400, 1004: 400, 3002: 400, 4002: 401, 2001: 403 };

const files = exampleFiles();
const errorFiles = files.filter((f) => f.startsWith('error-'));
const responseFiles = files.filter((f) => f.startsWith('get-'));
const requestFiles = files.filter((f) => f.endsWith('-request.json') || f.includes('-request-'));

describe('bintu examples', () => {
  it('are all covered by one of the cases below', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const covered = new Set([...errorFiles, ...responseFiles, ...requestFiles]);
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });

  describe.each(errorFiles)('%s', (file) => {
    const code = Number(/error-(\d+)-/.exec(file)?.[1]);
    const status = STATUS_OF[code] ?? 400;
    const body = readExample(file) as { error: { message: string } };

    it('maps to an AppError with bintu code, status and message', () => {
      const error = errorFromResponse(response(status, exampleBytes(file)), { route: 'GET /stream', kind: 'apiKey', secrets: ['sk-test-secret'] });
      expect(error.bintuCode).toBe(code);
      expect(error.status).toBe(status);
      expect(error.message).toContain(body.error.message);
      expect(error.message).toContain(String(code));
      expect(error.code).toBe(status === 401 || status === 403 ? 'credential-rejected' : 'bintu-error');
    });
  });

  it('error-4002 tells the operator which credential failed and what to do', () => {
    const bytes = exampleBytes('error-4002-user-credentials-not-valid.json');
    const forKey = errorFromResponse(response(401, bytes), { route: 'GET /stream', kind: 'apiKey', secrets: [] });
    expect(forKey.message).toBe(
      'bintu rejected the API key: User Credentials are not valid (4002). Check the key in your nanoStream Cloud organisation settings.',
    );
    const forToken = errorFromResponse(response(401, bytes), { route: 'GET /stream', kind: 'token', secrets: [] });
    expect(forToken.message).toMatch(/^bintu rejected the bintu token: User Credentials are not valid \(4002\)\. bintu tokens expire and can be revoked: ask .* for a new token/);
    expect(forToken.toData()).toMatchObject({ code: 'credential-rejected', credentialKind: 'token' });
  });

  it('error-1002 shows the missing parameter from userinfo', () => {
    const error = errorFromResponse(response(400, exampleBytes('error-1002-parameter-required.json')), { route: 'GET /stream', kind: 'apiKey', secrets: [] });
    expect(error.message).toBe('bintu error 1002: Parameter required (required_parameter: <parameter>)');
  });

  describe('get-stream-live-processing-example.json', () => {
    const stream = normaliseStream(readExample('get-stream-live-processing-example.json'));

    it('is a valid domain stream', () => {
      expect(stream).not.toBeNull();
      expect(streamSchema.parse(stream)).toEqual(stream);
    });

    it('has the passthrough and the transcode, in index order, with their processing', () => {
      expect(stream?.id).toBe('YOUR_STREAM_ID');
      expect(stream?.streamgroup).toBe('YOUR_STREAM_ID');
      expect(stream?.variants.map((v) => [v.id, v.index, v.label])).toEqual([
        ['YOUR_PASSTHROUGH_STREAM_ID', 0, 'Passthrough'],
        ['YOUR_TRANSCODE_STREAM_ID', 1, '1. Transcode'],
      ]);
      for (const variant of stream?.variants ?? []) {
        expect(variant.processing).toEqual({
          thumbs: { interval: 10 },
          motionclip: { interval: 10, duration: 5 },
          rec: { duration: null },
          replay: { duration: null },
        });
      }
    });

    it('gives each quality its own thumbnail and motion clip, and the replay to the passthrough', () => {
      const [pass, trans] = stream?.variants ?? [];
      expect(pass?.thumbnail?.streamId).toBe('YOUR_PASSTHROUGH_ID');
      expect(trans?.thumbnail?.streamId).toBe('YOUR_TRANSCODE_ID');
      expect(pass?.motionclip?.url).toBe('https://bintu-vod.nanocosmos.de:443/vod/thumbnails/xsTvy-JgqqV.gif');
      expect(trans?.motionclip?.url).toBe('https://bintu-vod.nanocosmos.de:443/vod/thumbnails/xsTvy-nkQMf.gif');
      expect(pass?.replay?.url).toContain('replay.nanocosmos.de/live-replay/');
      expect(trans?.replay).toBeNull();
      expect(pass?.streamname).toBe('YOUR_PASSTHROUGH_STREAMNAME');
      expect(trans?.streamname).toBe('YOUR_TRANSCODE_STREAMNAME');
    });

    it('finds the recording in web[] and names it', () => {
      expect(stream?.recordings).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f]{16}$/),
          url: 'https://bintu-vod.nanocosmos.de:443/vod/STREAM_NAME.mp4',
          streamId: 'STREAM_ID',
          createdAt: null,
          index: null,
          fileName: 'STREAM_NAME.mp4',
        },
      ]);
      expect(stream?.hasAssets).toBe(true);
    });

    it('shows a missing state as unknown instead of failing', () => {
      expect(stream?.state).toBe('unknown');
      expect(stream?.rawState).toBe('');
    });
  });

  describe('request examples', () => {
    it('create-stream-request-processing.json is within the documented processing ranges', () => {
      const parsed = createStreamRequestSchema.safeParse(readExample('create-stream-request-processing.json'));
      expect(parsed.success).toBe(true);
      expect(parsed.data?.processing?.[0]?.map((p) => p.id).sort()).toEqual(['motionclip', 'rec', 'replay', 'thumbs']);
    });

    it('create-stream-request-transcodes.json has a profile per transcode', () => {
      const parsed = createStreamRequestSchema.safeParse(readExample('create-stream-request-transcodes.json'));
      expect(parsed.success).toBe(true);
      expect(parsed.data?.transcodes?.map((t) => t.profile)).toEqual(['vtrans2-852x480x800x25', 'vtrans2-640x360x400x25']);
    });

    it('set-stream-tags-request.json is a plain tag list', () => {
      expect(setTagsRequestSchema.parse(readExample('set-stream-tags-request.json')).tags).toContain('key1:value1');
    });

    it('the ranges really bind: out-of-range settings are refused', () => {
      const withProcessing = (entry: unknown) => ({ processing: [[entry]] });
      for (const bad of [
        { id: 'thumbs', interval: 9 },
        { id: 'thumbs', interval: 3601 },
        { id: 'motionclip', interval: 30, duration: 61 },
        { id: 'motionclip', interval: 5, duration: 5 },
        { id: 'rec', duration: 0 },
        { id: 'replay', duration: -1 },
        { id: 'thumbs' },
        { id: 'snapshots', interval: 30 },
      ]) {
        expect(createStreamRequestSchema.safeParse(withProcessing(bad)).success, JSON.stringify(bad)).toBe(false);
      }
      for (const good of [{ id: 'thumbs', interval: 10 }, { id: 'thumbs', interval: 3600 }, { id: 'motionclip', interval: 10, duration: 60 }, { id: 'rec', duration: 1 }]) {
        expect(createStreamRequestSchema.safeParse(withProcessing(good)).success, JSON.stringify(good)).toBe(true);
      }
    });
  });
});
