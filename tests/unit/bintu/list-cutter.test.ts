import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonListCutter } from '../../../src/main/core/bintu/list-cutter';

/** Feeds a body in chunks of `size` bytes; answers the kept prefix, closed as JSON, or null when read whole. */
function cut(body: string, quantity: number, size: number): unknown[] | null {
  const bytes = Buffer.from(body);
  const cutter = new JsonListCutter(quantity);
  for (let at = 0; at < bytes.length; at += size) {
    const keep = cutter.push(bytes.subarray(at, at + size));
    if (keep !== null) return JSON.parse(JsonListCutter.close(bytes.subarray(0, keep)).toString()) as unknown[];
  }
  return null;
}

describe('the list cutter', () => {
  it('stops after `quantity` objects, whatever the chunking, with strings holding brackets, quotes and escapes', () => {
    const items = [{ id: 'a]' }, { id: 'b\\"}', tags: ['[', '{'] }, { id: 'ü€😀', nested: { deep: [[{}]] } }, { id: 'd' }];
    const body = JSON.stringify(items);
    for (const size of [1, 2, 3, 7, 64, body.length]) {
      expect(cut(body, 2, size), `chunks of ${size}`).toEqual(items.slice(0, 2));
      expect(cut(body, 3, size)).toEqual(items.slice(0, 3));
    }
  });

  it('a list no longer than asked is read whole (no cut)', () => {
    expect(cut(JSON.stringify([{ id: 'a' }, { id: 'b' }]), 2, 5)).toBeNull();
    expect(cut('  [ ]', 1, 1)).toBeNull();
  });

  it('at the size limit it keeps the complete objects so far, and nothing when there are none', () => {
    const cutter = new JsonListCutter(10);
    const start = Buffer.from('[{"id":"a"},{"id":"b","tags":["xxxxxxxx');
    expect(cutter.push(start)).toBeNull();
    const keep = cutter.atLimit();
    expect(JSON.parse(JsonListCutter.close(start.subarray(0, keep ?? 0)).toString())).toEqual([{ id: 'a' }]);
    const empty = new JsonListCutter(10);
    empty.push(Buffer.from('[{"id":"a","tags":["xxxx'));
    expect(empty.atLimit()).toBeNull();
  });

  it('an object wrapping the list is not cut (it is read within the size limit instead)', () => {
    const cutter = new JsonListCutter(1);
    expect(cutter.push(Buffer.from('{"streams":[{"id":"a"},{"id":"b"}]}'))).toBeNull();
    expect(cutter.atLimit()).toBeNull();
  });

  it('agrees with JSON.parse on any list of JSON values', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 16 }), (items, quantity, size) => {
        const kept = cut(JSON.stringify(items), quantity, size);
        if (items.length <= quantity) expect(kept).toBeNull();
        else expect(kept).toEqual(JSON.parse(JSON.stringify(items.slice(0, quantity))));
      }),
    );
  });
});
