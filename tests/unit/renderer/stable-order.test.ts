import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stableOrder } from '../../../src/renderer/src/lib/state/stable-order';

describe('stableOrder: tiles keep their place when the wall refreshes', () => {
  it('keeps the first order main sent', () => {
    expect(stableOrder([], ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
  });

  it('ignores a reordered list from main', () => {
    expect(stableOrder(['a', 'b', 'c'], ['c', 'b', 'a'])).toEqual(['a', 'b', 'c']);
  });

  it('adds new streams at the end and drops gone ones without moving the rest', () => {
    expect(stableOrder(['a', 'b', 'c', 'd'], ['e', 'd', 'b', 'a'])).toEqual(['a', 'b', 'd', 'e']);
  });

  it('shows a stream sent twice only once', () => {
    expect(stableOrder([], ['a', 'b', 'a'])).toEqual(['a', 'b']);
  });

  it('always holds exactly the incoming streams, and survivors keep their relative order', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 16 });
    fc.assert(
      fc.property(ids, ids, (previous, incoming) => {
        const next = stableOrder(previous, incoming);
        expect([...next].sort()).toEqual([...incoming].sort());
        const survivors = previous.filter((id) => incoming.includes(id));
        expect(next.slice(0, survivors.length)).toEqual(survivors);
      }),
    );
  });
});
