import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moveInOrder, rememberOrder } from '../../../src/renderer/src/lib/state/stable-order';

describe('rememberOrder: slots outlive the list', () => {
  it('keeps the slot of a stream that left the list, and gives it back when it returns', () => {
    const first = rememberOrder([], ['a', 'b', 'c'], 10);
    const without = rememberOrder(first, ['a', 'c'], 10);
    expect(without).toEqual(['a', 'b', 'c']);
    expect(rememberOrder(without, ['d', 'c', 'b', 'a'], 10)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('restored from settings, streams go back to their slots whatever main\'s order', () => {
    expect(rememberOrder(['b', 'a'], ['a', 'b', 'new'], 10)).toEqual(['b', 'a', 'new']);
  });

  it('stays within its bound, forgetting absent streams first, never a present one', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 16 });
    fc.assert(
      fc.property(ids, ids, fc.integer({ min: 1, max: 20 }), (memory, incoming, max) => {
        const next = rememberOrder(memory, incoming, max);
        expect(next.length).toBeLessThanOrEqual(Math.max(max, incoming.length));
        for (const id of incoming) expect(next).toContain(id);
        // Present streams keep their relative order.
        const present = next.filter((id) => incoming.includes(id));
        const before = memory.filter((id) => incoming.includes(id));
        expect(present.slice(0, before.length)).toEqual(before);
      }),
    );
  });
});

describe('moveInOrder: a tile moved into another slot', () => {
  it('takes the slot, the ones between shift by one, the rest stay', () => {
    expect(moveInOrder(['a', 'b', 'c', 'd', 'e'], 'b', 'd')).toEqual(['a', 'c', 'd', 'b', 'e']);
    expect(moveInOrder(['a', 'b', 'c', 'd', 'e'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c', 'e']);
    expect(moveInOrder(['a', 'b'], 'x', 'b')).toEqual(['a', 'b']);
  });
});
