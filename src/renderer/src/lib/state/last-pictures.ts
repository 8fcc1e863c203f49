import type { TileView, VariantView, WallView } from '../../../../shared/view';

/**
 * Each stream's qualities as they last had a picture, so a gone stream's tile keeps showing its
 * last picture (greyed) even when main's gone tile comes without one: main forgets a stream's
 * pictures once bintu stops answering for it, sometimes before it calls the stream gone.
 */
export class LastPictures {
  readonly #byId = new Map<string, VariantView[]>();

  /** The wall with gone tiles given their last pictures; `remembers` says which missing streams are still worth keeping. */
  apply(next: WallView, remembers: (streamId: string) => boolean): WallView {
    const present = new Set<string>();
    for (const tile of next.streams) {
      present.add(tile.id);
      if (hasPicture(tile)) this.#byId.set(tile.id, tile.variants);
    }
    for (const id of [...this.#byId.keys()]) if (!present.has(id) && !remembers(id)) this.#byId.delete(id);
    if (!next.streams.some((tile) => tile.gone && !hasPicture(tile) && this.#byId.has(tile.id))) return next;
    return { ...next, streams: next.streams.map((tile) => this.#restored(tile)) };
  }

  /** Forgets every picture (a wall shown afresh). */
  clear(): void {
    this.#byId.clear();
  }

  #restored(tile: TileView): TileView {
    const variants = tile.gone && !hasPicture(tile) ? this.#byId.get(tile.id) : undefined;
    return variants === undefined ? tile : { ...tile, variants };
  }
}

function hasPicture(tile: TileView): boolean {
  return tile.variants.some((variant) => variant.thumbnail !== null);
}
