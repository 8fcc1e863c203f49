import { describe, expect, it } from 'vitest';
import { buildEntries, entryStreamIds } from '../../../src/renderer/src/lib/state/wall-entries';
import { collator, tile, variant } from './tile-fixtures';

const none = { search: '', states: [], tags: [], profiles: [] };
const options = (over: Partial<Parameters<typeof buildEntries>[1]> = {}) => ({
  filter: none,
  sort: 'slot' as const,
  slots: null,
  split: false,
  collator,
  ...over,
});
const keys = (entries: ReturnType<typeof buildEntries>) => entries.map((entry) => entry.key);

describe('wall cells', () => {
  const group = tile('g', { variants: [variant(2, { id: 'g-480' }), variant(0, { id: 'g' }), variant(1, { id: 'g-720' })] });
  const single = tile('s');

  it('shows a stream group as one tile, or one tile per quality in index order', () => {
    expect(keys(buildEntries([group, single], options()))).toEqual(['g', 's']);
    const split = buildEntries([group, single], options({ split: true }));
    expect(keys(split)).toEqual(['g/g', 'g/g-720', 'g/g-480', 's']);
    expect(split.map((entry) => (entry.kind === 'stream' ? (entry.variant?.id ?? null) : null))).toEqual(['g', 'g-720', 'g-480', null]);
  });

  it('searches and sorts by the operator\'s label, and still finds the ingest name', () => {
    const tiles = [tile('a', { name: 'zz-ingest' }), tile('b', { name: 'mm-ingest' }), tile('constructor', { name: 'kk' })];
    const labels = { a: 'Alpha table' };
    expect(keys(buildEntries(tiles, options({ sort: 'name', labels })))).toEqual(['a', 'constructor', 'b']);
    expect(keys(buildEntries(tiles, options({ filter: { ...none, search: 'alpha' }, labels })))).toEqual(['a']);
    expect(keys(buildEntries(tiles, options({ filter: { ...none, search: 'zz-ing' }, labels })))).toEqual(['a']);
  });

  it('shows a saved layout in its slot order, holding the place of a stream that is missing', () => {
    const entries = buildEntries([tile('a'), tile('b'), tile('c')], options({ slots: ['c', 'gone', 'a', 'c'] }));
    expect(keys(entries)).toEqual(['c', 'missing:gone', 'a']);
    expect(entryStreamIds(entries)).toEqual(['c', 'gone', 'a']);
  });

  it('drops the placeholders once a filter or another order is in force', () => {
    const tiles = [tile('a', { name: 'Zulu' }), tile('b', { name: 'Alpha' })];
    expect(keys(buildEntries(tiles, options({ slots: ['a', 'gone', 'b'], sort: 'name' })))).toEqual(['b', 'a']);
    expect(keys(buildEntries(tiles, options({ slots: ['a', 'gone', 'b'], filter: { ...none, search: 'zulu' } })))).toEqual(['a']);
  });

  it('keeps streams outside the layout off the wall', () => {
    expect(keys(buildEntries([tile('a'), tile('b')], options({ slots: ['b'] })))).toEqual(['b']);
  });

  it('pins each stream once, even when it shows as several qualities', () => {
    expect(entryStreamIds(buildEntries([group, single], options({ split: true })))).toEqual(['g', 's']);
  });
});
