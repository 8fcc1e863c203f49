import { parseProxyUrl, type ProxySetting } from '../../../shared/proxy-url';
import { classifyAddress, isIpLiteral } from './address-class';
import { DIRECT, type ProxyResolver, type ProxyRoute } from './proxy-route';

/** What decides the way out: the setting (or policy) in force, the system's answer, the sign-in. */
export interface ProxyChoiceDeps {
  /** The proxy setting in force (the policy's, when it pins one). */
  setting: ProxySetting;
  /** The system's route for a URL: Chromium's resolution in the app, the environment in the CLI. */
  system: (url: URL) => Promise<ProxyRoute>;
  /** The keychain's sign-in for the proxy set in Settings, when there is one. */
  signIn: { username: string; password: string } | null;
}

/** How long the system's answer for an origin is reused: PAC scripts and OS settings change rarely. */
const SYSTEM_ANSWER_MS = 30_000;
/** Origins remembered at most, so a wall of many asset hosts cannot grow the cache without end. */
const MAX_REMEMBERED = 500;

/**
 * The route of every request. This computer itself is always direct (the built-in demo, a local
 * simulator), as Chromium does. `direct` uses no proxy; `manual` the proxy given in Settings, with
 * its sign-in from the keychain; `system` asks the system once per origin (and again after
 * 30 s), so a PAC script that decides by path is followed per host, not per path.
 */
export function proxyResolver(deps: ProxyChoiceDeps, now: () => number = Date.now): ProxyResolver {
  const remembered = new Map<string, { route: Promise<ProxyRoute>; until: number }>();
  const manual = deps.setting.mode === 'manual' ? parseProxyUrl(deps.setting.url) : null;
  return async (url) => {
    if (isLoopback(url.hostname)) return DIRECT;
    if (deps.setting.mode === 'direct') return DIRECT;
    if (deps.setting.mode === 'manual') {
      if (manual === null) return DIRECT;
      return { kind: 'proxy', proxy: deps.signIn === null ? manual : { ...manual, credentials: deps.signIn } };
    }
    const origin = url.origin;
    const known = remembered.get(origin);
    if (known !== undefined && known.until > now()) return known.route;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    const route = deps.system(url).catch(() => DIRECT);
    remembered.set(origin, { route, until: now() + SYSTEM_ANSWER_MS });
    return route;
  };
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIpLiteral(host)) return classifyAddress(host) === 'loopback';
  return host === 'localhost' || host.endsWith('.localhost');
}
