import { parseProxyUrl } from '../../../shared/proxy-url';
import { DIRECT, type ProxyRoute } from './proxy-route';

/**
 * The proxy the environment names for a URL, as curl and most command-line tools read it:
 * `https_proxy`/`HTTPS_PROXY` for https, `http_proxy`/`HTTP_PROXY` for http (lower case first),
 * `ALL_PROXY` for either, and `NO_PROXY` (`*`, host names, `.domain` or `*.domain` suffixes,
 * optional `:port`, IP addresses) for the hosts that go direct. A sign-in in the proxy's address
 * (`http://user:pass@proxy:3128`) is used for the proxy and never shown.
 */
export function envProxyRoute(url: URL, env: NodeJS.ProcessEnv): ProxyRoute {
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const value = read(env, `${scheme}_proxy`) ?? read(env, 'all_proxy');
  if (value === undefined) return DIRECT;
  if (bypassed(url, read(env, 'no_proxy') ?? '')) return DIRECT;
  const parsed = parseProxyUrl(value, { allowSignIn: true });
  if (parsed === null) return DIRECT;
  const { username, password, ...endpoint } = parsed;
  return {
    kind: 'proxy',
    proxy: username !== undefined || password !== undefined ? { ...endpoint, credentials: { username: username ?? '', password: password ?? '' } } : endpoint,
  };
}

/** The sign-ins the proxy variables carry, in the forms a line could show them: for redaction. */
export function envProxySecrets(env: NodeJS.ProcessEnv): string[] {
  return ['https_proxy', 'http_proxy', 'all_proxy'].flatMap((name) => {
    const value = read(env, name);
    const parsed = value === undefined ? null : parseProxyUrl(value, { allowSignIn: true });
    if (parsed?.password === undefined || parsed.password === '') return [];
    return [parsed.password, encodeURIComponent(parsed.password), Buffer.from(`${parsed.username ?? ''}:${parsed.password}`).toString('base64')];
  });
}

/** Whether the environment names a proxy at all (for the CLI's own messages). */
export function envNamesProxy(env: NodeJS.ProcessEnv): boolean {
  return ['https_proxy', 'http_proxy', 'all_proxy'].some((name) => read(env, name) !== undefined);
}

function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((entry) => {
      if (entry === '*') return true;
      // A bare IPv6 address has colons of its own and no port.
      if (!entry.startsWith('[') && entry.split(':').length > 2) return host === entry.toLowerCase();
      const match = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[(.*)\](:\d+)?$/, '$1$2'));
      const name = (match?.[1] ?? entry).toLowerCase().replace(/^\*/, '');
      if (match?.[2] !== undefined && match[2] !== port) return false;
      if (name.startsWith('.')) return host.endsWith(name) || host === name.slice(1);
      return host === name || host.endsWith(`.${name}`);
    });
}
