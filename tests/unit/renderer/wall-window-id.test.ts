import { describe, expect, it } from 'vitest';
import { wallWindowId } from '../../../src/renderer/src/lib/state/wall-window-id';

describe('wallWindowId', () => {
  it('reads the id main put in a wall window’s address, and nothing else', () => {
    expect(wallWindowId('?wall=0b6c1f2e-5a7d-4c1e-9f3a-2d8e6b1c4a90')).toBe('0b6c1f2e-5a7d-4c1e-9f3a-2d8e6b1c4a90');
    expect(wallWindowId('')).toBeNull();
    expect(wallWindowId('?wall=')).toBeNull();
    expect(wallWindowId('?wall=../../etc')).toBeNull();
    expect(wallWindowId(`?wall=${'a'.repeat(41)}`)).toBeNull();
  });
});
