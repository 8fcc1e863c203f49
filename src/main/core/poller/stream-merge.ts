import type { Stream } from '../../../shared/domain';

/**
 * Merges a fresh list into the wall. Streams keep their place (tiles never jump); new streams
 * come first, as bintu lists newest first; gone streams leave. A list item without assets keeps
 * the variants and recordings its last details request brought.
 */
export function mergeListed(current: readonly Stream[], listed: readonly Stream[]): Stream[] {
  const byId = new Map(current.map((stream) => [stream.id, stream]));
  const fresh = new Map(listed.map((stream) => [stream.id, stream]));
  const merged = (stream: Stream): Stream => {
    const known = byId.get(stream.id);
    if (stream.hasAssets || !known) return stream;
    return { ...stream, variants: known.variants.length ? known.variants : stream.variants, recordings: known.recordings, hasAssets: false };
  };
  const added = listed.filter((stream) => !byId.has(stream.id)).map(merged);
  const kept = current.filter((stream) => fresh.has(stream.id)).map((stream) => merged(fresh.get(stream.id) as Stream));
  return [...added, ...kept];
}

/**
 * Whether a list item needs a details request to show what the wall shows: it came without the
 * asset arrays (pictures, replay, recordings). The poller and the CLI ask the same question.
 */
export function wantsDetails(stream: Stream): boolean {
  return !stream.hasAssets;
}

/** Whether a listed stream changed in a way its details may reflect (state, tags, variants). */
export function needsDetails(before: Stream | undefined, after: Stream): boolean {
  if (!before) return true;
  return before.state !== after.state || before.tags.join('\n') !== after.tags.join('\n');
}
