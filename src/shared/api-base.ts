/** Host names that stay on this computer: the only ones allowed over plain http (the simulator). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** What is wrong with an API base, for the page to say in the operator's language. */
export type ApiBaseProblem = 'empty' | 'invalid' | 'scheme' | 'insecure' | 'credentials' | 'query' | 'fragment';

/** The outcome of checking an API base the operator typed (`message` in English, for main and the CLI). */
export type ApiBaseCheck = { ok: true; url: string } | { ok: false; problem: ApiBaseProblem; message: string };

/**
 * Checks and normalises a bintu API base: `https://` (plain `http://` only for loopback), no
 * credentials, query or fragment in the URL. The result has no trailing slash, so routes are
 * appended as `${url}/stream`. A bare host name is read as `https://host`.
 */
export function checkApiBase(input: string): ApiBaseCheck {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty', message: 'Enter the API base, for example https://bintu.nanocosmos.de.' };
  if (/^https?:(?!\/\/)/i.test(text)) return { ok: false, problem: 'invalid', message: 'The API base is not a valid web address.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && text.includes('://') ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'invalid', message: 'The API base is not a valid web address.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: 'scheme', message: 'The API base must start with https://.' };
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return {
      ok: false,
      problem: 'insecure',
      message:
        'The API base must use https://; plain http:// is only allowed for this computer (localhost, 127.0.0.1, ::1).',
    };
  }
  if (url.username !== '' || url.password !== '' || /^[^/]*\/\/[^/]*@/.test(withScheme)) {
    return { ok: false, problem: 'credentials', message: 'The API base must not contain a user name or password; the key is entered separately.' };
  }
  // The URL parser drops an empty "?" or "#", so look at the text as typed as well.
  if (url.search !== '' || withScheme.includes('?')) {
    return { ok: false, problem: 'query', message: 'The API base must not contain a query (the part after "?").' };
  }
  if (url.hash !== '' || withScheme.includes('#')) {
    return { ok: false, problem: 'fragment', message: 'The API base must not contain a fragment (the part after "#").' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}
