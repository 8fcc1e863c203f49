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
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, state: { type: 'string' }, tag: { type: 'string', multiple: true }, quantity: { type: 'string' } },
  });
  const state = values.state as Extract<StreamState, 'live' | 'created' | 'ended'> | undefined;
  if (state && !['live', 'created', 'ended'].includes(state)) throw new AppError('invalid-input', `--state must be live, created or ended, not "${state}".`);
  const quantity = parseQuantity(values.quantity);
  const list = { quantity, ...(state ? { state } : {}), ...(values.tag ? { tags: values.tag } : {}) };
  const { client } = ctx;
  const listed = await withRetries('the list', () => client.listStreams(list), ctx.retry);
  const truncated = listed.length >= quantity || client.lastListCut;
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
  if (values.json) ctx.json({ apiBase: client.apiBase, truncated, streams });
  else ctx.print(formatStreamTable(streams));
  return 0;
}
