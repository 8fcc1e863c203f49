import type { BodyCutter } from '../http/read-body';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

/**
 * Watches a JSON list answer (`[{...}, {...}, ...]`) as it arrives and says where to stop once it
 * holds `quantity` complete objects and another value begins: bintu ignoring `quantity` then costs
 * the bytes of what was asked for, not of everything it sent. At the size limit it keeps the complete objects so far.
 * Any other shape (an object wrapping the list) is read whole, within the limit. Works on UTF-8
 * bytes: JSON's structural characters never occur inside a multi-byte sequence.
 */
export class JsonListCutter implements BodyCutter {
  private mode: 'start' | 'array' | 'other' | 'ended' = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private offset = 0;
  private complete = 0;
  private lastEnd = 0;

  constructor(private readonly quantity: number) {}

  /** Complete objects seen so far. */
  get objects(): number {
    return this.complete;
  }

  push(chunk: Buffer): number | null {
    const base = this.offset;
    this.offset += chunk.length;
    if (this.mode === 'other' || this.mode === 'ended') return null;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
        } else if (byte === BACKSLASH) {
          this.escaped = true;
        } else if (byte === QUOTE) {
          this.inString = false;
        } else {
          // Skip to the next quote or backslash: most bytes of a list are inside strings.
          const quote = chunk.indexOf(QUOTE, i);
          const slash = chunk.indexOf(BACKSLASH, i);
          const next = Math.min(quote < 0 ? chunk.length : quote, slash < 0 ? chunk.length : slash);
          i = next - 1;
        }
        continue;
      }
      if (this.mode === 'start') {
        if (WHITESPACE.has(byte)) continue;
        this.mode = byte === OPEN_ARRAY ? 'array' : 'other';
        if (this.mode === 'other') return null;
        this.depth = 1;
        continue;
      }
      if (this.complete >= this.quantity && this.depth === 1 && byte !== COMMA && byte !== CLOSE_ARRAY && !WHITESPACE.has(byte)) {
        // A value after the last one asked for: there is more, so the answer is cut here.
        return this.lastEnd;
      }
      if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        this.depth++;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        this.depth--;
        if (this.depth === 0) {
          this.mode = 'ended';
          return null;
        }
        if (this.depth === 1) {
          this.complete++;
          this.lastEnd = base + i + 1;
        }
      }
    }
    return null;
  }

  atLimit(): number | null {
    return this.mode === 'array' && this.complete > 0 ? this.lastEnd : null;
  }

  /** Turns a kept prefix (ending after a complete object) into a valid JSON array. */
  static close(prefix: Buffer): Buffer {
    return Buffer.concat([prefix, Buffer.from(']')]);
  }
}
