import { AppError } from '../errors';
import { ADDRESS_REFUSED } from './url-rules';

/** Operator-readable reasons for the socket and TLS error codes Node reports. */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ECONNABORTED: 'the connection was aborted',
  EPIPE: 'the connection was closed by the other side',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'name lookup failed (DNS did not answer)',
  EAI_FAIL: 'name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  EHOSTDOWN: 'host is down',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'the network is down',
  EADDRNOTAVAIL: 'no usable local network address',
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  CERT_NOT_YET_VALID: "the server's TLS certificate is not valid yet",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's TLS certificate chain is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate is not trusted",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's TLS certificate is not trusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for a different host name",
  EPROTO: 'the TLS handshake failed (is the address really https?)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the TLS handshake failed (is the address really https?)',
};

/** Codes that mean "too slow" rather than "unreachable". */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** The error code Node attached to a failure, if any. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Maps a socket-level failure to an `AppError` naming the host and the reason. Node's own message
 * is not used: it can carry addresses and internals the operator cannot act on.
 */
export function networkError(error: unknown, host: string): AppError {
  const code = errorCodeOf(error);
  // The URL rules refused the address a name resolved to: nothing was sent, and trying again will not help.
  if (code === ADDRESS_REFUSED && error instanceof Error) return new AppError('invalid-input', error.message);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new AppError('timeout', `Cannot reach ${host}: the connection timed out`, { cause: error });
  }
  if (code?.startsWith('HPE_')) {
    // llhttp parse errors: the peer is not speaking valid HTTP.
    return new AppError('network', `Cannot talk to ${host}: it sent an invalid HTTP response`, { cause: error });
  }
  const known = code !== undefined ? REASONS[code] : undefined;
  const reason = known ?? (code !== undefined ? `network error (${code})` : 'network error');
  return new AppError('network', `Cannot reach ${host}: ${reason}`, { cause: error });
}

/** The error for a response whose body stopped before it was complete. */
export function droppedError(host: string, bytes: number): AppError {
  return new AppError('network', `The connection to ${host} dropped after ${bytes} bytes`);
}

/** The error for a request that was cancelled by its caller or by closing the client. */
export function cancelledError(reason = 'The request was cancelled'): AppError {
  return new AppError('cancelled', reason);
}
