import { describe, expect, it } from 'vitest';
import { MemorySettingsStore, SettingsService, settingsSchema } from '../../../src/main/core/settings/settings';
import { applySettingsPatch, MAX_SETTINGS_BYTES } from '../../../src/main/core/settings/settings-update';
import type { Layout } from '../../../src/shared/settings-view';

const layout = (name: string, slots: number): Layout => ({
  name,
  grid: 'auto',
  slots: Array.from({ length: slots }, (_, i) => `${'s'.repeat(190)}${i}`),
  filter: { search: '', states: [], tags: [], profiles: [] },
  sort: 'slot',
  heroes: {},
});

describe('settings stay small', () => {
  it('refuses the largest layouts the schema allows, naming the field and the bound; nothing is stored', () => {
    const current = settingsSchema.parse({});
    const layouts = Array.from({ length: 50 }, (_, i) => layout(`L${i}`, 1000));
    expect(() => applySettingsPatch(current, { layouts })).toThrow(/^Layouts: the saved layouts are too large to keep \(\d+ KB of at most 256 KB\)/);
    const fits = applySettingsPatch(current, { layouts: [layout('wall', 100)] });
    expect(Buffer.byteLength(JSON.stringify(fits))).toBeLessThan(MAX_SETTINGS_BYTES);
  });

  it('a write on a full disk or a read-only folder is told in plain words, and the settings stay as they were', () => {
    for (const [code, words] of [['ENOSPC', /^The disk holding the settings file is full: free some space, then make the change again\. The change was not saved\.$/], ['EACCES', /may not write to the settings file/], ['EROFS', /read-only disk/]] as const) {
      const store = new MemorySettingsStore();
      const service = new SettingsService(store);
      store.write = () => {
        throw Object.assign(new Error(`${code}: write /home/x/.config/bintu-wall/settings.json.tmp-1234`), { code });
      };
      expect(() => service.update((s) => ({ ...s, listIntervalS: 9 }))).toThrow(words);
      expect(service.get().listIntervalS).toBe(5);
    }
  });
});
