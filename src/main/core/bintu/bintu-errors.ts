import type { CredentialKind } from '../../../shared/domain';
import type { ErrorCode } from '../../../shared/errors';
import { AppError, type AppErrorExtra } from '../errors';
import type { HttpResponse } from '../http/http-client';
import { parseRetryAfter } from '../http/retry-after';
import { hostOf } from '../http/url-parts';
import { redact } from '../redact';
import { rawErrorBodySchema } from './raw-schemas';

/** What the error mapping needs to know about the request that failed. */
export interface BintuErrorContext {
  /** The route as the operator may see it, e.g. `GET /stream`. */
  route: string;
  kind: CredentialKind;
  /** Strings that must never appear in a message (the credential and its encodings). */
  secrets: readonly string[];
  /** Message for a 404 when the route names one object (a stream that no longer exists). */
  notFound?: string;
  now?: number;
}

/** bintu's error body, read and tidied. */
export interface BintuErrorBody {
  message: string | undefined;
  code: number | undefined;
  userinfo: Record<string, unknown> | undefined;
}

/** Error bodies bigger than this are not bintu's small JSON error objects: not parsed. */
const MAX_ERROR_BODY = 64 * 1024;
const MAX_MESSAGE = 200;

/**
 * Reads `{"error": {"message", "code", "userinfo"}}` from a body, or null when it is not one. The
 * secrets are removed from the message (and userinfo) before it is tidied and cut to length.
 */
export function readBintuError(body: unknown, secrets: readonly string[] = []): BintuErrorBody | null {
  let value = body;
  if (Buffer.isBuffer(body)) {
    if (body.length === 0 || body.length > MAX_ERROR_BODY) return null;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return null;
    }
  }
  const parsed = rawErrorBodySchema.safeParse(value);
  if (!parsed.success) return null;
  const { message, code, userinfo } = parsed.data.error;
  if (message === undefined && code === undefined) return null;
  return {
    message: message === undefined ? undefined : tidy(redact(message, secrets)),
    code: code !== undefined && Number.isInteger(code) ? code : undefined,
    userinfo: userinfo === undefined ? undefined : redactUserinfo(userinfo, secrets),
  };
}

/** The label of a credential kind in messages, so the operator knows which one failed. */
export function credentialLabel(kind: CredentialKind): string {
  return kind === 'apiKey' ? 'API key' : 'bintu token';
}

const ADVICE: Record<CredentialKind, string> = {
  apiKey: 'Check the key in your nanoStream Cloud organisation settings.',
  // A token that worked yesterday is not mistyped: tokens expire and can be revoked. The advice
  // never points back to the master key.
  token:
    'bintu tokens expire and can be revoked: ask your organisation\'s administrator for a new token (a nanoReadOnly user\'s token is enough) and enter it for this profile.',
};

/**
 * Maps a non-2xx bintu response to an `AppError`: 401/403 are a rejected credential, 429 a rate
 * limit (with `retryAt`), 5xx a server error, 404 on an object route "not found", and the rest a
 * bintu or HTTP error. bintu's code and message are kept; the credential never is.
 */
export function errorFromResponse(res: HttpResponse, context: BintuErrorContext): AppError {
  const status = res.status;
  const bintu = readBintuError(res.body, context.secrets);
  const extra = { status, ...(bintu?.code !== undefined && { bintuCode: bintu.code }) };
  const codeSuffix = bintu?.code !== undefined ? ` (${bintu.code})` : '';
  const said = bintu?.message !== undefined ? `${bintu.message}${codeSuffix}` : undefined;
  const make = (code: ErrorCode, message: string, more: Pick<AppErrorExtra, 'retryAt' | 'credentialKind'> = {}): AppError =>
    new AppError(code, redact(message, context.secrets), { ...extra, ...more });

  if (status === 401 || status === 403) {
    if (bintu?.code === 2002 || (bintu?.message !== undefined && /not enabled/i.test(bintu.message))) {
      // The credential is fine; the organisation has not booked Live Processing. Saying
      // "rejected" would send the operator after a key that is not the problem.
      const advice = 'The credential is valid, but this organisation has no Live Processing (thumbnails, motion clips, replay, recordings): ask nanocosmos to enable it, or connect another organisation.';
      return make('live-processing-unavailable', `bintu: ${said ?? `HTTP ${status}`}. ${advice}`);
    }
    const label = credentialLabel(context.kind);
    const what = said !== undefined ? `: ${said}` : ` (HTTP ${status})`;
    return make('credential-rejected', `bintu rejected the ${label}${what}. ${ADVICE[context.kind]}`, { credentialKind: context.kind });
  }
  const retryAt = parseRetryAfter(res.headers['retry-after'], context.now);
  const detail = said !== undefined ? `: ${said}` : '';
  if (status === 429) {
    const now = context.now ?? Date.now();
    const wait = retryAt !== undefined ? `waiting ${formatWait(retryAt - now)} before asking again` : 'slowing down';
    return make('rate-limited', `bintu is limiting requests (HTTP 429)${detail}; the app is ${wait}.`, retryAt !== undefined ? { retryAt } : {});
  }
  if (status >= 500) {
    const what = status === 503 ? 'bintu is unavailable' : 'bintu had a server error';
    return make('server-error', `${what} (HTTP ${status})${detail}; the app will try again.`, status === 503 && retryAt !== undefined ? { retryAt } : {});
  }
  if (status === 404 && context.notFound !== undefined) {
    return make('not-found', `${context.notFound}${detail}`);
  }
  if (status >= 300 && status < 400) {
    // Redacted before parsing: the URL parser lower-cases the host, and a secret may sit there.
    const target = redirectHost(res.headers['location'], context.secrets);
    return make('http-error', `bintu answered ${context.route} with a redirect (HTTP ${status})${target}; check the API base.`);
  }
  if (bintu !== null) {
    const info = describeUserinfo(bintu.userinfo);
    const head = bintu.code !== undefined ? `bintu error ${bintu.code}` : `bintu error (HTTP ${status})`;
    return make('bintu-error', `${head}: ${bintu.message ?? 'no message'}${info}`);
  }
  const hint = status === 404 ? '; check the API base' : '';
  return make('http-error', `bintu answered ${context.route} with HTTP ${status}${hint}.`);
}

/** The error for a 2xx body the client cannot use; it names the route, never quotes the body. */
export function malformedResponse(route: string, problem: string): AppError {
  return new AppError('malformed-response', `bintu's answer to ${route} ${problem}.`);
}

/** Control characters out, whitespace collapsed, length capped: bintu text shown as one line. */
function tidy(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}...` : clean;
}

/** bintu's `userinfo` scalars as "(name: value, ...)"; nested values are left out. */
function describeUserinfo(userinfo: Record<string, unknown> | undefined): string {
  if (userinfo === undefined) return '';
  const parts = Object.entries(userinfo)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .slice(0, 4)
    .map(([key, value]) => `${tidy(key).slice(0, 40)}: ${tidy(String(value)).slice(0, 80)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function redirectHost(location: string | undefined, secrets: readonly string[]): string {
  const host = location === undefined ? null : hostOf(redact(location.slice(0, 4096), secrets));
  return host === null ? '' : ` to ${redact(host, secrets).slice(0, 120)}`;
}

/** userinfo scalars with the secrets removed before `describeUserinfo` cuts them. */
function redactUserinfo(userinfo: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(userinfo).slice(0, 16)) {
    clean[redact(key, secrets)] = typeof value === 'string' ? redact(value, secrets) : value;
  }
  return clean;
}

function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
