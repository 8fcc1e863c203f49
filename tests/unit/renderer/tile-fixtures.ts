import type { TileView, VariantView } from '../../../src/shared/view';

/** A quality of a stream, thumbnails on, everything else off unless given. */
export function variant(index: number, over: Partial<VariantView> = {}): VariantView {
  return {
    id: `v${index}`,
    index,
    label: index === 0 ? 'passthrough' : `${[0, 720, 480][index] ?? index}p`,
    streamname: null,
    processing: { thumbs: { interval: 10 }, motionclip: null, rec: null, replay: null },
    thumbnail: null,
    motionclip: null,
    hasReplay: false,
    ...over,
  };
}

/** A live stream with one quality, no tags, no recordings unless given; `id` is its wall key here. */
export function tile(id: string, over: Partial<TileView> = {}): TileView {
  return {
    id,
    streamId: id,
    profileId: 'p1',
    name: id,
    state: 'live',
    rawState: 'live',
    tags: [],
    createdAt: null,
    variants: [variant(0, { id: `${id}-v0` })],
    recordings: [],
    hasReplay: false,
    gone: false,
    ...over,
  };
}

/** A picture as main sends it. */
export function asset(src: string, changedAt = 1): { src: string; fetchedAt: number; changedAt: number } {
  return { src, fetchedAt: changedAt, changedAt };
}

/** The collator the page uses for English names. */
export const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
