import { describe, expect, it } from 'vitest';
import { EMPTY_WALL, mergeWalls } from '../../../src/main/core/session/merge-walls';
import type { ConnectionStatus, WallView } from '../../../src/shared/view';

function wall(profileId: string, status: ConnectionStatus, options: { offlineSince?: number; fromCache?: boolean; streams?: number } = {}): WallView {
  const connection = { status, lastPollAt: 10, lastSuccessAt: status === 'online' ? 10 : 5, offlineSince: options.offlineSince ?? null, error: null, requests: 7, bytes: 99 };
  const fromCache = options.fromCache ?? false;
  const streams = Array.from({ length: options.streams ?? 1 }, (_, i) => ({
    id: `${profileId}/s${i}`, streamId: `s${i}`, profileId, name: `s${i}`, state: 'live' as const, rawState: 'live', tags: [], createdAt: null, variants: [], recordings: [], hasReplay: false, gone: false,
  }));
  return { connection, organisations: [{ profileId, name: profileId, connection, fromCache, truncated: false, quantity: 50 }], streams, truncated: false, quantity: 50, fromCache };
}

describe('the merged wall', () => {
  it('is exactly one organisation\'s wall when one is on it, and empty with none', () => {
    const one = wall('a', 'offline', { offlineSince: 3 });
    expect(mergeWalls([one])).toBe(one);
    expect(mergeWalls([])).toBe(EMPTY_WALL);
  });

  it('keeps every tile and each organisation\'s own connection; one outage reads as degraded, not offline', () => {
    const merged = mergeWalls([wall('a', 'online', { streams: 2 }), wall('b', 'offline', { offlineSince: 3, streams: 3 })]);
    expect(merged.streams.map((s) => s.id)).toEqual(['a/s0', 'a/s1', 'b/s0', 'b/s1', 'b/s2']);
    expect(merged.organisations.map((o) => [o.profileId, o.connection.status])).toEqual([['a', 'online'], ['b', 'offline']]);
    expect(merged.connection).toMatchObject({ status: 'degraded', offlineSince: null, lastSuccessAt: 10, requests: 7, bytes: 99 });
  });

  it('is offline (since the first outage) only when every organisation is', () => {
    const merged = mergeWalls([wall('a', 'offline', { offlineSince: 8 }), wall('b', 'offline', { offlineSince: 3 })]);
    expect(merged.connection).toMatchObject({ status: 'offline', offlineSince: 3 });
    expect(mergeWalls([wall('a', 'credential-rejected'), wall('b', 'online')]).connection.status).toBe('degraded');
    expect(mergeWalls([wall('a', 'connecting'), wall('b', 'online')]).connection.status).toBe('connecting');
  });

  it('is from the cache as a whole only while every organisation\'s is', () => {
    expect(mergeWalls([wall('a', 'online', { fromCache: true }), wall('b', 'online')]).fromCache).toBe(false);
    expect(mergeWalls([wall('a', 'offline', { fromCache: true }), wall('b', 'offline', { fromCache: true })]).fromCache).toBe(true);
  });
});
