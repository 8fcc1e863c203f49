/**
 * What the hostile bintu sends: stream objects that break every bound, asset and recording URLs
 * aimed at places the app must not go, pictures that are not pictures, and a gzip bomb.
 */
import { createGzip } from 'node:zlib';
import sharp from 'sharp';

/** The API key the hostile bintu accepts (and echoes back in its errors). */
export const HOSTILE_KEY = 'HoStIlE-Key-0123456789abcdefXYZ';

/** Names the test's resolver answers: what each would connect to. */
export const HOSTILE_NAMES: Readonly<Record<string, string>> = {
  'sneaky.test': '127.0.0.1',
  'private.test': '10.0.0.7',
  'metadata.test': '169.254.169.254',
};

/** The kinds of stream the details route serves, by the stream's number modulo their count. */
export const DETAIL_KINDS = [
  'huge-declared', 'huge-chunked', 'html-picture', 'json-picture', 'bomb-picture', 'sneaky-name',
  'private-name', 'metadata-name', 'good-jpeg', 'good-gif', 'bomb-details', 'megabyte-details',
] as const;
export type DetailKind = (typeof DETAIL_KINDS)[number];

const MEGABYTE_TAG = 'M'.repeat(1024 * 1024);
const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\r\nerror: forged line\u009b31m\u202e';

/** Picture bytes made once: a real JPEG and GIF, HTML and JSON under picture names. */
export interface Pictures {
  jpeg: Buffer;
  gif: Buffer;
  html: Buffer;
  json: Buffer;
  /** Gzip of 64 MB of zeros, about 64 KB on the wire. */
  bomb: Buffer;
  /** Gzip of a JSON stream object padded with 64 MB of spaces. */
  jsonBomb: Buffer;
}

/** Makes the payloads that take a moment (done before anything is measured). */
export async function makePictures(): Promise<Pictures> {
  const jpeg = await sharp({ create: { width: 320, height: 180, channels: 3, background: '#204080' } }).jpeg().toBuffer();
  const gif = await sharp({ create: { width: 160, height: 90, channels: 3, background: '#408020' } }).gif().toBuffer();
  return {
    jpeg,
    gif,
    html: Buffer.from('<!doctype html><html><body><h1>Admin</h1><a href="/admin/users?all=1">users</a></body></html>'),
    json: Buffer.from(JSON.stringify({ users: [{ name: 'root', password: 'hunter2' }] })),
    bomb: await gzipOf(64, 0),
    jsonBomb: await gzipOf(64, 0x20, '{"id":"bomb","state":"live","tags":[', ']}'),
  };
}

async function gzipOf(megabytes: number, fill: number, before = '', after = ''): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024, fill);
  gzip.write(before);
  for (let i = 0; i < megabytes; i++) if (!gzip.write(block)) await new Promise((resolve) => gzip.once('drain', resolve));
  gzip.end(after);
  await done;
  return Buffer.concat(chunks);
}

/** One list item: no assets (so details are asked), and in places tags and names no bound allows. */
export function listItem(i: number): Record<string, unknown> {
  const tags = i % 7 === 0 ? [MEGABYTE_TAG, ESCAPES] : i % 7 === 1 ? Array.from({ length: 10_000 }, (_, t) => `tag-${t}`) : [`site:${i % 5}`, ESCAPES];
  return { id: `hostile-${i}`, state: i % 3 === 0 ? ESCAPES : 'live', tags, ingest: { rtmp: { streamname: i % 4 === 0 ? `${ESCAPES}${'N'.repeat(100_000)}` : `ORG-${i}` } } };
}

/** The picture URL each kind of stream names (`base` is the fixture's own http://127.0.0.1:port). */
export function pictureUrl(kind: DetailKind, base: string, port: number, i: number): string {
  switch (kind) {
    case 'sneaky-name':
      return `http://sneaky.test:${port}/admin/secret.jpg`;
    case 'private-name':
      return `https://private.test/admin/secret.jpg`;
    case 'metadata-name':
      return `https://metadata.test/latest/meta-data/iam.jpg`;
    case 'good-gif':
      return `${base}/pic/good-${i}.gif`;
    default:
      return `${base}/pic/${kind}-${i}.jpg`;
  }
}

/** One stream's details: its picture, recordings that are not what they claim, and a replay page. */
export function detailsOf(i: number, kind: DetailKind, base: string, port: number): Record<string, unknown> {
  const url = pictureUrl(kind, base, port, i);
  const recordings = [
    { type: 'vod', url: `${base}/admin/export.mp4`, createdAt: new Date().toISOString() },
    { type: 'vod', url: `${base}/admin/users.mp4?all=1`, createdAt: new Date().toISOString() },
    { type: 'vod', url: `${base}/vod/lying-${i}.mp4`, createdAt: new Date().toISOString() },
    { type: 'vod', url: `${base}/vod/good-${i}.mp4`, createdAt: new Date().toISOString() },
  ];
  if (kind === 'megabyte-details') {
    for (let r = 0; r < 20_000; r++) recordings.push({ type: 'vod', url: `${base}/vod/r${r}.mp4`, createdAt: '' });
  }
  return {
    ...listItem(i),
    tags: kind === 'megabyte-details' ? [MEGABYTE_TAG] : ['site:details', ESCAPES],
    playout: {
      h5live: [{ id: `hostile-${i}-v0`, index: 0, tags: [], processing: [{ id: 'thumbs', interval: 10 }] }],
      thumbnails: [{ url: kind === 'good-gif' ? `${base}/pic/good-${i}.jpg` : url, type: 'image', streamId: `hostile-${i}-v0` }],
      motionclip: kind === 'good-gif' ? [{ url, type: 'gif', streamId: `hostile-${i}-v0` }] : [],
      replay: [{ url: `${base}/admin/replay?streamname=x`, type: 'playout', streamId: `hostile-${i}-v0` }],
      web: recordings,
    },
  };
}

/** A small MP4-looking file (an `ftyp` box and padding) for the one honest recording. */
export function fakeMp4(): Buffer {
  const head = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x69, 0x73, 0x6f, 0x32]);
  return Buffer.concat([head, Buffer.alloc(40_000, 7)]);
}
