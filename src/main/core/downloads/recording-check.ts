import { AppError } from '../errors';

/** Content types that name a video file outright. */
const VIDEO_TYPES = new Set(['application/mp4', 'application/x-mpegurl', 'application/vnd.apple.mpegurl']);
/** Content types that say nothing about the bytes: then the bytes themselves must look like video. */
const UNTYPED = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/binary']);

/** How much of the start of a body `looksLikeVideo` needs. */
export const SNIFF_BYTES = 12;

/** What a response's `Content-Type` says about a recording: video, unknown (sniff the bytes), or not video. */
export function recordingKind(contentType: string | undefined): 'video' | 'unknown' | 'other' {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.startsWith('video/') || VIDEO_TYPES.has(type)) return 'video';
  return UNTYPED.has(type) ? 'unknown' : 'other';
}

/** Whether the first bytes of a file are those of a video container: MP4/MOV, WebM/MKV, MPEG-TS, FLV, AVI. */
export function looksLikeVideo(head: Uint8Array): boolean {
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (head.length < SNIFF_BYTES) return false;
  if (['ftyp', 'moov', 'mdat', 'free', 'wide'].includes(ascii(4, 8))) return true;
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return true;
  if (head[0] === 0x47 && (head.length < 189 || head[188] === 0x47)) return true;
  if (ascii(0, 3) === 'FLV') return true;
  return ascii(0, 4) === 'RIFF' && ascii(8, 11) === 'AVI';
}

/** The error for an answer that is not the recording, in words the operator can act on. */
export function notVideoError(host: string, contentType: string | undefined): AppError {
  const type = (contentType ?? '').split(';')[0]?.trim().slice(0, 60) || 'no type';
  return new AppError(
    'malformed-response',
    `${host} answered with ${type} instead of a video, so nothing was saved. The recording may have moved or expired; try again later.`,
  );
}
