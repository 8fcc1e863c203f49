import type http from 'node:http';
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { AppError } from '../errors';
import type { Exchange } from './http-exchange';
import { droppedError } from './network-errors';

/**
 * Decides while a body arrives whether enough of it is there (a list cut at `quantity`). It sees
 * the decoded bytes in order; offsets count from the start of the decoded body.
 */
export interface BodyCutter {
  /** Returns the decoded length to keep once enough has arrived, else null to read on. */
  push(chunk: Buffer): number | null;
  /** The body outgrew its limit: the length of a usable prefix to keep, or null to fail. */
  atLimit(): number | null;
}

/** Limits and bookkeeping for reading one body into memory. */
export interface ReadBodyOptions {
  host: string;
  /** The most decoded bytes kept in memory. */
  maxBytes: number;
  /** A `Content-Encoding` to undo while reading; undefined keeps the bytes as they came. */
  encoding?: string;
  /** Called with every wire chunk's size as it arrives, so transfer counters stay current. */
  onBytes: (count: number) => void;
  cutter?: BodyCutter;
}

/** A body read into memory; `cut` when a cutter stopped it early (the rest was never read). */
export interface ReadBodyResult {
  body: Buffer;
  wireBytes: number;
  cut: boolean;
}

/** The content codings this client asks for and can undo. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/**
 * Reads a whole response body, undoing its compression as it streams, so neither a large body
 * nor a tiny compressed one that expands (a "zip bomb") ever holds more than `maxBytes` decoded.
 * A connection that closes before the body is complete fails with 'dropped after N bytes'; so do
 * timeouts and cancellation via the exchange.
 */
export function readBody(res: http.IncomingMessage, exchange: Exchange, options: ReadBodyOptions): Promise<ReadBodyResult> {
  const coding = options.encoding?.trim().toLowerCase() ?? '';
  const makeDecoder = coding === '' || coding === 'identity' ? null : DECODERS[coding];
  if (makeDecoder === undefined) {
    const error = new AppError('malformed-response', `${options.host} sent a body in an encoding the app cannot read (${coding.slice(0, 40)})`);
    exchange.fail(error);
    return Promise.reject(error);
  }
  return new Promise<ReadBodyResult>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const decoder = makeDecoder?.() ?? null;
    let kept = 0;
    let wire = 0;
    let done = false;
    const finish = (result: ReadBodyResult | AppError): void => {
      if (done) return;
      done = true;
      decoder?.destroy();
      // The chunks go at once: a closed response's listeners may keep this closure alive for a
      // while, and 8 MB each of a hundred refused pictures would otherwise wait for the collector.
      chunks.length = 0;
      if (result instanceof AppError) {
        exchange.fail(result);
        reject(result);
        return;
      }
      exchange.finish();
      // A cut body leaves unread bytes on the socket: it cannot be reused.
      if (result.cut) res.destroy();
      resolve(result);
    };
    const cutAt = (length: number): void => finish({ body: Buffer.concat(chunks, kept).subarray(0, length), wireBytes: wire, cut: true });
    const take = (chunk: Buffer): void => {
      if (done) return;
      if (kept + chunk.length > options.maxBytes) {
        const usable = options.cutter?.atLimit() ?? null;
        if (usable !== null) return cutAt(usable);
        return finish(new AppError('malformed-response', `${options.host} sent a response larger than ${formatMegabytes(options.maxBytes)}`));
      }
      chunks.push(chunk);
      kept += chunk.length;
      const enough = options.cutter?.push(chunk) ?? null;
      if (enough !== null) cutAt(enough);
    };
    const complete = (): void => finish({ body: Buffer.concat(chunks, kept), wireBytes: wire, cut: false });
    exchange.onFailure((error) => {
      if (done) return;
      done = true;
      chunks.length = 0;
      decoder?.destroy();
      res.destroy();
      reject(error);
    });
    if (decoder !== null) {
      decoder.on('data', take);
      decoder.on('end', complete);
      decoder.on('error', (error) => {
        finish(new AppError('malformed-response', `${options.host} sent a compressed body that could not be decoded`, { cause: error }));
      });
    }
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      wire += chunk.length;
      options.onBytes(chunk.length);
      if (decoder !== null) decoder.write(chunk);
      else take(chunk);
    });
    res.on('end', () => {
      if (done) return;
      // An empty body has nothing to decode (a HEAD, a 304): the decoder would call it truncated.
      if (decoder !== null && wire > 0) decoder.end();
      else complete();
    });
    // Node reports a mid-body drop as an 'aborted' error and/or a close without completion.
    res.on('error', () => {
      if (!done) exchange.fail(droppedError(options.host, wire));
    });
    res.on('close', () => {
      if (!done && !res.complete) exchange.fail(droppedError(options.host, wire));
    });
  });
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
