import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SlotMemory, stableOrder } from '../../../src/renderer/src/lib/state/stable-order';

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

describe('SlotMemory: a stream back after a short absence takes its old place', () => {
  it('puts a stream that was missing from one snapshot back where it was', () => {
    const slots = new SlotMemory(() => 0);
    expect(slots.place(['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(slots.place(['a', 'c', 'd', 'e'])).toEqual(['a', 'c', 'd', 'e']);
    expect(slots.place(['a', 'c', 'd', 'e', 'b'])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('forgets a place after ten minutes, and every place when told the wall is fresh', () => {
    let now = 0;
    const slots = new SlotMemory(() => now);
    slots.place(['a', 'b', 'c']);
    slots.place(['a', 'c']);
    now = 10 * 60_000;
    slots.place(['a', 'c']);
    expect(slots.place(['a', 'c', 'b'])).toEqual(['a', 'c', 'b']);
    expect(slots.place(['c', 'b', 'a'], true)).toEqual(['c', 'b', 'a']);
  });

  it('always holds exactly the incoming streams, whatever came before', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 16 });
    fc.assert(
      fc.property(fc.array(ids, { maxLength: 6 }), (snapshots) => {
        const slots = new SlotMemory(() => 0);
        for (const incoming of snapshots) expect([...slots.place(incoming)].sort()).toEqual([...incoming].sort());
      }),
    );
  });
});
