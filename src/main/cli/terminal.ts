/**
 * Characters a terminal acts on instead of printing: C0 controls (escape sequences, carriage
 * return, backspace), DEL, C1 controls (an 8-bit CSI), line and paragraph separators, and the
 * bidirectional overrides that make text read differently from what it is.
 */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const ACTIVE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A bintu string made inert for a terminal: every active character shown as an escape (`\e`, `\x07`, `\u202e`). */
export function escapeTerminal(text: string): string {
  return text.replace(ACTIVE, escapeOne);
}

/** A whole line of plain output made inert, keeping the line breaks the CLI itself put there. */
export function escapeLines(text: string): string {
  return text.replace(ACTIVE_BUT_NEWLINE, escapeOne);
}

/**
 * JSON output made inert without changing what it says: `JSON.stringify` leaves C1 controls,
 * separators and bidi overrides raw inside strings; here they become `\u` escapes, which parse
 * back to the very same strings.
 */
export function escapeJson(json: string): string {
  return json.replace(ACTIVE_BUT_NEWLINE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Cuts a cell to `max` characters, marking the cut with `…`. */
export function fitCell(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
