import { createHash } from 'node:crypto';
import { mkdir, lstat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Recording, Stream } from '../../shared/domain';
import type { BintuClient, ListOptions } from '../core/bintu/bintu-client';
import { DownloadManager } from '../core/downloads/download-manager';
import type { DownloadRecord } from '../core/downloads/download-types';
import { downloadFsError, formatBytes } from '../core/downloads/fs-errors';
import { safeFileName, withSuffix } from '../core/downloads/safe-file-name';
import { AppError, toErrorData } from '../core/errors';
import type { HttpClient } from '../core/http/http-client';
import type { UrlRules } from '../core/http/url-rules';
import { userDataDir } from './config';
import { parseQuantity } from './args';
import { withRetries, type RetryOptions } from './retry';
import { escapeTerminal } from './terminal';

/** What the `download` command needs from the CLI's composition. */
export interface DownloadCommandContext {
  client: BintuClient;
  http: HttpClient;
  /** The URL rules of the API base: recordings must pass them to be fetched. */
  rules: UrlRules;
  /** How bintu requests are tried again after transient failures. */
  retry: RetryOptions;
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

/** A recording picked for archiving, with the stream it belongs to. */
export interface ArchiveItem {
  stream: Stream;
  recording: Recording;
}

/** Usage lines of the command, for the CLI's help text. */
export const DOWNLOAD_USAGE = `  download --to DIR [--tag T]... [--state live|created|ended] [--since 24h] [--quantity N]
          Archive every matching recording not yet in DIR (resumable; exit code 1 if any failed).`;

const ASSET_LIMIT = 50;
const DETAIL_CONCURRENCY = 4;
const PROGRESS_EVERY_MS = 1000;
const UNITS_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Reads `30m`, `24h`, `7d` (also `s` and `w`) into milliseconds. */
export function parseSince(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/i.exec(text);
  const unit = m ? UNITS_MS[(m[2] ?? '').toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) {
    throw new AppError('invalid-input', `--since wants a duration such as 30m, 24h or 7d, not "${text.slice(0, 40)}".`);
  }
  return Number(m[1]) * unit;
}

/**
 * The recordings to archive: each once (by id), created within `sinceMs` before `now` when given,
 * judged by the recording's own date or else its stream's. Without any date a recording cannot
 * be shown to be recent, so `--since` leaves it out.
 */
export function selectRecordings(streams: readonly Stream[], sinceMs: number | null, now: number): ArchiveItem[] {
  const seen = new Set<string>();
  const out: ArchiveItem[] = [];
  for (const stream of streams) {
    for (const recording of stream.recordings) {
      if (seen.has(recording.id)) continue;
      if (sinceMs !== null) {
        const at = Date.parse(recording.createdAt ?? stream.createdAt ?? '');
        if (Number.isNaN(at) || at < now - sinceMs) continue;
      }
      seen.add(recording.id);
      out.push({ stream, recording });
    }
  }
  return out;
}

/** `npm run cli -- download ...`: archives recordings with the app's download manager. */
export async function runDownloadCommand(args: string[], ctx: DownloadCommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { to: { type: 'string' }, tag: { type: 'string', multiple: true }, state: { type: 'string' }, since: { type: 'string' }, quantity: { type: 'string' } },
  });
  if (!values.to) throw new AppError('invalid-input', 'download needs --to DIR: the folder to archive into.');
  const state = values.state;
  if (state !== undefined && state !== 'live' && state !== 'created' && state !== 'ended') {
    throw new AppError('invalid-input', `--state must be live, created or ended, not "${state}".`);
  }
  const quantity = parseQuantity(values.quantity);
  const sinceMs = values.since !== undefined ? parseSince(values.since) : null;
  const now = ctx.now ?? Date.now;
  const dir = resolve(values.to);
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw downloadFsError(error, dir, 0);
  });

  const list: ListOptions = { quantity, ...(state ? { state } : {}), ...(values.tag ? { tags: values.tag } : {}) };
  const listed = await withRetries('the list', () => ctx.client.listStreams(list), ctx.retry);
  const { streams, failures: detailFailures } = await fetchDetails(ctx, listed);
  const items = selectRecordings(streams, sinceMs, now());
  ctx.out(`${items.length} recording(s) match in ${listed.length} stream(s); archiving into ${dir}`);

  const manager = new DownloadManager({ http: ctx.http, rules: ctx.rules, stateFile: stateFileFor(dir, ctx.env ?? process.env) });
  try {
    // A run that was interrupted left its queue behind: it is finished first, with the rest.
    await manager.restore();
    const tracked = new Set(manager.list().filter((d) => d.state === 'queued' || d.state === 'downloading').map((d) => d.id));
    let present = 0;
    let refused = 0;
    for (const { stream, recording } of items) {
      if (await alreadyThere(ctx, dir, recording)) {
        present += 1;
        continue;
      }
      try {
        tracked.add((await manager.enqueue({ recording, streamId: stream.id, folder: dir, apiBase: ctx.rules.apiBase })).id);
      } catch (error) {
        refused += 1;
        ctx.err(`failed  ${recording.fileName}: ${toErrorData(error).message}`);
      }
    }
    const finished = await watch(manager, tracked, ctx, now);
    const done = finished.filter((d) => d.state === 'done').length;
    const failed = finished.length - done + refused;
    ctx.out(`Summary: ${done} downloaded, ${present} already there, ${failed} failed${detailFailures > 0 ? `, ${detailFailures} stream(s) unreadable` : ''}.`);
    return failed > 0 || detailFailures > 0 ? 1 : 0;
  } finally {
    await manager.flushed();
    manager.dispose();
  }
}

/** Each stream's details with its recordings; a stream that fails is reported and skipped. */
async function fetchDetails(ctx: DownloadCommandContext, listed: readonly Stream[]): Promise<{ streams: Stream[]; failures: number }> {
  const streams: Stream[] = [];
  let failures = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < listed.length; i = next++) {
      const stream = listed[i] as Stream;
      try {
        streams[i] = await withRetries(`stream ${escapeTerminal(stream.id)}`, () => ctx.client.getStream(stream.id, { assetLimit: ASSET_LIMIT }), ctx.retry);
      } catch (error) {
        failures += 1;
        ctx.err(`error   stream ${escapeTerminal(stream.id)}: ${toErrorData(error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DETAIL_CONCURRENCY, listed.length) }, worker));
  return { streams: streams.filter((s) => s !== undefined), failures };
}

/**
 * Whether the recording is already archived: a file under its name (or a suffixed name from an
 * earlier collision) with the server's length. Only complete files ever get those names, so when
 * the server does not tell the length, the name alone counts.
 */
async function alreadyThere(ctx: DownloadCommandContext, dir: string, recording: Recording): Promise<boolean> {
  const base = safeFileName(recording.fileName);
  let remote: number | null | undefined;
  for (let n = 0; n < 1000; n++) {
    const size = await fileSize(join(dir, withSuffix(base, n)));
    if (size === null) return false;
    remote ??= await remoteSize(ctx.http, ctx.rules, recording.url);
    if (remote === null || size === remote) return true;
  }
  return false;
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const stats = await lstat(path);
    return stats.isFile() ? stats.size : -1;
  } catch {
    return null;
  }
}

/** The recording's length from a HEAD request, or null when the server does not say. */
async function remoteSize(http: HttpClient, rules: UrlRules, url: string): Promise<number | null> {
  try {
    const res = await http.request({ url, method: 'HEAD', headers: { 'accept-encoding': 'identity' }, rules, purpose: 'recording' });
    const length = res.headers['content-length'];
    return res.status === 200 && length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
  } catch {
    return null;
  }
}

/** Prints progress (at most once a second per file) and outcomes until every tracked download ends. */
function watch(manager: DownloadManager, tracked: ReadonlySet<string>, ctx: DownloadCommandContext, now: () => number): Promise<DownloadRecord[]> {
  const lastPrint = new Map<string, number>();
  const told = new Map<string, string>();
  return new Promise((resolveAll) => {
    const check = (downloads: readonly DownloadRecord[]): void => {
      const mine = downloads.filter((d) => tracked.has(d.id));
      for (const d of mine) report(d);
      if (mine.every((d) => d.state !== 'queued' && d.state !== 'downloading')) {
        subscription.dispose();
        resolveAll(mine);
      }
    };
    const report = (d: DownloadRecord): void => {
      const mark = `${d.state}:${d.error?.retryAt ?? ''}`;
      if (d.state === 'downloading' && d.error === null) {
        const last = lastPrint.get(d.id) ?? (lastPrint.set(d.id, now()), now());
        if (now() - last < PROGRESS_EVERY_MS) return;
        lastPrint.set(d.id, now());
        ctx.out(`        ${d.fileName}  ${progressText(d)}`);
        return;
      }
      if (told.get(d.id) === mark) return;
      told.set(d.id, mark);
      if (d.state === 'done') ctx.out(`done    ${d.fileName} (${formatBytes(d.bytes)})`);
      else if (d.state === 'failed' || d.state === 'cancelled') ctx.err(`failed  ${d.fileName}: ${d.error?.message ?? d.state}`);
      else if (d.state === 'downloading' && d.error !== null) {
        const wait = d.error.retryAt !== undefined ? `, trying again in ${Math.max(0, Math.round((d.error.retryAt - now()) / 1000))} s` : '';
        ctx.out(`retry   ${d.fileName}: ${d.error.message}${wait}`);
      }
    };
    const subscription = manager.onDidChange(check);
    check(manager.list());
  });
}

function progressText(d: DownloadRecord): string {
  const share = d.total ? ` (${Math.floor((d.bytes / d.total) * 100)}%)` : '';
  const of = d.total ? ` of ${formatBytes(d.total)}` : '';
  const eta = d.etaS !== null ? `, ${d.etaS} s left` : '';
  return `${formatBytes(d.bytes)}${of}${share}, ${formatBytes(d.speedBps)}/s${eta}`;
}

/** The CLI's own queue per archive folder, in the user-data folder: the archive holds recordings only. */
function stateFileFor(dir: string, env: NodeJS.ProcessEnv): string {
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  return join(userDataDir(env), 'cli-downloads', `${key}.json`);
}
