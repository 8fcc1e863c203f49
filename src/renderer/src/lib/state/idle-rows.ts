import { flushSync, tick } from 'svelte';

/** What a row is first expected to cost to render; then learned from the rows rendered. */
const IDLE_STEP_MS = 8;
/** A slow machine still adds rows in the longest idle periods the browser gives (50 ms). */
const MAX_STEP_MS = 40;

/**
 * Brings a grid's rendered rows up to date: `now` puts every row in view in place at once (and
 * nothing else); otherwise one step toward the rows wanted. True while more steps are due.
 */
export type RowStep = (now: boolean) => boolean;

/** What decides which rows are where: a change re-measures before the next paint. */
export interface GridShape {
  readonly width: number;
  readonly rows: number;
  readonly columns: number;
}

/**
 * When a long grid renders its rows. A frame renders only the rows that came into view; the
 * others are added (or, on a virtualised wall, taken away) a row at a time while the page is
 * idle, so neither scrolling frames nor the pictures of a wall just opened wait on rows nobody
 * sees yet. `attach` follows scrolling and resizing; `reshape` is told when the grid's shape
 * changes.
 */
export class IdleRows {
  readonly #step: RowStep;
  #frame = 0;
  #idle = 0;
  #live = false;
  /** What rendering a row took lately: a step starts only in an idle period that long. */
  #stepMs = IDLE_STEP_MS;
  #shape: GridShape | null = null;

  /** `step` does the measuring and rendering (see `RowStep`). */
  constructor(step: RowStep) {
    this.#step = step;
  }

  /** Follows scrolling, window resizes and the list's own size until the returned function is called. */
  attach(list: Element): () => void {
    this.#live = true;
    const schedule = (): void => this.#schedule();
    // Tile height follows the column width: measure again whenever the grid's size changes.
    const resized = new ResizeObserver(schedule);
    resized.observe(list);
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    return () => {
      this.#live = false;
      cancelAnimationFrame(this.#frame);
      cancelIdleCallback(this.#idle);
      this.#frame = 0;
      this.#idle = 0;
      this.#stepMs = IDLE_STEP_MS;
      resized.disconnect();
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }

  /**
   * The grid's width, row count or columns may have changed (a filter, a resize). Once the page
   * shows the new shape its rows are measured again and the rows in view put in place, in the
   * same task, before anything is painted.
   */
  reshape(shape: GridShape): void {
    const last = this.#shape;
    if (last !== null && last.width === shape.width && last.rows === shape.rows && last.columns === shape.columns) return;
    this.#shape = shape;
    void tick().then(() => this.#inFrame());
  }

  #schedule(): void {
    if (this.#live && this.#frame === 0) this.#frame = requestAnimationFrame(() => this.#inFrame());
  }

  #more(due: boolean): void {
    if (this.#live && due && this.#idle === 0) this.#idle = requestIdleCallback((deadline) => this.#inIdle(deadline), { timeout: 500 });
  }

  #inFrame(): void {
    this.#frame = 0;
    this.#more(this.#step(true));
  }

  #inIdle(deadline: IdleDeadline): void {
    this.#idle = 0;
    // A row costs some milliseconds: started late in an idle period, it would delay the next frame.
    if (deadline.timeRemaining() < this.#stepMs && !deadline.didTimeout) return this.#more(true);
    const started = performance.now();
    let due = false;
    // Rendered here rather than in a microtask after, so its cost is known.
    flushSync(() => {
      due = this.#step(false);
    });
    this.#stepMs = Math.min(MAX_STEP_MS, 0.7 * this.#stepMs + 0.3 * (performance.now() - started));
    // The next step waits for a frame, which lays the new row out; measuring straight away
    // would force that layout inside the idle period.
    if (due) requestAnimationFrame(() => this.#more(true));
  }
}
