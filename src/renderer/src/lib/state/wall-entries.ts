import type { Sort, WallFilter } from '../../../../shared/settings-view';
import type { TileView, VariantView } from '../../../../shared/view';
import { isFiltering, labelOf, matchesFilter, sortTiles, type Labels, type UrgencyOf } from './wall-query';

/**
 * One cell of the wall: a stream (with its quality fixed when the wall shows one tile per
 * quality), or a pinned slot whose stream is not in bintu's list right now.
 */
export type WallEntry =
  | { readonly kind: 'stream'; readonly key: string; readonly tile: TileView; readonly variant: VariantView | null }
  | { readonly kind: 'missing'; readonly key: string; readonly streamId: string };

/** What decides the cells: the filter, the order, pinned slots, and one tile per group or per quality. */
export interface EntryOptions {
  readonly filter: WallFilter;
  readonly sort: Sort;
  /** Stream ids of a saved layout in slot order, or null for every stream. */
  readonly slots: readonly string[] | null;
  readonly split: boolean;
  readonly collator: Intl.Collator;
  /** How urgent each stream's alarms are, for "alarms first". */
  readonly urgency?: UrgencyOf;
  /** The "Last change" order taken last (see `changeRanks`), or null to sort by the latest changes. */
  readonly changeRanks?: ReadonlyMap<string, number> | null;
  /** Operator labels by wall key: searched and sorted by instead of the ingest name. */
  readonly labels?: Labels;
  /** What the search finds an organisation by (its name and chip), by profile id. */
  readonly organisations?: ReadonlyMap<string, string>;
}

/**
 * The wall's cells in order. A saved layout's slots hold their place even while a stream is
 * missing from bintu's list (a control-room monitor must not shift), unless a filter or another
 * order is in force, when placeholders would only be noise.
 */
export function buildEntries(tiles: readonly TileView[], options: EntryOptions): WallEntry[] {
  const byId = new Map(tiles.map((tile) => [tile.id, tile]));
  const keepGaps = options.slots !== null && options.sort === 'slot' && !isFiltering(options.filter);
  const cells: (TileView | string)[] = [];
  if (options.slots === null) {
    cells.push(...tiles);
  } else {
    for (const id of new Set(options.slots)) {
      const tile = byId.get(id);
      if (tile !== undefined) cells.push(tile);
      else if (keepGaps) cells.push(id);
    }
  }
  const labels = options.labels ?? {};
  const matching = cells.filter((cell) => typeof cell === 'string' || matchesFilter(cell, options.filter, labelOf(labels, cell.id), options.organisations?.get(cell.profileId)));
  const context = { ranks: options.changeRanks ?? null, labels, urgency: options.urgency };
  const ordered = keepGaps ? matching : sortTiles(matching.filter((cell) => typeof cell !== 'string'), options.sort, options.collator, context);
  return ordered.flatMap((cell): WallEntry[] => {
    if (typeof cell === 'string') return [{ kind: 'missing', key: `missing:${cell}`, streamId: cell }];
    if (!options.split || cell.variants.length <= 1) return [{ kind: 'stream', key: cell.id, tile: cell, variant: null }];
    return [...cell.variants]
      .sort((a, b) => a.index - b.index)
      .map((variant) => ({ kind: 'stream', key: `${cell.id}/${variant.id}`, tile: cell, variant }));
  });
}

/** The stream ids of the cells, in order, once each: what "Save layout" pins into slots. */
export function entryStreamIds(entries: readonly WallEntry[]): string[] {
  const ids = entries.map((entry) => (entry.kind === 'stream' ? entry.tile.id : entry.streamId));
  return [...new Set(ids)];
}
