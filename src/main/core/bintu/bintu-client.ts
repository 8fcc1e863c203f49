import { checkApiBase } from '../../../shared/api-base';
import type { CredentialKind, Stream } from '../../../shared/domain';
import { AppError } from '../errors';
import type { HttpRequest, HttpResponse } from '../http/http-client';
import { redact, secretForms } from '../redact';
import { credentialLabel, errorFromResponse, malformedResponse, readBintuError } from './bintu-errors';
import { credentialHeaders } from './credential-headers';
import { JsonListCutter } from './list-cutter';
import { normaliseStream, normaliseStreamList } from './normalise';

/** A credential for bintu: the organisation API key or a role-scoped token. Lives in main only. */
export interface BintuCredential {
  kind: CredentialKind;
  secret: string;
}

/**
 * The one request the bintu client can make. The app only reads bintu: the method is the literal
 * `GET`, not a parameter, and there is no body, so no code path can change a stream.
 */
export type BintuGet = Omit<HttpRequest, 'method' | 'body' | 'rules' | 'purpose'> & { method: 'GET' };

/** What the bintu client needs of the HTTP client: GET requests and nothing else. */
export interface BintuTransport {
  request(req: BintuGet): Promise<HttpResponse>;
}

/** Filters of `GET /stream`. */
export interface ListOptions {
  /** How many streams, newest first (bintu's default is 50). */
  quantity?: number;
  state?: 'live' | 'created' | 'ended';
  /** Streams carrying all of these tags. */
  tags?: string[];
}

/** Wrapper keys under which a list might arrive if bintu ever wraps it in an object. */
const LIST_WRAPPERS = ['streams', 'data', 'items', 'results'] as const;

/** The most streams one list asks for and keeps, whatever the caller wants (the app's setting stops at 1,000). */
export const MAX_QUANTITY = 10_000;
/** bintu's own default when no `quantity` is sent. */
const DEFAULT_QUANTITY = 50;
const MB = 1024 * 1024;
/** A list answer may hold this much per stream asked for (a stream object with its assets is a few KB). */
const LIST_BYTES_PER_STREAM = 32 * 1024;
const MAX_LIST_BYTES = 64 * MB;
/** One stream object with `asset_limit` recordings. */
const DETAILS_MAX_BYTES = 4 * MB;
const CHECK_MAX_BYTES = 1 * MB;

/** The body budget of a list of `quantity` streams. */
export function listMaxBytes(quantity: number): number {
  return Math.min(MAX_LIST_BYTES, MB + quantity * LIST_BYTES_PER_STREAM);
}

/** How one JSON request may read its body. */
interface BodyLimits {
  maxBytes: number;
  cutter?: JsonListCutter;
}

/**
 * The bintu REST client: builds requests for the stream routes, attaches the credential (only to
 * the API base), maps failures to `AppError` with the credential redacted, and normalises bodies
 * into domain `Stream`s.
 */
export class BintuClient {
  private readonly base: string;
  private readonly credential: BintuCredential;
  private readonly http: BintuTransport;
  private readonly timeoutMs: number | undefined;
  private readonly secrets: readonly string[];
  private skipped = 0;
  private cut = false;

  constructor(options: { apiBase: string; credential: BintuCredential; http: BintuTransport; timeoutMs?: number }) {
    const checked = checkApiBase(options.apiBase);
    if (!checked.ok) throw new AppError('insecure-api-base', checked.message);
    const { kind, secret } = options.credential;
    const label = credentialLabel(kind);
    if (secret.trim() === '') throw new AppError('credential-missing', `No ${label} was given.`);
    // Header values cannot carry line breaks or non-ASCII; say so without echoing the value.
    if (!/^[\x20-\x7e]+$/.test(secret)) {
      const message = `The ${label} contains characters that cannot be sent; paste it again without line breaks.`;
      throw new AppError('invalid-input', message);
    }
    this.base = checked.url;
    this.credential = { kind, secret };
    this.http = options.http;
    this.timeoutMs = options.timeoutMs;
    this.secrets = secretForms(secret);
  }

  /** The normalised API base (no trailing slash). */
  get apiBase(): string {
    return this.base;
  }

  /** How many items of the last `listStreams` answer could not be read as streams. */
  get lastListSkipped(): number {
    return this.skipped;
  }

  /** Whether the last `listStreams` answer held more than was kept (more than asked, or too large). */
  get lastListCut(): boolean {
    return this.cut;
  }

  /**
   * `GET /stream`: the newest streams, filtered by state and tags. Never more than `quantity`
   * (capped at `MAX_QUANTITY`): a longer answer is cut while it is read, and so is one that
   * outgrows the size budget for that many streams (`lastListCut` then says so).
   */
  async listStreams(options: ListOptions = {}, signal?: AbortSignal): Promise<Stream[]> {
    const route = 'GET /stream';
    const quantity = options.quantity === undefined ? DEFAULT_QUANTITY : clampQuantity(options.quantity);
    const query = listQuery(options.quantity === undefined ? options : { ...options, quantity });
    const cutter = new JsonListCutter(quantity);
    const { body, cut } = await this.getJson('/stream', query, route, signal, { maxBytes: listMaxBytes(quantity), cutter });
    const items = listItems(body);
    if (items === null) throw this.scrub(malformedResponse(route, 'is not a list of streams'));
    const { streams, skipped } = normaliseStreamList(items.slice(0, quantity));
    this.skipped = skipped;
    this.cut = cut || items.length > quantity;
    return streams;
  }

  /** `GET /stream/{id}`: one stream with its Live Processing assets. */
  async getStream(id: string, options: { assetLimit?: number } = {}, signal?: AbortSignal): Promise<Stream> {
    if (id.trim() === '') throw new AppError('invalid-input', 'A stream id is required.');
    const path = `/stream/${encodeURIComponent(id)}`;
    const route = `GET ${path}`;
    const query = options.assetLimit !== undefined ? `asset_limit=${positiveInt(options.assetLimit)}` : '';
    const { body } = await this.getJson(path, query, route, signal, { maxBytes: DETAILS_MAX_BYTES }, `bintu has no stream ${id}`);
    const stream = normaliseStream(body, id);
    if (stream === null) throw this.scrub(malformedResponse(route, 'is not a stream object'));
    return stream;
  }

  /** Validates the credential with the smallest read bintu offers; throws `AppError` if refused. */
  async check(signal?: AbortSignal): Promise<void> {
    const route = 'GET /stream';
    const { body } = await this.getJson('/stream', 'quantity=1', route, signal, { maxBytes: CHECK_MAX_BYTES, cutter: new JsonListCutter(1) });
    if (listItems(body) === null) throw this.scrub(malformedResponse(route, 'is not a list of streams'));
  }

  private async getJson(
    path: string,
    query: string,
    route: string,
    signal: AbortSignal | undefined,
    limits: BodyLimits,
    notFound?: string,
  ): Promise<{ body: unknown; cut: boolean }> {
    const url = `${this.base}${path}${query === '' ? '' : `?${query}`}`;
    const headers = { accept: 'application/json', ...credentialHeaders(this.base, this.credential, url) };
    let res: HttpResponse;
    try {
      res = await this.http.request({
        method: 'GET',
        url,
        headers,
        maxBytes: limits.maxBytes,
        ...(limits.cutter !== undefined && { cutter: limits.cutter }),
        ...(signal !== undefined && { signal }),
        ...(this.timeoutMs !== undefined && { timeoutMs: this.timeoutMs }),
      });
    } catch (error) {
      throw this.scrub(error);
    }
    const context = { route, kind: this.credential.kind, secrets: this.secrets, ...(notFound !== undefined && { notFound }) };
    if (res.status < 200 || res.status >= 300) throw errorFromResponse(res, context);
    const cut = res.cut === true;
    const body = parseJson(cut ? JsonListCutter.close(res.body) : res.body);
    if (body === undefined) {
      const looksLikePage = /^\s*</.test(res.body.subarray(0, 64).toString('utf8'));
      const problem = looksLikePage ? 'is a web page, not JSON; check the API base' : 'is not valid JSON';
      throw this.scrub(malformedResponse(route, problem));
    }
    // Some APIs answer errors with 200; an error body where data was expected is still an error.
    const bintu = Array.isArray(body) ? null : readBintuError(body);
    if (bintu !== null && typeof body === 'object' && body !== null && !('id' in body)) {
      throw errorFromResponse(res, context);
    }
    return { body, cut };
  }

  /** Makes sure no error leaving the client carries the credential, whatever produced it. */
  private scrub(error: unknown): unknown {
    if (!(error instanceof AppError)) return error;
    const message = redact(error.message, this.secrets);
    if (message === error.message) return error;
    return new AppError(error.code, message, {
      ...(error.bintuCode !== undefined && { bintuCode: error.bintuCode }),
      ...(error.status !== undefined && { status: error.status }),
      ...(error.retryAt !== undefined && { retryAt: error.retryAt }),
      ...(error.credentialKind !== undefined && { credentialKind: error.credentialKind }),
    });
  }
}

function listQuery(options: ListOptions): string {
  const parts: string[] = [];
  if (options.quantity !== undefined) parts.push(`quantity=${positiveInt(options.quantity)}`);
  if (options.state !== undefined) parts.push(`state=${encodeURIComponent(options.state)}`);
  // One `tags[]` parameter per tag, brackets literal as bintu documents; values fully encoded.
  for (const tag of options.tags ?? []) parts.push(`tags[]=${encodeURIComponent(tag)}`);
  return parts.join('&');
}

function clampQuantity(value: number): number {
  return Math.min(MAX_QUANTITY, positiveInt(value));
}

function positiveInt(value: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.floor(value)) : 1;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The items of a list answer: the array itself, or the one array inside a known wrapper. */
function listItems(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (typeof body !== 'object' || body === null) return null;
  for (const key of LIST_WRAPPERS) {
    const value = (body as Record<string, unknown>)[key];
    if (Array.isArray(value)) return value;
  }
  return null;
}
