/**
 * A stream on the wall is known by its profile and its bintu id: two organisations may well hold
 * streams with the same id. The page keys every stream (slots, labels, watched streams, alarms,
 * layouts) by the wall key `profileId/streamId`; bintu requests keep the plain id. Profile ids
 * hold no "/" (settings refuse one), so the first "/" splits a key, whatever bintu's id holds.
 */
export type WallKey = string;

/** The wall key of a profile's stream. */
export function wallKey(profileId: string, streamId: string): WallKey {
  return `${profileId}/${streamId}`;
}

/** The profile and bintu id of a wall key, or null for a plain id (one saved before keys existed). */
export function splitWallKey(key: string): { profileId: string; streamId: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { profileId: key.slice(0, slash), streamId: key.slice(slash + 1) };
}

/**
 * A stored key as a wall key: a plain id (saved when one profile was on the wall at a time)
 * belongs to the active profile; with none active it stays as it was.
 */
export function ownedKey(key: string, activeProfileId: string | null): WallKey {
  return activeProfileId === null ? key : wallKey(activeProfileId, key);
}

/** The bintu id a wall key names (a plain id as it is): what the page shows and copies. */
export function streamIdOf(key: string): string {
  return splitWallKey(key)?.streamId ?? key;
}
