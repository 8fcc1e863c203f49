import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/main/core/redact';

describe('redact', () => {
  it('replaces every occurrence of a secret', () => {
    expect(redact('key=abc123; again abc123.', ['abc123'])).toBe('key=[redacted]; again [redacted].');
  });

  it('handles several secrets, the longer first', () => {
    expect(redact('token abcd-efgh and abcd', ['abcd', 'abcd-efgh'])).toBe('token [redacted] and [redacted]');
  });

  it('treats regular-expression characters literally', () => {
    expect(redact('k=a.b*c+(d)', ['a.b*c+(d)'])).toBe('k=[redacted]');
    expect(redact('aXbXc', ['a.b.'])).toBe('aXbXc');
  });

  it('leaves very short secrets alone rather than blanking common text', () => {
    expect(redact('the key is abc', ['abc', ''])).toBe('the key is abc');
  });

  it('never lets a secret of 4 or more characters through', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 40 }), fc.array(fc.string()), (secret, parts) => {
        const text = parts.join(secret);
        expect(redact(text, [secret]).includes(secret)).toBe(false);
      }),
    );
  });
});
