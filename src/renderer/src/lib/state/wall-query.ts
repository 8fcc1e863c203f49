import { assertNever } from '../../../../shared/assert-never';
import type { StreamState } from '../../../../shared/domain';
import type { Sort, WallFilter } from '../../../../shared/settings-view';
import type { TileView } from '../../../../shared/view';

/** The states the operator can filter by, in the order the toolbar shows them. */
export const FILTER_STATES = ['live', 'created', 'ended', 'locked'] as const;
/** A state the toolbar offers as a filter. */
export type FilterState = (typeof FILTER_STATES)[number];

/** The filter of a fresh wall: everything shows. */
export const EMPTY_FILTER: WallFilter = { search: '', states: [], tags: [], profiles: [] };

/** Whether the filter narrows anything at all. */
export function isFiltering(filter: WallFilter): boolean {
  return filter.search.trim() !== '' || filter.states.length > 0 || filter.tags.length > 0 || filter.profiles.length > 0;
}

/** Operator labels by wall key (see `streamLabelsSchema`). */
export type Labels = Readonly<Record<string, string>>;

/** A stream's operator label, if it has one (own keys only: an id is data, not a property name). */
export function labelOf(labels: Labels | undefined, streamId: string): string | undefined {
  return labels !== undefined && Object.hasOwn(labels, streamId) ? labels[streamId] : undefined;
}

/**
 * Whether a stream matches the search text: every word must appear in its operator label, its
 * name, its id, a quality's id or a stream name (`XXXXX-YYYYY`), or its organisation's name or
 * chip, ignoring case. Operators paste ids from tickets.
 */
export function matchesSearch(tile: TileView, search: string, label?: string, organisation?: string): boolean {
  const words = search.trim().toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return true;
  const fields = [label ?? '', tile.name, tile.streamId, organisation ?? '', ...tile.variants.flatMap((v) => [v.id, v.streamname ?? ''])].map((field) =>
    field.toLocaleLowerCase(),
  );
  return words.every((word) => fields.some((field) => field.includes(word)));
}

/**
 * Whether a stream passes the filter: search (its label and organisation too), any of the
 * states, all of the tags, any of the organisations.
 */
export function matchesFilter(tile: TileView, filter: WallFilter, label?: string, organisation?: string): boolean {
  return (
    (filter.states.length === 0 || filter.states.includes(tile.state)) &&
    (filter.profiles.length === 0 || filter.profiles.includes(tile.profileId)) &&
    filter.tags.every((tag) => tile.tags.includes(tag)) &&
    matchesSearch(tile, filter.search, label, organisation)
  );
}

/** Live first (what the control room watches), then locked (needs action), then the rest. */
const STATE_RANK: Record<StreamState, number> = { live: 0, locked: 1, created: 2, ended: 3, unknown: 4, deleted: 5 };

/** When a stream last changed on the wall: its newest picture, else when it was created (ms). */
export function lastChange(tile: TileView): number {
  let latest = -Infinity;
  for (const variant of tile.variants) {
    latest = Math.max(latest, variant.thumbnail?.changedAt ?? -Infinity, variant.motionclip?.changedAt ?? -Infinity);
  }
  if (latest > -Infinity) return latest;
  const created = tile.createdAt === null ? Number.NaN : Date.parse(tile.createdAt);
  return Number.isNaN(created) ? 0 : created;
}

/** How urgent a stream's alarms are, lowest first (see `alarmRank`); every stream alike when not given. */
export type UrgencyOf = (tile: TileView) => number;

/**
 * The "Last change" order as a rank per stream id (0 = changed most recently), taken at one
 * moment: the wall sorts by it until the next is taken, so it does not reshuffle on every picture.
 */
export function changeRanks(tiles: readonly TileView[]): ReadonlyMap<string, number> {
  const ordered = tiles.map((tile, slot) => ({ id: tile.id, at: lastChange(tile), slot }));
  ordered.sort((a, b) => b.at - a.at || a.slot - b.slot);
  return new Map(ordered.map((entry, rank) => [entry.id, rank]));
}

/** What a sort may need besides the tiles. */
export interface SortContext {
  /** The "Last change" order taken last (see `changeRanks`), or null to sort by the latest changes. */
  readonly ranks?: ReadonlyMap<string, number> | null;
  /** Operator labels by stream id: names sort by them where given. */
  readonly labels?: Labels;
  /** How urgent each stream's alarms are, for "alarms first". */
  readonly urgency?: UrgencyOf;
}

/**
 * Sorts tiles; ties keep their incoming (slot) order, so equal tiles never swap places between
 * two refreshes. Names (the operator's label where given) compare the way people read them
 * ("Table 2" before "Table 10"). "Last change" follows `ranks` when given (see `changeRanks`);
 * streams it does not know go last. "Alarms first" puts the most urgent streams first and leaves
 * the others in slot order.
 */
export function sortTiles(tiles: readonly TileView[], sort: Sort, collator: Intl.Collator, context: SortContext = {}): TileView[] {
  const ranked = tiles.map((tile, slot) => ({ tile, slot }));
  const compare = comparator(sort, collator, context);
  if (compare === null) return [...tiles];
  ranked.sort((a, b) => compare(a.tile, b.tile) || a.slot - b.slot);
  return ranked.map((entry) => entry.tile);
}

function comparator(sort: Sort, collator: Intl.Collator, context: SortContext): ((a: TileView, b: TileView) => number) | null {
  const { ranks = null, labels = {}, urgency = () => 0 } = context;
  switch (sort) {
    case 'slot':
      return null;
    case 'name':
      return (a, b) => collator.compare(labelOf(labels, a.id) ?? a.name, labelOf(labels, b.id) ?? b.name);
    case 'state':
      return (a, b) => STATE_RANK[a.state] - STATE_RANK[b.state];
    case 'changed':
      if (ranks !== null) return (a, b) => (ranks.get(a.id) ?? ranks.size) - (ranks.get(b.id) ?? ranks.size);
      return (a, b) => lastChange(b) - lastChange(a);
    case 'alarms':
      return (a, b) => urgency(a) - urgency(b);
    default:
      return assertNever(sort, 'sort');
  }
}

/** One tag the tag filter offers: its full text, what to show inside its group, and how many streams carry it. */
export interface TagOption {
  readonly tag: string;
  readonly label: string;
  readonly count: number;
}

/** Tags under one key (`location:berlin`, `location:munich`), or the plain tags (key null). */
export interface TagGroup {
  readonly key: string | null;
  readonly options: readonly TagOption[];
}

/** Splits `key:value` at the first colon; a tag without both parts has no key. */
export function tagKey(tag: string): { key: string; value: string } | null {
  const at = tag.indexOf(':');
  if (at <= 0 || at === tag.length - 1) return null;
  return { key: tag.slice(0, at), value: tag.slice(at + 1) };
}

/**
 * Every tag on the wall with its count, `key:value` tags grouped by key (groups by name, plain
 * tags last), so "location" lists its cities together instead of scattered through the alphabet.
 */
export function groupTags(tiles: readonly TileView[], collator: Intl.Collator): TagGroup[] {
  const counts = new Map<string, number>();
  for (const tile of tiles) {
    for (const tag of new Set(tile.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const groups = new Map<string | null, TagOption[]>();
  for (const [tag, count] of counts) {
    const split = tagKey(tag);
    const key = split?.key ?? null;
    const options = groups.get(key) ?? [];
    options.push({ tag, label: split?.value ?? tag, count });
    groups.set(key, options);
  }
  const keyed = [...groups.entries()].filter((entry): entry is [string, TagOption[]] => entry[0] !== null);
  keyed.sort((a, b) => collator.compare(a[0], b[0]));
  const plain = groups.get(null);
  const ordered: [string | null, TagOption[]][] = plain === undefined ? keyed : [...keyed, [null, plain]];
  return ordered.map(([key, options]) => ({
    key,
    options: options.sort((a, b) => collator.compare(a.label, b.label)),
  }));
}
