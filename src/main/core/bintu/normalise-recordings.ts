import { createHash } from 'node:crypto';
import type { Recording } from '../../../shared/domain';
import type { RawAsset, RawStream } from './raw-schemas';
import { isWebUrl, urlPath } from './web-url';

const MAX_FILE_NAME = 120;

/** A stable short id for a recording: the first 16 hex digits of its URL's SHA-256. */
export function recordingId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}

/**
 * A safe file name from the last segment of a URL path: letters, digits, '.', '-', '_' only, no
 * leading dot, at most 120 characters with the extension kept; a fallback when nothing is left.
 */
export function recordingFileName(url: string, id: string = recordingId(url)): string {
  const segment = urlPath(url).split('/').pop() ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A stray '%' is kept literally and then replaced below.
  }
  let name = decoded.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  if (name.length > MAX_FILE_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_FILE_NAME - ext.length) + ext;
  }
  return /[A-Za-z0-9]/.test(name) ? name : `recording-${id}.mp4`;
}

/** Whether a `web[]` entry is a recording: typed `vod`, or an MP4 that is not the live entry. */
function isRecordingEntry(entry: RawAsset): boolean {
  const type = entry.type?.trim().toLowerCase();
  if (type === 'vod') return true;
  if (type === 'live' || entry.url === undefined) return false;
  return urlPath(entry.url).toLowerCase().endsWith('.mp4');
}

/**
 * Collects recordings from every place bintu puts them: `playout.web[]` (type `vod`, or `.mp4`
 * URLs), and `recordings` / `vod` arrays inside `playout` or at the top level. Entries are
 * de-duplicated by URL; a later duplicate fills in fields the first one lacked.
 */
export function collectRecordings(raw: RawStream): Recording[] {
  const playout = raw.playout;
  const candidates: RawAsset[] = [
    ...(playout?.web ?? []).filter(isRecordingEntry),
    ...(playout?.recordings ?? []),
    ...(playout?.vod ?? []),
    ...(raw.recordings ?? []),
    ...(raw.vod ?? []),
  ];
  const byUrl = new Map<string, Recording>();
  for (const entry of candidates) {
    const url = entry.url;
    if (!isWebUrl(url)) continue;
    const createdAt = entry.createdAt ?? entry.created_at ?? null;
    const index = entry.index !== undefined && Number.isFinite(entry.index) ? entry.index : null;
    const existing = byUrl.get(url);
    if (existing !== undefined) {
      existing.streamId ??= entry.streamId ?? null;
      existing.createdAt ??= createdAt;
      existing.index ??= index;
      continue;
    }
    const id = recordingId(url);
    byUrl.set(url, { id, url, streamId: entry.streamId ?? null, createdAt, index, fileName: recordingFileName(url, id) });
  }
  return [...byUrl.values()];
}
