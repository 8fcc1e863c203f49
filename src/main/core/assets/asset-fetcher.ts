import type { HttpClient, HttpResponse } from '../http/http-client';
import { AppError } from '../errors';
import { parseRetryAfter } from '../http/retry-after';
import type { UrlRules } from '../http/url-rules';
import { type AssetExt, type AssetStore, contentHash } from './asset-store';
import { inspectPicture } from './picture-check';

/** The most one picture response may hold: thumbnails and motion clips are far smaller. */
export const MAX_PICTURE_BYTES = 8 * 1024 * 1024;

/** One picture to refresh: its URL, the kind the wall expects there, and the rules its URL must pass. */
export interface AssetTarget {
  url: string;
  ext: AssetExt;
  rules: UrlRules;
}

/** What main knows about one asset URL (a thumbnail or motion clip overwritten in place). */
export interface AssetRecord {
  url: string;
  /** The cached file name (`<sha256>.<ext>`), or null before the first successful download. */
  name: string | null;
  etag: string | null;
  lastModified: string | null;
  /** When the server produced the current version, in local clock time (ms), if it said. */
  producedAt: number | null;
  /** When we last heard from the server about this asset (200 or 304). */
  fetchedAt: number;
  /** When the picture's content last changed as far as we saw. */
  changedAt: number;
}

/** How a refresh went: a 304, a download with the same bytes, or a new picture. */
export type FetchOutcome = 'not-modified' | 'unchanged' | 'changed';

/**
 * Refreshes one asset with a conditional request; compares content too, so a server that ignores
 * validators still costs no re-processing. Assets carry no credential (bintu: no access control).
 * The URL must pass the URL rules; the bytes must be a JPEG or GIF of sane size, stored under the
 * extension of what they are, or nothing is kept.
 */
export async function refreshAsset(
  http: HttpClient,
  store: AssetStore,
  target: AssetTarget,
  previous: AssetRecord | null,
  now: () => number,
): Promise<{ record: AssetRecord; outcome: FetchOutcome; body?: Buffer }> {
  const { url, ext, rules } = target;
  const headers: Record<string, string> = { Accept: ext === 'gif' ? 'image/gif' : 'image/jpeg' };
  if (previous?.name && previous.etag) headers['If-None-Match'] = previous.etag;
  if (previous?.name && previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  const response = await http.request({ url, headers, rules, purpose: 'asset', maxBytes: MAX_PICTURE_BYTES });
  const at = now();
  if (response.status === 304 && previous?.name) {
    return { record: { ...previous, fetchedAt: at }, outcome: 'not-modified' };
  }
  if (response.status !== 200) throw assetError(response, url);
  if (response.body.length === 0) throw new AppError('malformed-response', `The picture at ${describe(url)} was empty.`);
  const picture = inspectPicture(response.body);
  if (picture === null) {
    throw new AppError('malformed-response', `The file at ${describe(url)} is not a JPEG or GIF picture of a usable size; it was not kept.`);
  }
  const etag = response.headers['etag'] ?? null;
  const lastModified = response.headers['last-modified'] ?? null;
  const producedAt = serverTimeToLocal(lastModified, response.headers['date'], at);
  const hash = contentHash(response.body);
  const base = { url, etag, lastModified, producedAt, fetchedAt: at };
  if (previous?.name && previous.name.startsWith(hash)) {
    return { record: { ...previous, ...base }, outcome: 'unchanged' };
  }
  const name = await store.put(response.body, picture.ext);
  // The bytes go back with a new picture so a watcher can look at it without reading the disk.
  return { record: { ...base, name, changedAt: producedAt ?? at }, outcome: 'changed', body: response.body };
}

/** Maps a failed asset response to an error the wall can show and the scheduler can act on. */
function assetError(response: HttpResponse, url: string): AppError {
  const where = describe(url);
  const retryAt = parseRetryAfter(response.headers['retry-after']);
  if (response.status === 404) return new AppError('not-found', `No picture at ${where} yet (404).`, { status: 404 });
  if (response.status === 429) {
    return new AppError('rate-limited', `The asset host asked us to slow down (429) for ${where}.`, { status: 429, ...(retryAt ? { retryAt } : {}) });
  }
  if (response.status >= 500) {
    return new AppError('server-error', `The asset host failed (${response.status}) for ${where}.`, { status: response.status, ...(retryAt ? { retryAt } : {}) });
  }
  return new AppError('http-error', `The asset host answered ${response.status} for ${where}.`, { status: response.status });
}

/** Converts the server's Last-Modified into local time using its Date header, so clock skew does not shift schedules. */
function serverTimeToLocal(lastModified: string | null, date: string | undefined, receivedAt: number): number | null {
  if (!lastModified) return null;
  const produced = Date.parse(lastModified);
  if (Number.isNaN(produced)) return null;
  const serverNow = date ? Date.parse(date) : Number.NaN;
  // HTTP dates have one-second resolution; only correct for skew when it is larger than that.
  const skew = Number.isNaN(serverNow) ? 0 : receivedAt - serverNow;
  return produced + (Math.abs(skew) > 1500 ? skew : 0);
}

/** A short, safe description of an asset URL for messages: host and file name only. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}/…/${parsed.pathname.split('/').pop() ?? ''}`;
  } catch {
    return 'an asset URL';
  }
}
