import type { Stream } from '../../../shared/domain';

/**
 * The wall's streams in tile order, indexed by id, so one details answer replaces its stream in
 * constant time instead of copying the whole wall. `all()` hands out the live array: callers use
 * it at once (a view, a snapshot copy) and do not keep it across a poll.
 */
export class StreamTable {
  private list: Stream[] = [];
  private readonly index = new Map<string, number>();

  /** The streams in tile order. */
  all(): readonly Stream[] {
    return this.list;
  }

  /** How many streams the wall holds. */
  get size(): number {
    return this.list.length;
  }

  /** Whether a stream is on the wall. */
  has(id: string): boolean {
    return this.index.has(id);
  }

  /** One stream by id. */
  get(id: string): Stream | undefined {
    const at = this.index.get(id);
    return at === undefined ? undefined : this.list[at];
  }

  /** Takes a whole new wall (after a list). */
  replaceAll(streams: Stream[]): void {
    this.list = streams;
    this.index.clear();
    streams.forEach((stream, at) => this.index.set(stream.id, at));
  }

  /** Replaces one stream in place; false when it is no longer on the wall. */
  replace(id: string, stream: Stream): boolean {
    const at = this.index.get(id);
    if (at === undefined) return false;
    this.list[at] = stream;
    return true;
  }
}
