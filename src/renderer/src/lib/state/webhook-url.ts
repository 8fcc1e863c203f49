/** What the operator typed as the webhook address: an address to save (null for none), or refused. */
export type WebhookCheck = { readonly ok: true; readonly value: string | null } | { readonly ok: false };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Checks a webhook address as the operator types it: empty for none, an `https://` address, or
 * `http://` to this computer only (a local relay), since alarm events must not cross a network
 * in the clear. Main validates again when it saves.
 */
export function checkWebhookUrl(input: string): WebhookCheck {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  if (text.length > 2000) return { ok: false };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false };
  }
  if (url.username !== '' || url.password !== '') return { ok: false };
  if (url.protocol === 'https:' && url.hostname !== '') return { ok: true, value: text };
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return { ok: true, value: text };
  return { ok: false };
}
