import { describe, expect, it } from 'vitest';
import type { AppErrorData, Result } from '../../../src/shared/errors';
import { EarlySnapshot } from '../../../src/renderer/src/lib/state/early-snapshot';
import { MainMirror, type MirrorOptions } from '../../../src/renderer/src/lib/state/main-mirror.svelte';
import { settled } from './fake-bridge';
import { mountReader } from './reader.svelte';

const BROKEN: AppErrorData = { code: 'internal', message: 'main is not answering' };

/** Main for one value: each question waits for the test's answer; pushes go to whoever listens. */
function fakeMain(options: MirrorOptions<string> = {}) {
  const answers: Array<(result: Result<string>) => void> = [];
  const listeners = new Set<(value: string) => void>();
  const mirror = new MainMirror<string>(
    {
      fetch: () => new Promise((resolve) => answers.push(resolve)),
      listen: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    options,
  );
  return {
    mirror,
    asked: () => answers.length,
    listeners: () => listeners.size,
    push: (value: string) => listeners.forEach((listener) => listener(value)),
    answer: async (index: number, result: Result<string>) => {
      answers[index]?.(result);
      await settled();
    },
  };
}

describe('MainMirror', () => {
  it('asks main and listens only once something reads it reactively', async () => {
    const main = fakeMain();
    expect(main.mirror.value).toBeNull();
    expect(main.asked()).toBe(0);
    expect(main.listeners()).toBe(0);

    const reader = mountReader(() => main.mirror.value);
    expect(main.asked()).toBe(1);
    expect(main.listeners()).toBe(1);
    await main.answer(0, { ok: true, value: 'first' });
    expect(reader.latest()).toBe('first');
    main.push('second');
    expect(reader.latest()).toBe('second');
    await reader.stop();
  });

  it('keeps a push that lands before a slower first answer', async () => {
    const main = fakeMain();
    const reader = mountReader(() => main.mirror.value);
    main.push('pushed');
    await main.answer(0, { ok: true, value: 'older answer' });
    expect(reader.latest()).toBe('pushed');
    await reader.stop();
  });

  it("keeps a command's answer that lands before a slower first answer", async () => {
    const main = fakeMain();
    const reader = mountReader(() => main.mirror.value);
    main.mirror.set('from a command');
    await main.answer(0, { ok: true, value: 'older answer' });
    expect(reader.latest()).toBe('from a command');
    await reader.stop();
  });

  it("drops a command's answer that arrives after a newer push, and takes one that arrives first", async () => {
    const main = fakeMain();
    const reader = mountReader(() => main.mirror.value);
    await main.answer(0, { ok: true, value: 'v1' });
    // Two changes in flight: main pushes the second before the first command's answer arrives.
    let replyA!: (result: Result<string>) => void;
    const a = main.mirror.answer(new Promise((resolve) => (replyA = resolve)));
    main.push('v3');
    replyA({ ok: true, value: 'v2' });
    expect(await a).toEqual({ ok: true, value: 'v2' });
    expect(reader.latest()).toBe('v3');
    // With no push meanwhile the answer shows at once, before main's push for it.
    expect(await main.mirror.answer(Promise.resolve({ ok: true, value: 'v4' }))).toEqual({ ok: true, value: 'v4' });
    expect(reader.latest()).toBe('v4');
    await reader.stop();
  });

  it('surfaces a failed first answer until a value arrives', async () => {
    const main = fakeMain();
    const reader = mountReader(() => ({ value: main.mirror.value, error: main.mirror.loadError }));
    await main.answer(0, { ok: false, error: BROKEN });
    expect(reader.latest()).toEqual({ value: null, error: BROKEN });
    main.push('late but here');
    expect(reader.latest()).toEqual({ value: 'late but here', error: null });
    await reader.stop();
  });

  it('surfaces a rejected call as an internal error', async () => {
    const mirror = new MainMirror<string>({ fetch: () => Promise.reject(new Error('preload gone')), listen: () => () => undefined });
    const reader = mountReader(() => mirror.loadError);
    await settled();
    expect(reader.latest()).toEqual({ code: 'internal', message: 'preload gone' });
    await reader.stop();
  });

  it('asks again on retry, after a failure', async () => {
    const main = fakeMain();
    const reader = mountReader(() => ({ value: main.mirror.value, error: main.mirror.loadError }));
    await main.answer(0, { ok: false, error: BROKEN });
    const retried = main.mirror.retry();
    expect(main.asked()).toBe(2);
    expect(reader.latest().error).toBeNull();
    await main.answer(1, { ok: true, value: 'second try' });
    await retried;
    expect(reader.latest()).toEqual({ value: 'second try', error: null });
    await reader.stop();
  });

  it('stops listening when the last reader unmounts, and ignores an answer that comes after', async () => {
    const main = fakeMain();
    const first = mountReader(() => main.mirror.value);
    const second = mountReader(() => main.mirror.value);
    expect(main.listeners()).toBe(1);
    await first.stop();
    expect(main.listeners()).toBe(1);
    await second.stop();
    expect(main.listeners()).toBe(0);
    await main.answer(0, { ok: true, value: 'too late' });
    expect(main.mirror.value).toBeNull();
  });

  it('asks afresh when read again, keeping the old value meanwhile unless told to forget it', async () => {
    const kept = fakeMain();
    const forgotten = fakeMain({ forgetWhenIdle: true });
    for (const main of [kept, forgotten]) {
      const reader = mountReader(() => main.mirror.value);
      await main.answer(0, { ok: true, value: 'before' });
      await reader.stop();
    }
    expect(kept.mirror.value).toBe('before');
    expect(forgotten.mirror.value).toBeNull();

    const again = mountReader(() => forgotten.mirror.value);
    expect(forgotten.asked()).toBe(2);
    await forgotten.answer(1, { ok: true, value: 'after' });
    expect(again.latest()).toBe('after');
    await again.stop();
  });

  it('shapes each value from the one it replaces', async () => {
    const main = fakeMain({ adopt: (next, previous) => `${previous ?? '∅'}>${next}` });
    const reader = mountReader(() => main.mirror.value);
    await main.answer(0, { ok: true, value: 'a' });
    main.push('b');
    expect(reader.latest()).toBe('∅>a>b');
    await reader.stop();
  });

  describe('with an answer asked for early', () => {
    function early() {
      const listeners = new Set<(value: string) => void>();
      let resolve: (result: Result<string>) => void = () => undefined;
      let asked = 0;
      const snapshot = new EarlySnapshot<string>(
        () => {
          asked++;
          return new Promise((done) => (resolve = done));
        },
        (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      );
      const mirror = new MainMirror<string>(
        {
          fetch: () => {
            asked++;
            return new Promise(() => undefined);
          },
          listen: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        },
        { early: snapshot },
      );
      return { mirror, asked: () => asked, push: (value: string) => listeners.forEach((l) => l(value)), resolve: (r: Result<string>) => resolve(r) };
    }

    it('takes that answer over rather than ask again', async () => {
      const main = early();
      const reader = mountReader(() => main.mirror.value);
      expect(main.asked()).toBe(1);
      main.resolve({ ok: true, value: 'early answer' });
      await settled();
      expect(reader.latest()).toBe('early answer');
      await reader.stop();
    });

    it('shows a push from before the first reader, and drops the older answer', async () => {
      const main = early();
      main.push('pushed before anyone read');
      const reader = mountReader(() => main.mirror.value);
      await settled();
      expect(reader.latest()).toBe('pushed before anyone read');
      main.resolve({ ok: true, value: 'older answer' });
      await settled();
      expect(reader.latest()).toBe('pushed before anyone read');
      await reader.stop();
    });
  });
});
