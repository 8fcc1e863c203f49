import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/errors';
import { EarlySnapshot } from '../../../src/renderer/src/lib/state/early-snapshot';

/** A stand-in for main: answers when told to, and pushes to whoever listens. */
function fakeMain(): {
  asked: number;
  answer: (value: string) => void;
  push: (value: string) => void;
  listeners: () => number;
  snapshot: EarlySnapshot<string>;
} {
  const listeners = new Set<(value: string) => void>();
  let resolve: (result: Result<string>) => void = () => undefined;
  const state = {
    asked: 0,
    answer: (value: string) => resolve({ ok: true, value }),
    push: (value: string) => listeners.forEach((listener) => listener(value)),
    listeners: () => listeners.size,
    snapshot: undefined as unknown as EarlySnapshot<string>,
  };
  state.snapshot = new EarlySnapshot<string>(
    () => {
      state.asked++;
      return new Promise((done) => (resolve = done));
    },
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );
  return state;
}

describe('the wall asked for as the page starts', () => {
  it('asks main once, at once, and hands the answer to the first reader', async () => {
    const main = fakeMain();
    expect(main.asked).toBe(1);
    const taken = main.snapshot.take();
    main.answer('wall 1');
    expect(await taken?.answer).toEqual({ ok: true, value: 'wall 1' });
    expect(taken?.pushed).toBeNull();
  });

  it('keeps the newest push that came before the reader, which is newer than the answer', () => {
    const main = fakeMain();
    main.push('wall 2');
    main.push('wall 3');
    expect(main.snapshot.take()?.pushed).toBe('wall 3');
  });

  it('stops listening when taken, and a later reader asks afresh instead of getting an old answer', () => {
    const main = fakeMain();
    expect(main.listeners()).toBe(1);
    expect(main.snapshot.take()).not.toBeNull();
    expect(main.listeners()).toBe(0);
    expect(main.snapshot.take()).toBeNull();
  });
});
