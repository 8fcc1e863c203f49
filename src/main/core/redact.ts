/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not replaced: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** ASCII letters folded to lower case, nothing else touched, so offsets stay those of the original. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/**
 * Replaces every occurrence of each secret in `text` with `[redacted]`, whatever the case of its
 * letters (a host name or a percent-encoding may have been lower- or upper-cased on the way).
 * Longer secrets go first, so a secret that contains another is removed whole rather than leaving
 * a recognisable rest. Call it before cutting a text short: a cut secret is no longer found.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const usable = [...new Set(secrets.filter((s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))];
  usable.sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of usable) {
    const needle = foldAscii(secret);
    const folded = foldAscii(result);
    // indexOf on folded copies finds every occurrence without building a RegExp from untrusted text.
    let at = folded.indexOf(needle);
    if (at < 0) continue;
    const parts: string[] = [];
    let from = 0;
    while (at >= 0) {
      parts.push(result.slice(from, at), REDACTED);
      from = at + needle.length;
      at = folded.indexOf(needle, from);
    }
    parts.push(result.slice(from));
    result = parts.join('');
  }
  return result;
}

/** The forms a secret may take in text the app did not write: as is, and URL-encoded. */
export function secretForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret)];
}

/** Error data with every known secret removed from its message (the same object when there was none). */
export function redactErrorData<T extends { message: string }>(data: T, secrets: readonly string[]): T {
  const message = redact(data.message, secrets);
  return message === data.message ? data : { ...data, message };
}
