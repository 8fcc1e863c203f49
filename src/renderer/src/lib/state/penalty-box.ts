import type { TileView } from '../../../../shared/view';
import { alarmRank, inAlarm, type HealthLookup } from './alarm-health';
import type { WallEntry } from './wall-entries';

/**
 * The penalty box's cells: every stream in alarm (raised, acknowledged or not), the most urgent
 * first, then in wall order. A stream leaves as soon as it recovers.
 */
export function penaltyEntries(tiles: readonly TileView[], health: HealthLookup): WallEntry[] {
  return tiles
    .map((tile, slot) => ({ tile, slot, rank: alarmRank(health(tile.id)) }))
    .filter((cell) => inAlarm(health(cell.tile.id)))
    .sort((a, b) => a.rank - b.rank || a.slot - b.slot)
    .map(({ tile }) => ({ kind: 'stream', key: tile.id, tile, variant: null }));
}

/** The side of the penalty box's grid: as large as the count allows (one stream fills the wall), at most 4 x 4 a page. */
export function penaltySide(count: number): number {
  return Math.min(4, Math.max(1, Math.ceil(Math.sqrt(count))));
}
