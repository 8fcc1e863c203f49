import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../src/main/core/settings/settings';
import { splitWallKey, wallKey } from '../../../src/shared/wall-key';

const profile = (id: string) => ({ id, name: id, apiBase: 'https://bintu.example', credentialKind: 'token' });
const layout = (slots: string[]) => ({ name: 'Studio', grid: '2x2', slots, filter: { search: '', states: [], tags: [] }, sort: 'slot' });

describe('stream keys in settings', () => {
  it('names plain ids saved with one profile on the wall by the active profile, once', () => {
    const saved = settingsSchema.parse({
      profiles: [profile('p1'), profile('p2')],
      activeProfileId: 'p1',
      slots: ['a', 'b/with-slash'],
      labels: { a: 'Lobby' },
      layouts: [layout(['b/with-slash', 'a'])],
      watch: { streamIds: ['a'], tags: ['news'] },
    });
    expect(saved.slots).toEqual(['p1/a', 'p1/b/with-slash']);
    expect(saved.labels).toEqual({ 'p1/a': 'Lobby' });
    expect(saved.layouts[0]?.slots).toEqual(['p1/b/with-slash', 'p1/a']);
    // A layout saved before organisations could be filtered on filters none.
    expect(saved.layouts[0]?.filter.profiles).toEqual([]);
    expect(saved.watch).toEqual({ streamIds: ['p1/a'], tags: ['news'] });
    // Read again (every update parses the whole): nothing is prefixed twice, and another
    // profile's keys, or those of a profile removed since, stay whose they are.
    const again = settingsSchema.parse({ ...saved, activeProfileId: 'p2', slots: [...saved.slots, 'removed/x'] });
    expect(again.slots).toEqual(['p1/a', 'p1/b/with-slash', 'removed/x']);
  });

  it('leaves plain ids alone while no profile is active, and owns them once one is', () => {
    const none = settingsSchema.parse({ slots: ['a'] });
    expect(none.slots).toEqual(['a']);
    const later = settingsSchema.parse({ ...none, profiles: [profile('p9')], activeProfileId: 'p9' });
    expect(later.slots).toEqual(['p9/a']);
  });

  it('refuses a profile id with a slash: a wall key splits at the first one', () => {
    const saved = settingsSchema.parse({ profiles: [profile('a/b'), profile('p1')] });
    expect(saved.profiles.map((p) => p.id)).toEqual(['p1']);
    expect(splitWallKey(wallKey('p1', 'x/y'))).toEqual({ profileId: 'p1', streamId: 'x/y' });
    expect(splitWallKey('plain')).toBeNull();
  });
});

describe('the watch list across organisations', () => {
  it('watches a stream of one organisation by wall key, not the same id of another; a plain id left from before keys still counts', async () => {
    const { watchPredicate } = await import('../../../src/main/core/alarms/watch');
    const list = { streamIds: ['p1/s'], tags: ['news'] };
    expect(watchPredicate(list, 'p1')({ id: 's', tags: [] })).toBe(true);
    expect(watchPredicate(list, 'p2')({ id: 's', tags: [] })).toBe(false);
    expect(watchPredicate(list, 'p2')({ id: 'other', tags: ['news'] })).toBe(true);
    expect(watchPredicate({ streamIds: ['s'], tags: [] }, 'cli')({ id: 's', tags: [] })).toBe(true);
  });
});
