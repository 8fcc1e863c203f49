/**
 * From a stream's picture faults to what one picture version shows and how it is encoded: the
 * look (card, black, slate, still), the frame a frozen camera repeats, the seeded grain and JPEG
 * quality of a re-encoding, and unreadable bytes. Pure in the version, so every request for one
 * version gets the same bytes and the renderer can cache them.
 */
import type { FaultBook } from './faults';
import { SLATE_BLUE, type Look, type SceneInput } from './picture';
import { hashSeed } from './rng';
import type { AssetKind, Schedule, VersionInfo } from './schedule';
import type { StreamDef, VariantDef } from './world';

/** One picture version, ready to draw and encode. */
export interface Shot {
  kind: AssetKind;
  /** The version served (the one in the ETag); the scene may show an older frame. */
  version: number;
  scene: SceneInput;
  /** The instant drawn: the clock in the picture. */
  drawnAt: number;
  /** A frozen camera's clip: every frame is the frozen frame. */
  stillClip: boolean;
  /** Seed of the re-encoding grain, or null for a clean encode. */
  grain: number | null;
  quality: number;
  unreadable: 'truncated' | 'wrongFormat' | null;
  /** Everything besides name and version that changes the bytes ('' for a normal picture). */
  tag: string;
}

/** What a shot needs to know about the simulator. */
export interface ShotSources {
  faults: FaultBook;
  schedule: Schedule;
  seed: number;
}

function lookOf(src: ShotSources, stream: StreamDef, at: number): Look {
  const f = src.faults;
  if (f.flag(stream.id, 'black') || src.schedule.flaps.downAt(stream.id, at, 'black')) return 'black';
  if (f.flag(stream.id, 'uniform')) return 'slate';
  return f.flag(stream.id, 'nearlyStatic') ? 'still' : 'card';
}

function slateColour(value: unknown): [number, number, number] {
  if (typeof value !== 'string') return [...SLATE_BLUE];
  const n = parseInt(value.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The shot of one version of a variant's thumbnail or motion clip. */
export function shotFor(src: ShotSources, stream: StreamDef, variant: VariantDef, kind: AssetKind, info: VersionInfo): Shot {
  const look = lookOf(src, stream, info.producedAt);
  const scene: SceneInput = { streamname: variant.streamname, label: variant.label, version: info.version, hue: variant.hue, look };
  if (look === 'slate') scene.slate = slateColour(src.faults.setting(stream.id, 'uniform'));
  const shot: Shot = { kind, version: info.version, scene, drawnAt: info.producedAt, stillClip: false, grain: null, quality: 70, unreadable: null, tag: '' };
  const frozen = src.faults.setting(stream.id, 'frozen');
  const since = frozen ? src.schedule.since('frozen', stream.id) : null;
  const frame = since === null ? null : src.schedule.version(stream, variant, kind, since);
  // Versions after the freeze show the frame current when it froze; that version stays as it was.
  if (frame && frame.version !== info.version) {
    scene.version = frame.version;
    shot.drawnAt = frame.producedAt;
    shot.stillClip = true;
    if (frozen !== 'identical') {
      shot.grain = hashSeed(src.seed, variant.streamname, kind, info.version);
      // Encoders drift: the same frame comes out at a slightly different quality each time.
      shot.quality = 68 + (shot.grain % 5);
    }
  }
  const unreadable = src.faults.setting(stream.id, 'unreadable');
  if (unreadable) shot.unreadable = unreadable === 'wrongFormat' ? 'wrongFormat' : 'truncated';
  shot.tag = [
    look === 'card' ? '' : look,
    scene.slate ? scene.slate.join('.') : '',
    shot.stillClip ? `f${scene.version}` : '',
    shot.grain === null ? '' : `g${shot.grain}`,
    shot.unreadable ?? '',
  ].filter(Boolean).join('|');
  return shot;
}

/** The ETag of a shot: bintu-like name and version, plus a short mark when faults change the bytes. */
export function shotEtag(shot: Shot): string {
  const base = `${shot.scene.streamname}-${shot.kind === 'thumbnail' ? 't' : 'm'}${shot.version}`;
  return `"${shot.tag ? `${base}-${hashSeed(shot.tag).toString(36)}` : base}"`;
}
