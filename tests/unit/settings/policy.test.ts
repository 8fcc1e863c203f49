import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeApp } from '../../../src/main/compose';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import { RecordingDesktop } from '../../support/recording-desktop';
import { loadPolicy, parsePolicy, policyPath } from '../../../src/main/core/settings/policy';
import { MemorySettingsStore, SettingsService } from '../../../src/main/core/settings/settings';
import { changedPinnedFields, LABELS, type applySettingsPatch } from '../../../src/main/core/settings/settings-update';

const PATH = '/etc/bintu-wall/policy.json';

describe('the policy file', () => {
  it('lives where each system keeps machine-wide settings, unless BINTU_WALL_POLICY names another', () => {
    expect(policyPath({}, 'linux')).toBe('/etc/bintu-wall/policy.json');
    expect(policyPath({}, 'darwin')).toBe('/Library/Application Support/Bintu Wall/policy.json');
    expect(policyPath({ ProgramData: 'D:\\PD' }, 'win32')).toBe(join('D:\\PD', 'Bintu Wall', 'policy.json'));
    expect(policyPath({ BINTU_WALL_POLICY: '/tmp/p.json' }, 'linux')).toBe('/tmp/p.json');
  });

  it('takes the valid fields of a policy and names each wrong or unknown one in plain words', () => {
    const loaded = parsePolicy(
      JSON.stringify({
        apiBase: 'https://bintu.example',
        disableDemo: true,
        listIntervalS: 1,
        quantity: 200,
        proxy: { mode: 'manual', url: 'proxy.corp:3128' },
        kiosk: { force: true, displayId: 2 },
        apiKey: 'should-never-be-here',
        colour: 'red',
      }),
      PATH,
    );
    expect(loaded.policy).toEqual({
      apiBase: 'https://bintu.example',
      disableDemo: true,
      quantity: 200,
      proxy: { mode: 'manual', url: 'proxy.corp:3128' },
      kiosk: { force: true, displayId: 2 },
    });
    expect(loaded.problems).toHaveLength(3);
    expect(loaded.problems[0]).toMatch(/^The policy field "listIntervalS" was ignored: value Too small/);
    expect(loaded.problems[1]).toMatch(/"apiKey" is not known and was ignored\. Keys and passwords never belong in a policy/);
    expect(loaded.problems[1]).not.toContain('should-never-be-here');
    expect(loaded.problems[2]).toBe('The policy field "colour" is not known and was ignored.');
  });

  it('never throws: no file is no policy, a broken file is reported and ignored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    expect(loadPolicy(join(dir, 'missing.json'))).toEqual({ path: null, policy: {}, problems: [] });
    writeFileSync(join(dir, 'broken.json'), '{ "quantity": 5,');
    const broken = loadPolicy(join(dir, 'broken.json'));
    expect(broken.policy).toEqual({});
    expect(broken.problems[0]).toContain('is not valid JSON; no setting is managed');
    expect(parsePolicy('[1,2]', PATH).problems[0]).toContain('must hold one JSON object');
    expect(parsePolicy(JSON.stringify({ proxy: { mode: 'manual', url: 'http://u:p@proxy:1' } }), PATH).policy).toEqual({});
  });
});

describe('settings under a policy', () => {
  const policy = parsePolicy(JSON.stringify({ quantity: 200, proxy: { mode: 'direct', url: '' }, kiosk: { force: true, displayId: 7 } }), PATH);

  it('answers with the pinned values and keeps the stored ones underneath, unwritten', () => {
    const store = new MemorySettingsStore({ quantity: 30, listIntervalS: 9 });
    const settings = new SettingsService(store, policy);
    expect(settings.get()).toMatchObject({ quantity: 200, listIntervalS: 9, proxy: { mode: 'direct' }, kiosk: { startInKiosk: true, displayId: 7 } });
    expect(settings.pinned()).toEqual(['quantity', 'proxy', 'kiosk']);
    settings.update((s) => ({ ...s, listIntervalS: 12 }));
    expect(settings.get()).toMatchObject({ quantity: 200, listIntervalS: 12 });
    expect(store.read()).toMatchObject({ quantity: 30, listIntervalS: 12 });
  });

  it('refuses a change to a pinned value with a clear error, and lets unchanged or unpinned fields through', () => {
    const settings = new SettingsService(new MemorySettingsStore(), policy);
    const refuse = (patch: Parameters<typeof applySettingsPatch>[1]) => () =>
      settings.refusePinned(changedPinnedFields(settings.get(), patch, settings.pinned()), (f) => LABELS[f] ?? f);
    expect(refuse({ quantity: 10 })).toThrowError(expect.objectContaining({ code: 'policy-managed', message: 'Streams to load (quantity) is managed by your organisation and cannot be changed here. Ask your IT department to change the policy.' }));
    expect(refuse({ quantity: 10, proxy: { mode: 'system', url: '' } })).toThrowError(/Streams to load \(quantity\), Network proxy are managed/);
    expect(refuse({ quantity: 200, listIntervalS: 20 })).not.toThrow();
    expect(refuse({ kiosk: { ...settings.get().kiosk, hideCursorAfterS: 9 } })).not.toThrow();
    expect(refuse({ kiosk: { ...settings.get().kiosk, startInKiosk: false } })).toThrowError(/Kiosk is managed/);
  });
});

describe('the update feed under a policy', () => {
  it('a policy pins the feed (or keeps updates off with an empty one); only https or this computer’s http is taken', () => {
    expect(parsePolicy(JSON.stringify({ updateFeed: 'https://updates.corp.example/bintu-wall/' }), PATH).policy).toEqual({ updateFeed: 'https://updates.corp.example/bintu-wall' });
    expect(parsePolicy(JSON.stringify({ updateFeed: '' }), PATH).policy).toEqual({ updateFeed: '' });
    for (const bad of ['http://updates.corp.example/', 'ftp://updates.corp.example/', 'https://user:pw@updates.corp.example/', 'https://updates.corp.example/?channel=beta']) {
      const loaded = parsePolicy(JSON.stringify({ updateFeed: bad }), PATH);
      expect(loaded.policy, bad).toEqual({});
      expect(loaded.problems[0], bad).toMatch(/^The policy field "updateFeed" was ignored: value enter the update feed as https:\/\/host\/path/);
    }
  });

  it('settings:update refuses a pinned feed and Settings shows it as managed; other settings still change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-updates-'));
    const app = composeApp({
      userDataDir: join(dir, 'user-data'),
      vault: new MemoryVault(null),
      settingsStore: new MemorySettingsStore({ updateFeed: 'https://updates.operator.example' }),
      assetSrc: (name) => `wall-asset://cache/${name}`,
      desktop: new RecordingDesktop(),
      defaultDownloadDir: join(dir, 'Downloads'),
      policy: parsePolicy(JSON.stringify({ updateFeed: '' }), PATH),
    });
    try {
      // The organisation keeps this workstation off any feed, whatever was stored before.
      expect(app.settings.get().updateFeed).toBe('');
      expect(await app.dispatch('updates:get', undefined)).toEqual({ ok: true, value: { currentVersion: 'unknown', state: { status: 'off' } } });
      expect(await app.dispatch('policy:get', undefined)).toMatchObject({ ok: true, value: { managed: ['updateFeed'] } });
      const refused = await app.dispatch('settings:update', { updateFeed: 'https://updates.elsewhere.example' });
      expect(refused).toEqual({
        ok: false,
        error: { code: 'policy-managed', message: 'Update feed is managed by your organisation and cannot be changed here. Ask your IT department to change the policy.' },
      });
      expect(app.settings.get().updateFeed).toBe('');
      // The page sends the pinned value back unchanged with other settings: that is no change.
      expect(await app.dispatch('settings:update', { updateFeed: '', quantity: 40 })).toMatchObject({ ok: true, value: { updateFeed: '', quantity: 40 } });
    } finally {
      app.dispose();
    }
  });
});
