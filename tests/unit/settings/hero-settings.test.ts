import { describe, expect, it } from 'vitest';
import { MemorySettingsStore, SettingsService, settingsSchema } from '../../../src/main/core/settings/settings';
import { applySettingsPatch } from '../../../src/main/core/settings/settings-update';

const filter = { search: '', states: [], tags: [], profiles: [] };

describe('hero tiles in settings', () => {
  it('settings stored before hero tiles read as having none, the rest of the wall and the layouts kept', () => {
    const settings = settingsSchema.parse({
      wall: { grid: '3x3', filter, sort: 'name' },
      layouts: [{ name: 'Studio', grid: '4x4', slots: ['a', 'b'], filter, sort: 'slot' }],
    });
    expect(settings.wall).toEqual({ grid: '3x3', filter, sort: 'name', heroes: {} });
    expect(settings.layouts).toEqual([{ name: 'Studio', grid: '4x4', slots: ['a', 'b'], filter, sort: 'slot', heroes: {} }]);
  });

  it('a damaged hero map costs only the hero sizes, not the wall or the layout around it', () => {
    const settings = settingsSchema.parse({
      wall: { grid: '3x3', filter, sort: 'slot', heroes: { a: 5 } },
      layouts: [{ name: 'Studio', grid: '4x4', slots: ['a'], filter, sort: 'slot', heroes: 'big' }],
    });
    expect(settings.wall.grid).toBe('3x3');
    expect(settings.wall.heroes).toEqual({});
    expect(settings.layouts.map((layout) => [layout.name, layout.heroes])).toEqual([['Studio', {}]]);
  });

  it('the page may set spans of 2 and 3 only, and they come back after a restart, on the wall and in the layout', () => {
    const store = new MemorySettingsStore();
    const service = new SettingsService(store);
    const current = service.get();
    expect(() => applySettingsPatch(current, { wall: { grid: 'auto', filter, sort: 'slot', heroes: { a: 4 as never } } })).toThrow();
    expect(() => applySettingsPatch(current, { wall: { grid: 'auto', filter, sort: 'slot', heroes: { a: 1 as never } } })).toThrow();
    const layout = { name: 'Studio', grid: '3x3' as const, slots: ['a', 'b'], filter, sort: 'slot' as const, heroes: { a: 2 as const } };
    service.update((s) => applySettingsPatch(s, { wall: { grid: '3x3', filter, sort: 'slot', heroes: { a: 2, b: 3 } }, layouts: [layout], activeLayout: 'Studio' }));
    const restarted = new SettingsService(store).get();
    expect(restarted.wall.heroes).toEqual({ a: 2, b: 3 });
    expect(restarted.layouts[0]?.heroes).toEqual({ a: 2 });
  });
});
