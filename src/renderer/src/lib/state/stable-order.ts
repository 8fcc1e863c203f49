/**
 * The tile order after an update: streams already on the wall keep their relative places, new
 * ones are added at the end in the order main sent them, and gone ones drop out. Operators learn
 * where a stream sits; a refresh that reorders the list must not move it.
 */
export function stableOrder(previous: readonly string[], incoming: readonly string[]): string[] {
  const present = new Set(incoming);
  const kept = previous.filter((id) => present.has(id));
  const known = new Set(kept);
  const added = incoming.filter((id) => {
    if (known.has(id)) return false;
    known.add(id);
    return true;
  });
  return [...kept, ...added];
}

/** How long a stream missing from the wall keeps its place, should it come back. */
const REMEMBER_MS = 10 * 60_000;
/** At most this many missing streams are remembered; the oldest are forgotten first. */
const REMEMBER_MAX = 1000;

/**
 * Tile places that outlive a stream's short absence: a stream missing from one snapshot and back
 * in the next (a gone stream that main lists again once its alarm is raised, a list answered
 * from a lagging server) returns to the place it had, not to the end of the wall. Within one
 * snapshot it orders like `stableOrder`.
 */
export class SlotMemory {
  #order: string[] = [];
  readonly #missingSince = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Whether a stream has a place: on the wall now, or missing for less than ten minutes. */
  remembers(streamId: string): boolean {
    return this.#order.includes(streamId);
  }

  /** The incoming ids in their remembered places, new ones at the end; `fresh` forgets every place first. */
  place(incoming: readonly string[], fresh = false): string[] {
    if (fresh) {
      this.#order = [];
      this.#missingSince.clear();
    }
    const now = this.#now();
    const present = new Set(incoming);
    for (const id of this.#order) {
      if (present.has(id)) this.#missingSince.delete(id);
      else if (!this.#missingSince.has(id)) this.#missingSince.set(id, now);
    }
    const forgotten = new Set(
      [...this.#missingSince].filter(([, since]) => now - since >= REMEMBER_MS).map(([id]) => id),
    );
    for (const [id] of [...this.#missingSince].slice(0, Math.max(0, this.#missingSince.size - REMEMBER_MAX))) forgotten.add(id);
    for (const id of forgotten) this.#missingSince.delete(id);
    const remembered = this.#order.filter((id) => !forgotten.has(id));
    // The missing ones count as present for the ordering, so they hold their places.
    this.#order = stableOrder(remembered, [...remembered.filter((id) => !present.has(id)), ...incoming]);
    return this.#order.filter((id) => present.has(id));
  }
}
