import type http from 'node:http';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { AppError } from '../errors';
import type { Exchange } from './http-exchange';
import { droppedError } from './network-errors';

/** Limits and bookkeeping for reading one body into memory. */
export interface ReadBodyOptions {
  host: string;
  maxBytes: number;
  /** Called with every chunk's size as it arrives, so transfer counters stay current. */
  onBytes: (count: number) => void;
}

/**
 * Reads a whole response body. A connection that closes before the body is complete fails with
 * 'the connection dropped after N bytes'; so do timeouts and cancellation via the exchange.
 */
export function readBody(res: http.IncomingMessage, exchange: Exchange, options: ReadBodyOptions): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    exchange.onFailure((error) => {
      if (done) return;
      done = true;
      res.destroy();
      reject(error);
    });
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      received += chunk.length;
      options.onBytes(chunk.length);
      if (received > options.maxBytes) {
        const limit = formatMegabytes(options.maxBytes);
        exchange.fail(new AppError('malformed-response', `${options.host} sent a response larger than ${limit}`));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => {
      if (done) return;
      done = true;
      exchange.finish();
      resolve(Buffer.concat(chunks, received));
    });
    // Node reports a mid-body drop as an 'aborted' error and/or a close without completion.
    res.on('error', () => exchange.fail(droppedError(options.host, received)));
    res.on('close', () => {
      if (!res.complete) exchange.fail(droppedError(options.host, received));
    });
  });
}

const decoders: Record<string, (buf: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress) as (buf: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>,
};

/** The content codings this client asks for and can undo. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/**
 * Undoes a `Content-Encoding` the client asked for. The decoded size is capped too, so a tiny
 * compressed body cannot expand without bound.
 */
export async function decodeBody(body: Buffer, encoding: string | undefined, host: string, maxBytes: number): Promise<Buffer> {
  const coding = encoding?.trim().toLowerCase() ?? '';
  if (coding === '' || coding === 'identity' || body.length === 0) return body;
  const decode = decoders[coding];
  if (decode === undefined) {
    throw new AppError('malformed-response', `${host} sent a body in an encoding the app cannot read (${coding.slice(0, 40)})`);
  }
  try {
    return await decode(body, { maxOutputLength: maxBytes });
  } catch (error) {
    throw new AppError('malformed-response', `${host} sent a compressed body that could not be decoded`, { cause: error });
  }
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
