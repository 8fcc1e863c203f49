import { describe, expect, it } from 'vitest';
import type { TileView, WallView } from '../../../src/shared/view';
import { LastPictures } from '../../../src/renderer/src/lib/state/last-pictures';
import { wallOf as wallOfIds } from './state-fixtures';
import { asset, tile, variant } from './tile-fixtures';

describe('LastPictures: a gone tile keeps its last picture', () => {
  const withPicture = (id: string) => tile(id, { variants: [variant(0, { thumbnail: asset(`wall-asset://cache/${id}.jpg`) })] });
  const wallOf = (...streams: TileView[]): WallView => ({ ...wallOfIds(), streams });

  it('gives a gone tile without a picture the one it last had, and leaves others as they are', () => {
    const pictures = new LastPictures();
    pictures.apply(wallOf(withPicture('a'), withPicture('b')), () => false);
    const next = pictures.apply(wallOf(tile('a', { gone: true }), tile('b')), () => false);
    expect(next.streams[0]?.variants[0]?.thumbnail?.src).toBe('wall-asset://cache/a.jpg');
    expect(next.streams[1]?.variants[0]?.thumbnail).toBeNull();
  });

  it('remembers a stream missing from a snapshot while its place is remembered', () => {
    const pictures = new LastPictures();
    pictures.apply(wallOf(withPicture('a')), () => false);
    pictures.apply(wallOf(), (id) => id === 'a');
    expect(pictures.apply(wallOf(tile('a', { gone: true })), () => true).streams[0]?.variants[0]?.thumbnail).not.toBeNull();
    pictures.apply(wallOf(), () => false);
    expect(pictures.apply(wallOf(tile('a', { gone: true })), () => true).streams[0]?.variants[0]?.thumbnail).toBeNull();
  });
});
