import { describe, expect, it } from 'vitest';
import { defaultShort, organisationChips, organisationSearchText } from '../../../src/renderer/src/lib/state/organisation-chips';
import type { OrganisationView } from '../../../src/shared/view';

const connection = { status: 'online', lastPollAt: 1, lastSuccessAt: 1, offlineSince: null, error: null, requests: 1, bytes: 1 } as const;
const organisation = (profileId: string, name: string): OrganisationView => ({ profileId, name, connection, fromCache: false, truncated: false, quantity: 50 });

describe('organisation chips', () => {
  it('takes the operator\'s label and colour, else the name\'s start and the colours in turn', () => {
    const chips = organisationChips([organisation('a', 'Broadcaster One'), organisation('b', 'Customer'), organisation('c', 'Staging')], {
      b: { short: 'CUST', colour: 'yellow' },
      c: { short: '  ', colour: 'teal' },
    });
    expect([...chips.values()].map((c) => [c.short, c.colour])).toEqual([
      ['Broadc', 'blue'],
      ['CUST', 'yellow'],
      ['Stagin', 'teal'],
    ]);
    expect(organisationSearchText(chips).get('b')).toBe('Customer CUST');
  });

  it('never takes a chip from an inherited property, and gives an empty name a mark', () => {
    expect(organisationChips([organisation('constructor', 'X')], {}).get('constructor')?.short).toBe('X');
    expect(defaultShort('   ')).toBe('?');
    expect(defaultShort('Ünïcödé-Organisation')).toBe('Ünïcöd');
  });
});
