import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlarmJump, INPUT_IDLE_MS, type JumpTarget } from '../../../src/renderer/src/lib/state/alarm-jump.svelte';

/** A paged wall of streams a (page 0), b (page 1), c (page 2) that records the pages shown. */
function wall(over: Partial<JumpTarget> = {}) {
  const shownPages: number[] = [];
  let current = 0;
  const target: JumpTarget = {
    pageOf: (streamId) => ({ a: 0, b: 1, c: 2 })[streamId] ?? null,
    shown: () => current,
    show: (page) => {
      shownPages.push(page);
      current = page;
    },
    held: () => false,
    ...over,
  };
  return { target, shownPages };
}

describe('AlarmJump', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a new alarm’s page at once on a wall nobody touches', () => {
    const jump = new AlarmJump();
    const { target, shownPages } = wall();
    const stop = jump.start(target, new EventTarget());
    jump.offer({ streamId: 'c', name: 'C' });
    expect(shownPages).toEqual([2]);
    expect(jump.waiting).toBeNull();
    stop();
  });

  it('waits while the operator uses the wall, offering the alarm, and shows it once they stop', () => {
    const jump = new AlarmJump();
    const input = new EventTarget();
    const { target, shownPages } = wall();
    const stop = jump.start(target, input);
    input.dispatchEvent(new Event('pointermove'));
    jump.offer({ streamId: 'b', name: 'B' });
    expect(shownPages).toEqual([]);
    expect(jump.waiting).toEqual({ streamId: 'b', name: 'B' });
    vi.advanceTimersByTime(INPUT_IDLE_MS - 1000);
    input.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(INPUT_IDLE_MS - 500);
    expect(shownPages).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(shownPages).toEqual([1]);
    expect(jump.waiting).toBeNull();
    stop();
  });

  it('shows a waiting alarm at once when asked, and the latest alarm wins', () => {
    const jump = new AlarmJump();
    const input = new EventTarget();
    const { target, shownPages } = wall();
    const stop = jump.start(target, input);
    input.dispatchEvent(new Event('pointerdown'));
    jump.offer({ streamId: 'b', name: 'B' });
    jump.offer({ streamId: 'c', name: 'C' });
    jump.showNow();
    expect(shownPages).toEqual([2]);
    stop();
  });

  it('holds while the focus view is open, and drops an alarm whose stream left the wall or whose page is shown', () => {
    const jump = new AlarmJump();
    let held = true;
    const { target, shownPages } = wall({ held: () => held });
    const stop = jump.start(target, new EventTarget());
    jump.offer({ streamId: 'b', name: 'B' });
    vi.advanceTimersByTime(30_000);
    expect(shownPages).toEqual([]);
    held = false;
    vi.advanceTimersByTime(300);
    expect(shownPages).toEqual([1]);
    jump.offer({ streamId: 'b', name: 'B' });
    jump.offer({ streamId: 'gone', name: 'Gone' });
    expect(shownPages).toEqual([1]);
    expect(jump.waiting).toBeNull();
    stop();
    jump.offer({ streamId: 'c', name: 'C' });
    expect(jump.waiting).toBeNull();
  });
});
