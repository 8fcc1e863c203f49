import { parseProxyUrl, type ProxyEndpoint } from '../../../shared/proxy-url';

/** How one request leaves this computer: straight to its host, or through an HTTP proxy. */
export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; proxy: ProxyAddress };

/** A proxy's address with its sign-in, when it has one. The sign-in never leaves main. */
export interface ProxyAddress extends ProxyEndpoint {
  /** Basic sign-in for the proxy (the keychain's, or the CLI's environment); never in settings or a log. */
  credentials?: { username: string; password: string };
}

/** Decides the route of each request; resolvers may be asynchronous (PAC, the system). */
export type ProxyResolver = (url: URL) => Promise<ProxyRoute>;

export const DIRECT: ProxyRoute = Object.freeze({ kind: 'direct' });

/**
 * Reads what Chromium's proxy resolution answers for a URL (`session.resolveProxy`): entries like
 * `DIRECT`, `PROXY host:port`, `HTTPS host:port`, separated by `;`, tried in order. The first
 * entry this client can use wins; SOCKS entries are skipped (the client speaks HTTP proxies only),
 * and an answer with nothing usable is direct.
 */
export function parsePacAnswer(answer: string): ProxyRoute {
  for (const entry of answer.split(';')) {
    const [kind = '', where = ''] = entry.trim().split(/\s+/, 2);
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return DIRECT;
    if (type !== 'PROXY' && type !== 'HTTPS' && type !== 'HTTP') continue;
    const proxy = parseProxyUrl(`${type === 'HTTPS' ? 'https' : 'http'}://${where}`);
    if (proxy !== null) return { kind: 'proxy', proxy };
  }
  return DIRECT;
}

/** The proxy as the operator knows it, for messages: scheme, host and port, never the sign-in. */
export function describeProxy(proxy: ProxyAddress): string {
  const host = proxy.host.includes(':') && !proxy.host.startsWith('[') ? `[${proxy.host}]` : proxy.host;
  return `${proxy.protocol}//${host}:${proxy.port}`;
}

/** The URL the proxy agents take, with the sign-in encoded into it (stays inside the agent). */
export function agentProxyUrl(proxy: ProxyAddress): URL {
  const url = new URL(describeProxy(proxy));
  if (proxy.credentials !== undefined) {
    url.username = encodeURIComponent(proxy.credentials.username);
    url.password = encodeURIComponent(proxy.credentials.password);
  }
  return url;
}

/** A key naming one route, for sharing agents between requests that take it. */
export function routeKey(route: ProxyRoute): string {
  if (route.kind === 'direct') return 'direct';
  const { credentials } = route.proxy;
  // The sign-in is part of the identity (a changed password needs new sockets) without being in the key.
  return `${describeProxy(route.proxy)}#${credentials === undefined ? '' : credentialTag(credentials)}`;
}

const tags = new WeakMap<object, number>();
let nextTag = 1;
function credentialTag(credentials: object): number {
  let tag = tags.get(credentials);
  if (tag === undefined) {
    tag = nextTag++;
    tags.set(credentials, tag);
  }
  return tag;
}
