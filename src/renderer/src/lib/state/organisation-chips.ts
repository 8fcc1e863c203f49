import { ORGANISATION_COLOURS } from '../../../../shared/settings-limits';
import type { OrganisationColour, OrganisationLook } from '../../../../shared/settings-view';
import type { OrganisationView } from '../../../../shared/view';

/** How an organisation is marked on its tiles, the toolbar and the status bar. */
export interface OrganisationChip {
  readonly profileId: string;
  readonly name: string;
  /** The operator's short label, else the start of the name. */
  readonly short: string;
  readonly colour: OrganisationColour;
}

/** The longest short label: a chip has to fit beside the name on the smallest tile. */
export const MAX_SHORT = 8;

/** A short label from a name: its first word, cut to fit a chip. */
export function defaultShort(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? '';
  return first === '' ? '?' : [...first].slice(0, 6).join('');
}

/**
 * Every organisation on the wall with its chip: the operator's choice from settings, else the
 * start of its name and the colours in turn, in the order the organisations joined the wall.
 */
export function organisationChips(organisations: readonly OrganisationView[], looks: Readonly<Record<string, OrganisationLook>> | undefined): ReadonlyMap<string, OrganisationChip> {
  return new Map(
    organisations.map((organisation, i) => {
      const look = looks !== undefined && Object.hasOwn(looks, organisation.profileId) ? looks[organisation.profileId] : undefined;
      const short = look?.short.trim() ? look.short.trim() : defaultShort(organisation.name);
      const colour = look?.colour ?? ORGANISATION_COLOURS[i % ORGANISATION_COLOURS.length] ?? 'grey';
      return [organisation.profileId, { profileId: organisation.profileId, name: organisation.name, short, colour }];
    }),
  );
}

/** What the search finds each organisation by: its name and its chip. */
export function organisationSearchText(chips: ReadonlyMap<string, OrganisationChip>): ReadonlyMap<string, string> {
  return new Map([...chips.values()].map((chip) => [chip.profileId, `${chip.name} ${chip.short}`]));
}
