import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { UrlRules } from './url-rules';

type Agents = { 'http:': http.Agent; 'https:': https.Agent };

/** Idle sockets of rule-bound agents close after this, so a replaced connection leaves none open. */
const IDLE_SOCKET_MS = 30_000;

/**
 * The client's keep-alive agents: one pair for the API base (no address rules: the operator chose
 * it) and one pair per set of URL rules, whose lookup hook checks every address a name resolves to
 * before the socket connects. Rules that allow the same things share agents, so sockets are only
 * reused between requests that would have been allowed to open them.
 */
export class AgentPool {
  private readonly plain: Agents;
  private readonly ruled = new Map<string, Agents>();
  private readonly resolverIds = new WeakMap<object, number>();
  private nextResolverId = 1;
  private maxSockets: number;

  constructor(maxSockets: number) {
    this.maxSockets = maxSockets;
    this.plain = this.make();
  }

  /** The agent for a request: the API's own, or one bound to these rules (after `rules.apiClass()`). */
  agentFor(protocol: 'http:' | 'https:', rules?: UrlRules): http.Agent {
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

  private all(): http.Agent[] {
    return [this.plain, ...this.ruled.values()].flatMap((agents) => [agents['http:'], agents['https:']]);
  }

  private make(rules?: UrlRules): Agents {
    const base = { keepAlive: true, maxSockets: this.maxSockets, maxFreeSockets: this.maxSockets, scheduling: 'lifo' as const };
    if (rules === undefined) return { 'http:': new http.Agent(base), 'https:': new https.Agent(base) };
    const options = (protocol: 'http:' | 'https:') => ({ ...base, timeout: IDLE_SOCKET_MS, lookup: guardedLookup(rules, protocol) });
    return { 'http:': new http.Agent(options('http:')), 'https:': new https.Agent(options('https:')) };
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
