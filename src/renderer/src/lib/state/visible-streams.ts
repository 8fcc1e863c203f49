/** The contract allows this many ids in one report. */
const MAX_IDS = 5000;
/** Scrolling changes the set many times a second; main hears the settled set. */
const SETTLE_MS = 250;

/**
 * Which streams have a tile on screen (or fill the focus view), reported to main so it can
 * pause the pictures of the others when the operator chose "Pause tiles out of view". Counted
 * per stream, since one tile per quality puts a stream on the wall more than once.
 */
export class VisibleStreams {
  readonly #send: (streamIds: string[]) => void;
  readonly #counts = new Map<string, number>();
  #focus: string | null = null;
  #enabled = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last: string | null = null;

  constructor(send: (streamIds: string[]) => void) {
    this.#send = send;
  }

  /** A tile of this stream came on screen. */
  show(streamId: string): void {
    this.#counts.set(streamId, (this.#counts.get(streamId) ?? 0) + 1);
    this.#schedule();
  }

  /** A tile of this stream left the screen (or the page). */
  hide(streamId: string): void {
    const count = (this.#counts.get(streamId) ?? 0) - 1;
    if (count > 0) this.#counts.set(streamId, count);
    else this.#counts.delete(streamId);
    this.#schedule();
  }

  /** The stream the focus view shows counts as on screen while the wall is hidden behind it. */
  setFocus(streamId: string | null): void {
    if (this.#focus === streamId) return;
    this.#focus = streamId;
    this.#schedule();
  }

  /** Reports only while the setting is on; turning it on reports the current set at once. */
  setEnabled(on: boolean): void {
    if (this.#enabled === on) return;
    this.#enabled = on;
    this.#last = null;
    if (on) this.#flush();
    else clearTimeout(this.#timer);
  }

  /** The streams on screen now, sorted. */
  current(): string[] {
    const ids = new Set(this.#counts.keys());
    if (this.#focus !== null) ids.add(this.#focus);
    return [...ids].sort().slice(0, MAX_IDS);
  }

  #schedule(): void {
    if (!this.#enabled) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), SETTLE_MS);
  }

  #flush(): void {
    clearTimeout(this.#timer);
    const ids = this.current();
    const key = ids.join('\n');
    if (key === this.#last) return;
    this.#last = key;
    this.#send(ids);
  }
}
