import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, type ComposedApp } from '../../../src/main/compose';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import { MemorySettingsStore } from '../../../src/main/core/settings/settings';
import { startSimulator, type Simulator } from '../../../src/main/simulator';
import { RecordingDesktop } from '../../support/recording-desktop';
import { until } from './helpers';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function app(vault = new MemoryVault(null), stored: unknown = { listIntervalS: 2 }): Promise<ComposedApp> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'wall-profiles-'));
  const core = composeApp({
    userDataDir,
    vault,
    settingsStore: new MemorySettingsStore(stored),
    assetSrc: (name) => `wall-asset://cache/${name}`,
    desktop: new RecordingDesktop(),
    defaultDownloadDir: join(userDataDir, 'Downloads'),
  });
  cleanup.push(() => core.dispose());
  await core.start();
  return core;
}

async function simulator(seed: number): Promise<Simulator> {
  const sim = await startSimulator({ streams: 3, groups: 0, lifecycle: false, seed });
  cleanup.push(() => sim.close());
  return sim;
}

const secret = (sim: Simulator, kind: 'apiKey' | 'token', role = 'nanoReadOnly') =>
  sim.credentials.find((c) => c.kind === kind && c.role === role && c.liveProcessing)?.secret as string;

describe('profiles, credential kinds and bad input', () => {
  it('a second profile with the same name and API base is added, not merged; replacing goes by profile id', async () => {
    const core = await app();
    const sim = await simulator(21);
    const first = await core.session.connect({ name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'apiKey', secret: secret(sim, 'apiKey', 'nanoAdmin') });
    const second = await core.session.connect({ name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'token', secret: secret(sim, 'token') });
    expect(second.profiles.map((p) => [p.name, p.credentialKind])).toEqual([
      ['Studio', 'apiKey'],
      ['Studio', 'token'],
    ]);
    // The operator swaps the first profile's master key for a token: same id, same place.
    const firstId = first.activeProfileId as string;
    const replaced = await core.session.connect({ name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'token', secret: secret(sim, 'token', 'nanoUser'), profileId: firstId });
    expect(replaced.profiles.map((p) => [p.id === firstId, p.credentialKind])).toEqual([
      [true, 'token'],
      [false, 'token'],
    ]);
    expect(replaced.activeProfileId).toBe(firstId);
    await expect(core.session.connect({ name: 'X', apiBase: sim.baseUrl, credentialKind: 'token', secret: secret(sim, 'token'), profileId: 'gone' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('removing a profile forgets its dismissed master-key warning', async () => {
    const core = await app();
    const sim = await simulator(22);
    const view = await core.session.connect({ name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'apiKey', secret: secret(sim, 'apiKey', 'nanoAdmin') });
    const id = view.activeProfileId as string;
    expect((await core.dispatch('settings:update', { keyWarningDismissed: [id, 'other'] })).ok).toBe(true);
    await core.session.remove(id);
    expect(core.settings.get().keyWarningDismissed).toEqual(['other']);
  });

  it('a token bintu stops accepting turns the wall to "credential rejected", saying it was a token', async () => {
    const core = await app();
    const sim = await simulator(23);
    await core.session.connect({ name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'token', secret: secret(sim, 'token') });
    await until(() => core.session.wall().streams.length > 0);
    sim.revokeCredential(secret(sim, 'token'));
    const wall = await until(() => (core.session.wall().connection.status === 'credential-rejected' ? core.session.wall() : null), 10_000);
    expect(wall.connection.error).toMatchObject({ code: 'credential-rejected', credentialKind: 'token' });
    expect(wall.connection.error?.message).toMatch(/tokens expire and can be revoked/);
    expect(JSON.stringify(wall)).not.toContain(secret(sim, 'token'));
  });

  it('a profile whose keychain entry was deleted outside the app starts without a wall and shows "no credential", ready to be entered again', async () => {
    const sim = await simulator(24);
    const vault = new MemoryVault(null);
    const stored = {
      listIntervalS: 2,
      profiles: [{ id: 'p1', name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'token' }],
      activeProfileId: 'p1',
    };
    const core = await app(vault, stored);
    const view = await core.session.view();
    expect(view.activeProfileId).toBeNull();
    expect(view.profiles).toEqual([{ id: 'p1', name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'token', hasCredential: false, onWall: false }]);
    expect(sim.requests()).toEqual([]);
    // Entering it again for that profile connects it, and keeps the one profile.
    const after = await core.session.connect({ name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'token', secret: secret(sim, 'token'), profileId: 'p1' });
    expect(after.profiles).toHaveLength(1);
    expect(after.activeProfileId).toBe('p1');
    expect(after.profiles[0]?.hasCredential).toBe(true);
  });
});
