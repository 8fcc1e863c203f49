import { describe, expect, it } from 'vitest';
import type { TileView, VariantView } from '../../../src/shared/view';
import { tilePicture } from '../../../src/renderer/src/lib/state/tile-picture';

function variant(index: number, over: Partial<VariantView> = {}): VariantView {
  return {
    id: `v${index}`,
    index,
    label: index === 0 ? 'passthrough' : `transcode ${index}`,
    streamname: null,
    processing: { thumbs: { interval: 10 }, motionclip: null, rec: null, replay: null },
    thumbnail: null,
    motionclip: null,
    hasReplay: false,
    ...over,
  };
}

function tile(variants: VariantView[], state: TileView['state'] = 'live'): TileView {
  return { id: 'p1/s1', streamId: 's1', profileId: 'p1', name: 'Table 1', state, rawState: state, tags: [], createdAt: null, variants, recordings: [], hasReplay: false, gone: false };
}

const picture = (src: string) => ({ src, fetchedAt: 1, changedAt: 1 });

describe('tilePicture: what a tile shows', () => {
  it('shows the thumbnail of the lowest-index variant that has one', () => {
    const result = tilePicture(
      tile([variant(2, { thumbnail: picture('wall-asset://c') }), variant(0), variant(1, { thumbnail: picture('wall-asset://b') })]),
    );
    expect(result).toEqual({ kind: 'thumbnail', asset: picture('wall-asset://b') });
  });

  it('keeps showing the last picture of an ended stream', () => {
    expect(tilePicture(tile([variant(0, { thumbnail: picture('wall-asset://a') })], 'ended')).kind).toBe('thumbnail');
  });

  it('says the stream ended when an ended stream has no picture', () => {
    expect(tilePicture(tile([variant(0)], 'ended'))).toEqual({ kind: 'ended' });
  });

  it('says thumbnails are off when no variant has the thumbnail process', () => {
    const off = { thumbs: null, motionclip: null, rec: null, replay: null };
    expect(tilePicture(tile([variant(0, { processing: off }), variant(1, { processing: off })]))).toEqual({ kind: 'thumbs-off' });
  });

  it('waits for a first picture when thumbnails are on but none arrived', () => {
    expect(tilePicture(tile([variant(0)]))).toEqual({ kind: 'waiting' });
    expect(tilePicture(tile([]))).toEqual({ kind: 'thumbs-off' });
  });
});
