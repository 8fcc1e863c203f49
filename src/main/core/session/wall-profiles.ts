import type { Profile } from '../settings/settings';

/**
 * The stored profiles the settings put on the wall: the active one first, then the others
 * switched on beside it, in order; ids with no stored profile are skipped. The app's session and
 * the CLI's `--all-profiles` read the wall's organisations from here, so both show the same set.
 */
export function wallProfiles(settings: { profiles: readonly Profile[]; activeProfileId: string | null; wallProfiles: readonly string[] }): Profile[] {
  const { profiles, activeProfileId } = settings;
  const ids = [...new Set([...(activeProfileId === null ? [] : [activeProfileId]), ...settings.wallProfiles])];
  return ids.flatMap((id) => profiles.find((p) => p.id === id) ?? []);
}
