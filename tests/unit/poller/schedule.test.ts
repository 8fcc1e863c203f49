import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assetIntervalMs, backoffMs, nextAssetFetch, AFTER_CHANGE_MARGIN_MS } from '../../../src/main/core/poller/schedule';

describe('asset schedule', () => {
  it('never asks more often than every 10 s, whatever bintu says', () => {
    expect(assetIntervalMs(1)).toBe(10_000);
    expect(assetIntervalMs(45)).toBe(45_000);
    expect(assetIntervalMs(null)).toBeGreaterThanOrEqual(10_000);
    expect(assetIntervalMs(Number.NaN)).toBeGreaterThanOrEqual(10_000);
  });

  it('asks right after the producer\'s next write when its phase is known', () => {
    const now = 1_000_000;
    expect(nextAssetFetch(now, 10_000, now - 2_000, 0)).toBe(now + 8_000 + AFTER_CHANGE_MARGIN_MS);
  });

  it('falls back to one interval from now when the phase is stale or unknown', () => {
    const now = 1_000_000;
    expect(nextAssetFetch(now, 10_000, null, 0)).toBe(now + 10_000);
    expect(nextAssetFetch(now, 10_000, now - 600_000, 0)).toBe(now + 10_000);
  });

  it('the next fetch is always at least a second away and at most about one interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 3600 }), fc.integer({ min: -4_000_000, max: 0 }), fc.integer({ min: 0, max: 400 }), (seconds, offset, jitter) => {
        const now = 10_000_000;
        const at = nextAssetFetch(now, seconds * 1000, now + offset, jitter);
        return at >= now + 1000 && at <= now + seconds * 1000 + AFTER_CHANGE_MARGIN_MS + 1000 + jitter;
      }),
    );
  });

  it('backs off exponentially up to a cap', () => {
    const mid = (): number => 0.5;
    expect(backoffMs(1000, 1, 60_000, mid)).toBe(1000);
    expect(backoffMs(1000, 3, 60_000, mid)).toBe(4000);
    expect(backoffMs(1000, 30, 60_000, mid)).toBe(60_000);
  });
});

describe('asset schedule near the producer\'s write', () => {
  it('waits for a write due within the second instead of slipping a whole interval', () => {
    const now = 1_000_000;
    const producedAt = now - 10_000 - AFTER_CHANGE_MARGIN_MS + 500; // next write expected in 0.5 s
    expect(nextAssetFetch(now, 10_000, producedAt, 0)).toBe(now + 1000);
  });
});
