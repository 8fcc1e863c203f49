import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageRotation } from '../../../src/renderer/src/lib/state/page-rotation.svelte';

/** A window's event target, for input the test sends. */
function inputs(): EventTarget {
  return new EventTarget();
}

describe('PageRotation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns a page every interval while nobody uses the wall', () => {
    const rotation = new PageRotation();
    let turns = 0;
    const stop = rotation.start(5000, { turn: () => turns++, held: () => false }, inputs());
    vi.advanceTimersByTime(4900);
    expect(turns).toBe(0);
    vi.advanceTimersByTime(300);
    expect(turns).toBe(1);
    vi.advanceTimersByTime(5000);
    expect(turns).toBe(2);
    stop();
    expect(rotation.dueAt).toBeNull();
    vi.advanceTimersByTime(20_000);
    expect(turns).toBe(2);
  });

  it('waits a whole interval after the last pointer or key input', () => {
    const rotation = new PageRotation();
    const target = inputs();
    let turns = 0;
    const stop = rotation.start(5000, { turn: () => turns++, held: () => false }, target);
    for (let i = 0; i < 8; i++) {
      vi.advanceTimersByTime(1000);
      target.dispatchEvent(new Event(i % 2 === 0 ? 'pointermove' : 'keydown'));
    }
    expect(turns).toBe(0);
    vi.advanceTimersByTime(5300);
    expect(turns).toBe(1);
    stop();
  });

  it('holds while the focus view or a dialog is open', () => {
    const rotation = new PageRotation();
    let held = true;
    let turns = 0;
    const stop = rotation.start(5000, { turn: () => turns++, held: () => held }, inputs());
    vi.advanceTimersByTime(30_000);
    expect(turns).toBe(0);
    held = false;
    vi.advanceTimersByTime(5300);
    expect(turns).toBe(1);
    stop();
  });

  it('restarts the countdown for a page shown for an alarm, and does nothing while off', () => {
    const rotation = new PageRotation();
    rotation.restart();
    expect(rotation.dueAt).toBeNull();
    let turns = 0;
    const stop = rotation.start(5000, { turn: () => turns++, held: () => false }, inputs());
    vi.advanceTimersByTime(4000);
    rotation.restart();
    vi.advanceTimersByTime(4700);
    expect(turns).toBe(0);
    vi.advanceTimersByTime(600);
    expect(turns).toBe(1);
    stop();
    rotation.restart();
    expect(rotation.dueAt).toBeNull();
  });
});
