import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/main/core/http/retry-after';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads a delay in seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(now + 30_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(now);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:01:30 GMT', now)).toBe(now + 90_000);
  });

  it('treats a date in the past as now', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(now);
  });

  it('caps absurd waits so the wall cannot stop for good', () => {
    expect(parseRetryAfter('999999999', now)).toBe(now + MAX_RETRY_AFTER_MS);
  });

  it('ignores missing or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
