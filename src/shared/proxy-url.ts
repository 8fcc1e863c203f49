import { z } from 'zod';

/** A proxy's address as typed in Settings or a policy: scheme, host and port, no sign-in. */
export interface ProxyEndpoint {
  /** `http:` or `https:` (the scheme used to talk to the proxy itself). */
  protocol: 'http:' | 'https:';
  host: string;
  port: number;
}

/**
 * Reads `http://host:port` (a missing scheme means http). A user name or password in the address
 * is refused unless `allowSignIn` (the CLI's environment variables): an address is shown and
 * logged, while a sign-in belongs in the keychain.
 */
export function parseProxyUrl(
  text: string,
  options: { allowSignIn?: boolean } = {},
): (ProxyEndpoint & { username?: string; password?: string }) | null {
  const value = text.trim();
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  const signIn = url.username !== '' || url.password !== '';
  if (signIn && options.allowSignIn !== true) return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return null;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!signIn) return { protocol: url.protocol, host, port };
  return { protocol: url.protocol, host, port, username: safeDecode(url.username), password: safeDecode(url.password) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What a proxy address may be where an operator or a policy types one. */
export const proxyUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((text) => parseProxyUrl(text) !== null, {
    message: 'enter the proxy as http://host:port (or https://host:port), without a user name or password',
  });

/** How the app finds its way out: the system's proxy settings, no proxy, or the one given here. */
export const proxySettingSchema = z
  .object({
    mode: z.enum(['system', 'direct', 'manual']),
    /** The proxy for `manual`; kept while another mode is chosen, so switching back keeps it. */
    url: z.string().trim().max(500),
  })
  .refine((value) => value.mode !== 'manual' || parseProxyUrl(value.url) !== null, {
    message: 'enter the proxy as http://host:port (or https://host:port), without a user name or password',
    path: ['url'],
  });
export type ProxySetting = z.infer<typeof proxySettingSchema>;

export const DEFAULT_PROXY_SETTING: ProxySetting = { mode: 'system', url: '' };
