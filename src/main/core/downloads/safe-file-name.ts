/**
 * File names for downloads: whatever a recording URL or a state file says, the name that reaches
 * the disk is one plain file name, valid on Windows, macOS and Linux, that cannot leave the folder.
 */

/** Longest name in UTF-8 bytes: leaves room for ` (999)` and `.part` under the common 255-byte limit. */
const MAX_NAME_BYTES = 200;

/** The name used when nothing usable is left of the original. */
const FALLBACK_STEM = 'recording';

/** Device names Windows reserves in every folder, with or without an extension. */
const RESERVED_WINDOWS = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** A trailing extension: a dot and 1 to 10 letters or digits. */
const EXTENSION = /^(.*?)(\.[\p{L}\p{N}]{1,10})?$/u;

/**
 * Sanitises a file name: no path separators, no `..`, no control or invisible formatting
 * characters, none of the characters Windows forbids, no leading dot (hidden files), no trailing
 * dots or spaces (Windows drops them), no reserved Windows device names, at most 200 bytes.
 * The extension is kept, also when the name is shortened.
 */
export function safeFileName(name: string): string {
  let current = sanitise(name);
  // Trimming can expose a new extension or a new trailing space ("a .b." -> "a .b"), so repeat
  // until nothing changes: the result must pass its own check (the folder check relies on it).
  for (let pass = 0; pass < 4; pass++) {
    const next = sanitise(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function sanitise(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\t\n\r\v\f]+/g, ' ')
    // Control characters, and invisible ones such as U+202E that make "gpj.exe" read "exe.jpg".
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[/\\]/g, '_')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ');
  const match = EXTENSION.exec(cleaned);
  const ext = match?.[2] ?? '';
  let stem = tidyStem(match?.[1] ?? '');
  if (stem === '') stem = FALLBACK_STEM;
  const firstPart = stem.split('.')[0]?.trim() ?? '';
  if (RESERVED_WINDOWS.test(firstPart)) stem = `_${stem}`;
  stem = tidyStem(truncateBytes(stem, MAX_NAME_BYTES - byteLength(ext)));
  return `${stem === '' ? FALLBACK_STEM : stem}${ext}`;
}

/** The name with a collision suffix before the extension: `a.mp4`, `a (1).mp4`, `a (2).mp4`. */
export function withSuffix(name: string, n: number): string {
  if (n <= 0) return name;
  const match = EXTENSION.exec(name);
  return `${match?.[1] ?? name} (${n})${match?.[2] ?? ''}`;
}

/** Folds runs of dots (no `..` anywhere) and trims dots and spaces from both ends. */
function tidyStem(stem: string): string {
  return stem.replace(/\.{2,}/g, '.').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
function truncateBytes(text: string, max: number): string {
  if (byteLength(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > max) break;
    out += char;
    used += size;
  }
  return out;
}
