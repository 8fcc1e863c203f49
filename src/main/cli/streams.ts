import { parseArgs } from 'node:util';
import type { Stream, StreamState } from '../../shared/domain';
import type { BintuClient } from '../core/bintu/bintu-client';
import { AppError, toErrorData } from '../core/errors';
import { fillDetails } from '../core/poller/fill-details';
import { parseQuantity } from './args';
import { formatStreamTable } from './format';
import { withRetries, type RetryOptions } from './retry';

/** What `streams` needs: the client, the poller's details settings, and where to write. */
export interface StreamsContext {
  client: BintuClient;
  /** The app's `asset_limit` for details requests. */
  assetLimit: number;
  /** Details requests in flight at most: the HTTP client's per-host cap, as for the poller. */
  cap: () => number;
  retry: RetryOptions;
  /** The JSON document, exact. */
  json: (stream: { apiBase: string; truncated: boolean; streams: Stream[] }) => void;
  /** A line for a person (escaped by the caller). */
  print: (line: string) => void;
  warn: (line: string) => void;
}

/**
 * `streams`: the list, then, for every item that came without its assets, its details (as the
 * poller reads them), so the output holds the variants, pictures, replay and recordings the wall
 * shows. A stream whose details cannot be read is printed as listed, with a warning; a rejected
 * credential fails the command.
 */
export async function runStreamsCommand(args: string[], ctx: StreamsContext): Promise<number> {
  const { values } = parseArgs({ args, options: STREAMS_OPTIONS });
  const { streams, truncated } = await readStreams(ctx, listOptions(values));
  if (values.json) ctx.json({ apiBase: ctx.client.apiBase, truncated, streams });
  else ctx.print(formatStreamTable(streams));
  return 0;
}

/** The options `streams` takes besides `--profile` and `--all-profiles`. */
export const STREAMS_OPTIONS = { json: { type: 'boolean' }, state: { type: 'string' }, tag: { type: 'string', multiple: true }, quantity: { type: 'string' } } as const;

/** What the list request asks for. */
export interface StreamsList {
  quantity: number;
  state?: Extract<StreamState, 'live' | 'created' | 'ended'>;
  tags?: string[];
}

/** `--state`, `--tag` and `--quantity`, checked. */
export function listOptions(values: { state?: string | undefined; tag?: string[] | undefined; quantity?: string | undefined }): StreamsList {
  const state = values.state as Extract<StreamState, 'live' | 'created' | 'ended'> | undefined;
  if (state && !['live', 'created', 'ended'].includes(state)) throw new AppError('invalid-input', `--state must be live, created or ended, not "${state}".`);
  const quantity = parseQuantity(values.quantity);
  return { quantity, ...(state ? { state } : {}), ...(values.tag ? { tags: values.tag } : {}) };
}

/**
 * One organisation's streams as the wall reads them: the list, then the details (`asset_limit`)
 * of every item without assets, at most `cap` at a time. A stream whose details cannot be read
 * stays as listed, with a warning; a rejected credential throws.
 */
export async function readStreams(ctx: Pick<StreamsContext, 'client' | 'assetLimit' | 'cap' | 'retry' | 'warn'>, list: StreamsList): Promise<{ streams: Stream[]; truncated: boolean }> {
  const { client } = ctx;
  const listed = await withRetries('the list', () => client.listStreams(list), ctx.retry);
  const truncated = listed.length >= list.quantity || client.lastListCut;
  const { streams, failures } = await fillDetails(listed, {
    read: (id, options) => withRetries(`the details of ${id}`, () => client.getStream(id, options), ctx.retry),
    assetLimit: ctx.assetLimit,
    cap: ctx.cap,
  });
  const rejected = failures.find((f) => toErrorData(f.error).code === 'credential-rejected');
  if (rejected) throw rejected.error;
  for (const failure of failures) {
    ctx.warn(`warning: the details of stream ${failure.id} could not be read (${toErrorData(failure.error).message}); it is shown as listed, without pictures or recordings.`);
  }
  return { streams, truncated };
}
