import type { Stream } from '../../../shared/domain';
import { DetailsPacer } from './details-pacer';
import { wantsDetails } from './stream-merge';

/** Reads one stream with its assets: `GET /stream/{id}?asset_limit=N`, as `BintuClient.getStream`. */
export type DetailsRead = (id: string, options: { assetLimit: number }) => Promise<Stream>;

/** A stream whose details could not be read, and why. */
export interface DetailsFailure {
  id: string;
  error: unknown;
}

/**
 * Completes a list the way the poller's first pass does, for a caller that reads once (the CLI):
 * every list item that came without assets (`wantsDetails`) is replaced by its details, read
 * with the same `asset_limit` through the poller's `DetailsPacer`, so never more than `cap`
 * requests are in flight. A stream whose details fail keeps its list item; the failures are
 * returned for the caller to judge. The order of the list is kept.
 */
export async function fillDetails(
  streams: readonly Stream[],
  options: { read: DetailsRead; assetLimit: number; cap: () => number },
): Promise<{ streams: Stream[]; failures: DetailsFailure[] }> {
  const wanted = streams.filter(wantsDetails);
  if (wanted.length === 0) return { streams: [...streams], failures: [] };
  const filled = new Map<string, Stream>();
  const failures: DetailsFailure[] = [];
  await new Promise<void>((resolve) => {
    let left = wanted.length;
    const pacer = new DetailsPacer({
      cap: options.cap,
      open: () => true,
      start: (id) =>
        options
          .read(id, { assetLimit: options.assetLimit })
          .then((stream) => void filled.set(id, { ...stream, id }))
          .catch((error: unknown) => void failures.push({ id, error }))
          .finally(() => {
            left--;
            if (left === 0) resolve();
          }),
    });
    for (const stream of wanted) pacer.enqueue(stream.id);
    pacer.pump();
  });
  return { streams: streams.map((stream) => filled.get(stream.id) ?? stream), failures };
}
