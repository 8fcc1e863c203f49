import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { agentProxyUrl, routeKey, type ProxyRoute } from './proxy-route';
import type { UrlRules } from './url-rules';

type Agents = { 'http:': http.Agent; 'https:': http.Agent };

/** TLS settings every agent shares: extra trusted certificates (an on-premises CA, the tests'). */
export interface TlsOptions {
  ca?: string | Buffer | Array<string | Buffer>;
}

/** Idle sockets of rule-bound agents close after this, so a replaced connection leaves none open. */
const IDLE_SOCKET_MS = 30_000;

/**
 * The client's keep-alive agents: one pair for the API base (no address rules: the operator chose
 * it) and one pair per set of URL rules, whose lookup hook checks every address a name resolves to
 * before the socket connects. Rules that allow the same things share agents, so sockets are only
 * reused between requests that would have been allowed to open them.
 *
 * Through a proxy, one pair per proxy (and sign-in): https goes through a CONNECT tunnel with TLS
 * to the host inside it, plain http to the proxy as an absolute-URL request. The proxy agents are
 * `http.Agent`s too (agent-base), pooled per target host, so the per-host cap and keep-alive hold
 * there as well. The proxy resolves the target's name, so the rules' address check runs before
 * sending instead (see `HttpClient`).
 */
export class AgentPool {
  private readonly plain: Agents;
  private readonly ruled = new Map<string, Agents>();
  private readonly proxied = new Map<string, Agents>();
  private readonly resolverIds = new WeakMap<object, number>();
  private nextResolverId = 1;
  private maxSockets: number;

  constructor(
    maxSockets: number,
    private readonly tls: TlsOptions = {},
  ) {
    this.maxSockets = maxSockets;
    this.plain = this.make();
  }

  /**
   * The agent for a request: the API's own, one bound to these rules (after `rules.apiClass()`),
   * or the agent of the proxy its route names.
   */
  agentFor(protocol: 'http:' | 'https:', rules?: UrlRules, route?: ProxyRoute): http.Agent {
    if (route !== undefined && route.kind === 'proxy') {
      const key = routeKey(route);
      let agents = this.proxied.get(key);
      if (agents === undefined) {
        agents = this.makeProxied(route);
        this.proxied.set(key, agents);
      }
      return agents[protocol];
    }
    if (rules === undefined) return this.plain[protocol];
    const key = `${rules.apiClassNow()}|${this.resolverId(rules.resolve)}`;
    let agents = this.ruled.get(key);
    if (agents === undefined) {
      agents = this.make(rules);
      this.ruled.set(key, agents);
    }
    return agents[protocol];
  }

  /** Applies a new per-host cap to every agent (see `HttpClient.setMaxSocketsPerHost`). */
  setMaxSockets(value: number): void {
    this.maxSockets = value;
    for (const agent of this.all()) {
      agent.maxSockets = value;
      agent.maxFreeSockets = value;
    }
  }

  /** The per-host cap in force. */
  maxSocketsPerHost(): number {
    return this.maxSockets;
  }

  /** Closes every pooled socket. */
  destroy(): void {
    for (const agent of this.all()) agent.destroy();
  }

  /**
   * Forgets the proxy agents: a changed proxy setting or sign-in must not keep using tunnels
   * opened under the old one. Requests in flight finish on their sockets; idle ones close.
   */
  dropProxies(): void {
    for (const agents of this.proxied.values()) {
      agents['http:'].destroy();
      agents['https:'].destroy();
    }
    this.proxied.clear();
  }

  private all(): http.Agent[] {
    return [this.plain, ...this.ruled.values(), ...this.proxied.values()].flatMap((agents) => [agents['http:'], agents['https:']]);
  }

  private makeProxied(route: Extract<ProxyRoute, { kind: 'proxy' }>): Agents {
    const proxy = agentProxyUrl(route.proxy);
    const options = { keepAlive: true, maxSockets: this.maxSockets, maxFreeSockets: this.maxSockets, scheduling: 'lifo' as const, timeout: IDLE_SOCKET_MS, ...this.tls };
    return { 'http:': new HttpProxyAgent(proxy, options), 'https:': new HttpsProxyAgent(proxy, options) };
  }

  private make(rules?: UrlRules): Agents {
    const base = { keepAlive: true, maxSockets: this.maxSockets, maxFreeSockets: this.maxSockets, scheduling: 'lifo' as const };
    if (rules === undefined) return { 'http:': new http.Agent(base), 'https:': new https.Agent({ ...base, ...this.tls }) };
    const options = (protocol: 'http:' | 'https:') => ({ ...base, timeout: IDLE_SOCKET_MS, lookup: guardedLookup(rules, protocol) });
    return { 'http:': new http.Agent(options('http:')), 'https:': new https.Agent({ ...options('https:'), ...this.tls }) };
  }

  private resolverId(resolve: object): number {
    let id = this.resolverIds.get(resolve);
    if (id === undefined) {
      id = this.nextResolverId++;
      this.resolverIds.set(resolve, id);
    }
    return id;
  }
}

/**
 * A socket lookup that resolves with the rules' resolver and refuses the connection when any
 * address of the name is one the rules do not allow: the check is on what is really connected.
 */
function guardedLookup(rules: UrlRules, protocol: 'http:' | 'https:'): LookupFunction {
  const lookup = (hostname: string, options: { family?: number | string; all?: boolean }, callback: (...args: unknown[]) => void): void => {
    rules.resolve(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const addresses = found.filter((a) => family === 0 || a.family === family);
        const refused = addresses.find((a) => !rules.allowsAddress(a.address, protocol));
        if (refused !== undefined) return callback(rules.refusedAddress(hostname, refused.address));
        const first = addresses[0];
        if (first === undefined) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }));
        if (options.all === true) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error),
    );
  };
  return lookup as unknown as LookupFunction;
}
