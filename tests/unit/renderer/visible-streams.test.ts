import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VisibleStreams } from '../../../src/renderer/src/lib/state/visible-streams';

describe('streams on screen, reported to main', () => {
  let sent: string[][];
  let visible: VisibleStreams;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    visible = new VisibleStreams((ids) => sent.push(ids));
  });
  afterEach(() => vi.useRealTimers());

  it('reports nothing while "Pause tiles out of view" is off', () => {
    visible.show('a');
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });

  it('reports the current set at once when switched on, then the settled set after scrolling', () => {
    visible.show('a');
    visible.setEnabled(true);
    expect(sent).toEqual([['a']]);
    visible.show('b');
    visible.hide('a');
    visible.show('c');
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(sent).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps a stream on screen while any of its quality tiles is', () => {
    visible.setEnabled(true);
    visible.show('g');
    visible.show('g');
    visible.hide('g');
    vi.advanceTimersByTime(300);
    expect(sent.at(-1)).toEqual(['g']);
    visible.hide('g');
    vi.advanceTimersByTime(300);
    expect(sent.at(-1)).toEqual([]);
  });

  it('counts the focus view stream as on screen, and sends no repeats', () => {
    visible.setEnabled(true);
    visible.setFocus('f');
    vi.advanceTimersByTime(300);
    visible.show('x');
    visible.hide('x');
    vi.advanceTimersByTime(300);
    expect(sent).toEqual([[], ['f']]);
  });
});
