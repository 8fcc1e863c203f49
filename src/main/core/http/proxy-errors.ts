import type http from 'node:http';
import { TLSSocket } from 'node:tls';
import { AppError } from '../errors';
import { errorCodeOf, networkError } from './network-errors';
import { describeProxy, type ProxyAddress } from './proxy-route';

/** Socket failures that can only happen on the way to the proxy: past it, the proxy answers instead. */
const PROXY_CONNECT_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'it refused the connection (is it running, and on that port?)',
  ENOTFOUND: 'its host name was not found',
  EAI_AGAIN: 'its host name could not be looked up (DNS did not answer)',
  EAI_FAIL: 'its host name could not be looked up',
  EHOSTUNREACH: 'its host is unreachable',
  EHOSTDOWN: 'its host is down',
  ENETUNREACH: 'the network to it is unreachable',
  ETIMEDOUT: 'the connection to it timed out',
};

const WHERE = 'Check that the proxy is running, or choose another one under Settings, Network.';

/**
 * Maps a socket failure on a proxied request. Failures on the way to the proxy name the proxy
 * (its address without the sign-in); the rest (a reset inside a tunnel, a TLS failure of the far
 * host) are the far host's, as without a proxy.
 */
export function proxiedNetworkError(error: unknown, host: string, proxy: ProxyAddress): AppError {
  const code = errorCodeOf(error);
  const reason = code !== undefined ? PROXY_CONNECT_REASONS[code] : undefined;
  if (reason === undefined) return networkError(error, host);
  return new AppError('proxy-unreachable', `Cannot reach the proxy ${describeProxy(proxy)}: ${reason}. ${WHERE}`, { cause: error });
}

/**
 * Whether a response came from the proxy rather than through it: a 407 always does; for https a
 * response that did not arrive over TLS is the proxy's answer to CONNECT (the tunnel agent hands
 * a refused CONNECT's answer on as the response).
 */
export function isProxyAnswer(res: http.IncomingMessage, url: URL): boolean {
  if (res.statusCode === 407) return true;
  return url.protocol === 'https:' && !(res.socket instanceof TLSSocket);
}

/** The error for the proxy's own refusal: a sign-in it wants (407), or a connection it will not make. */
export function proxyAnswerError(status: number, host: string, proxy: ProxyAddress): AppError {
  const where = describeProxy(proxy);
  if (status === 407) {
    const message =
      proxy.credentials === undefined
        ? `The proxy ${where} asks for a sign-in. Enter its user name and password under Settings, Network.`
        : `The proxy ${where} did not accept the user name and password. Correct them under Settings, Network.`;
    return new AppError('proxy-auth-required', message, { status });
  }
  return new AppError('proxy-refused', `The proxy ${where} refused the connection to ${host} (HTTP ${status}). Ask your IT department to allow ${host} through the proxy.`, { status });
}
