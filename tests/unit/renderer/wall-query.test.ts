import { describe, expect, it } from 'vitest';
import { changeRanks, groupTags, lastChange, matchesFilter, matchesSearch, sortTiles, tagKey } from '../../../src/renderer/src/lib/state/wall-query';
import { asset, collator, tile, variant } from './tile-fixtures';

const filter = (over: Partial<{ search: string; states: string[]; tags: string[]; profiles: string[] }> = {}) => ({
  search: '',
  states: [],
  tags: [],
  profiles: [],
  ...over,
});

describe('search', () => {
  const table = tile('5f2c0a1e-stream', {
    name: 'Casino Floor A — Table 12',
    variants: [variant(0, { id: '5f2c0a1e-stream', streamname: 'XKR7A-hn3pq' }), variant(1, { id: '77aa-720' })],
  });

  it('finds a stream by any part of its name, ignoring case', () => {
    expect(matchesSearch(table, 'table 12')).toBe(true);
    expect(matchesSearch(table, 'CASINO')).toBe(true);
    expect(matchesSearch(table, 'roulette')).toBe(false);
  });

  it('finds a stream by its id, a quality id or its ingest stream name, as pasted from a ticket', () => {
    expect(matchesSearch(table, '5f2c0a1e')).toBe(true);
    expect(matchesSearch(table, '77aa-720')).toBe(true);
    expect(matchesSearch(table, 'xkr7a-HN3PQ')).toBe(true);
  });

  it('needs every word to match somewhere', () => {
    expect(matchesSearch(table, 'casino 12')).toBe(true);
    expect(matchesSearch(table, 'casino roulette')).toBe(false);
    expect(matchesSearch(table, '   ')).toBe(true);
  });
});

describe('filter', () => {
  const live = tile('a', { tags: ['casino', 'location:berlin'] });
  const ended = tile('b', { state: 'ended', rawState: 'ended', tags: ['casino'] });
  const locked = tile('c', { state: 'locked', rawState: 'locked', tags: ['location:berlin'] });

  it('keeps streams in any of the chosen states', () => {
    const f = filter({ states: ['live', 'locked'] });
    expect([live, ended, locked].filter((t) => matchesFilter(t, f)).map((t) => t.id)).toEqual(['a', 'c']);
  });

  it('keeps only streams that carry every chosen tag', () => {
    expect([live, ended, locked].filter((t) => matchesFilter(t, filter({ tags: ['casino'] }))).map((t) => t.id)).toEqual(['a', 'b']);
    expect([live, ended, locked].filter((t) => matchesFilter(t, filter({ tags: ['casino', 'location:berlin'] }))).map((t) => t.id)).toEqual(['a']);
  });

  it('keeps streams of any of the chosen organisations, and finds them by the organisation\'s name or chip', () => {
    const other = tile('p2/a', { name: 'Lobby', streamId: 'a', profileId: 'p2', variants: [variant(0, { id: 'a-v0' })] });
    const tiles = [live, other];
    expect(tiles.filter((t) => matchesFilter(t, filter({ profiles: ['p2'] }))).map((t) => t.id)).toEqual(['p2/a']);
    expect(tiles.filter((t) => matchesFilter(t, filter({ profiles: ['p1', 'p2'] }))).map((t) => t.id)).toEqual(['a', 'p2/a']);
    const names = new Map([['p1', 'Studio STU'], ['p2', 'Customer Nord NORD']]);
    expect(tiles.filter((t) => matchesFilter(t, filter({ search: 'nord' }), undefined, names.get(t.profileId))).map((t) => t.id)).toEqual(['p2/a']);
    // The wall key's profile part is no search text: "p2" finds nothing by it.
    expect(matchesSearch(other, 'p2')).toBe(false);
  });

  it('combines search, states and tags', () => {
    const f = filter({ search: 'a', states: ['live', 'ended'], tags: ['casino'] });
    expect([live, ended, locked].filter((t) => matchesFilter(t, f)).map((t) => t.id)).toEqual(['a']);
  });
});

describe('sort', () => {
  it('sorts names as people read them, numbers by value', () => {
    const tiles = ['Table 10', 'table 2', 'Table 1'].map((name) => tile(name, { name }));
    expect(sortTiles(tiles, 'name', collator).map((t) => t.name)).toEqual(['Table 1', 'table 2', 'Table 10']);
  });

  it('puts live first, then locked, created, ended, and keeps slot order among equals', () => {
    const states = ['ended', 'live', 'created', 'locked', 'live'] as const;
    const tiles = states.map((state, i) => tile(`s${i}`, { state, rawState: state }));
    expect(sortTiles(tiles, 'state', collator).map((t) => t.id)).toEqual(['s1', 's4', 's3', 's2', 's0']);
  });

  it('puts the stream whose picture changed last first; without pictures, the newest stream', () => {
    const recent = tile('recent', { variants: [variant(0, { thumbnail: asset('x', 5000) })] });
    const old = tile('old', { variants: [variant(0, { thumbnail: asset('y', 1000) })] });
    const noPicture = tile('new', { createdAt: new Date(3000).toISOString() });
    expect(sortTiles([old, noPicture, recent], 'changed', collator).map((t) => t.id)).toEqual(['recent', 'new', 'old']);
    expect(lastChange(tile('none'))).toBe(0);
  });

  it('keeps a "Last change" order taken earlier although pictures changed since; streams it does not know go last', () => {
    const a = tile('a', { variants: [variant(0, { thumbnail: asset('x', 5000) })] });
    const b = tile('b', { variants: [variant(0, { thumbnail: asset('y', 1000) })] });
    const ranks = changeRanks([b, a]);
    const bNewer = tile('b', { variants: [variant(0, { thumbnail: asset('y', 9000) })] });
    expect(sortTiles([bNewer, tile('c'), a], 'changed', collator, { ranks }).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(sortTiles([bNewer, a], 'changed', collator, { ranks: changeRanks([bNewer, a]) }).map((t) => t.id)).toEqual(['b', 'a']);
  });

  it('leaves slot order as it came', () => {
    const tiles = [tile('b'), tile('a')];
    expect(sortTiles(tiles, 'slot', collator).map((t) => t.id)).toEqual(['b', 'a']);
  });
});

describe('tag groups', () => {
  it('groups key:value tags under their key, plain tags last, with counts', () => {
    const tiles = [
      tile('1', { tags: ['location:munich', 'vip', 'location:berlin'] }),
      tile('2', { tags: ['location:berlin', 'audit'] }),
      tile('3', { tags: ['floor:a', 'vip', 'vip'] }),
    ];
    expect(groupTags(tiles, collator)).toEqual([
      { key: 'floor', options: [{ tag: 'floor:a', label: 'a', count: 1 }] },
      {
        key: 'location',
        options: [
          { tag: 'location:berlin', label: 'berlin', count: 2 },
          { tag: 'location:munich', label: 'munich', count: 1 },
        ],
      },
      {
        key: null,
        options: [
          { tag: 'audit', label: 'audit', count: 1 },
          { tag: 'vip', label: 'vip', count: 2 },
        ],
      },
    ]);
  });

  it('treats a colon at either end, or a URL-like tag, sensibly', () => {
    expect(tagKey(':berlin')).toBeNull();
    expect(tagKey('berlin:')).toBeNull();
    expect(tagKey('studio/west')).toBeNull();
    expect(tagKey('url:https://x')).toEqual({ key: 'url', value: 'https://x' });
  });
});
