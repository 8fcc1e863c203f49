import { describe, expect, it } from 'vitest';
import { MemorySettingsStore, SettingsService, settingsSchema } from '../../../src/main/core/settings/settings';
import { applySettingsPatch } from '../../../src/main/core/settings/settings-update';

describe('profiles in stored settings', () => {
  it('a profile stored before credential kinds existed keeps working as an API key; a stored token stays a token', () => {
    const parsed = settingsSchema.parse({
      profiles: [
        { id: 'old', name: 'Old', apiBase: 'https://bintu.nanocosmos.de' },
        { id: 'odd', name: 'Odd', apiBase: 'https://bintu.nanocosmos.de', credentialKind: 'password' },
        { id: 'new', name: 'New', apiBase: 'https://bintu.nanocosmos.de', credentialKind: 'token' },
      ],
    });
    expect(parsed.profiles.map((p) => [p.id, p.credentialKind])).toEqual([
      ['old', 'apiKey'],
      ['odd', 'apiKey'],
      ['new', 'token'],
    ]);
  });

  it('two profiles may share a name: both are kept', () => {
    const parsed = settingsSchema.parse({
      profiles: [
        { id: 'a', name: 'Studio', apiBase: 'https://bintu.nanocosmos.de', credentialKind: 'token' },
        { id: 'b', name: 'Studio', apiBase: 'https://bintu.nanocosmos.de', credentialKind: 'apiKey' },
      ],
    });
    expect(parsed.profiles.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('the dismissed master-key warnings default to none, survive a bad value alone, and the page may set them', () => {
    expect(settingsSchema.parse({}).keyWarningDismissed).toEqual([]);
    const bad = settingsSchema.parse({ keyWarningDismissed: 'all', quantity: 70 });
    expect(bad.keyWarningDismissed).toEqual([]);
    expect(bad.quantity).toBe(70);
    const service = new SettingsService(new MemorySettingsStore());
    const next = service.update((s) => applySettingsPatch(s, { keyWarningDismissed: ['p1'] }));
    expect(next.keyWarningDismissed).toEqual(['p1']);
    expect(() => applySettingsPatch(next, { keyWarningDismissed: [''] })).toThrow();
  });
});
