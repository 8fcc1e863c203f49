/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not replaced: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of each secret in `text` with `[redacted]`. Longer secrets go first,
 * so a secret that contains another is removed whole rather than leaving a recognisable rest.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const usable = [...new Set(secrets.filter((s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))];
  usable.sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of usable) {
    // split/join replaces every occurrence without building a RegExp from untrusted text.
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}
