import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, type ComposedApp } from '../../../src/main/compose';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import { MemorySettingsStore } from '../../../src/main/core/settings/settings';
import { cacheKey, WallCache } from '../../../src/main/core/cache/wall-cache';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { startSimulator, type Simulator } from '../../../src/main/simulator';
import { RecordingDesktop } from '../../support/recording-desktop';
import { until } from './helpers';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function app(): Promise<{ core: ComposedApp; desktop: RecordingDesktop; userDataDir: string }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'wall-session-'));
  const desktop = new RecordingDesktop();
  const core = composeApp({
    userDataDir,
    vault: new MemoryVault(null),
    settingsStore: new MemorySettingsStore({ listIntervalS: 2 }),
    assetSrc: (name) => `wall-asset://cache/${name}`,
    desktop,
    defaultDownloadDir: join(userDataDir, 'Downloads'),
  });
  cleanup.push(() => core.dispose());
  await core.start();
  return { core, desktop, userDataDir };
}

async function simulator(seed: number): Promise<{ sim: Simulator; secret: string }> {
  const sim = await startSimulator({ streams: 4, groups: 1, lifecycle: false, seed });
  cleanup.push(() => sim.close());
  const secret = sim.credentials.find((c) => c.kind === 'apiKey' && c.liveProcessing)?.secret ?? '';
  return { sim, secret };
}

describe('the session', () => {
  it('switching profiles stops the previous connection: its bintu hears nothing more', async () => {
    const { core } = await app();
    const a = await simulator(1);
    const b = await simulator(2);
    await core.session.connect({ name: 'A', apiBase: a.sim.baseUrl, credentialKind: 'apiKey', secret: a.secret });
    await until(() => core.session.wall().streams.length > 0);
    const view = await core.session.connect({ name: 'B', apiBase: b.sim.baseUrl, credentialKind: 'apiKey', secret: b.secret });
    expect(view.profiles.find((p) => p.id === view.activeProfileId)?.name).toBe('B');
    await until(() => core.session.wall().streams.length > 0);
    const heardByA = JSON.stringify(a.sim.stats().requests);
    await new Promise((r) => setTimeout(r, 2500));
    expect(JSON.stringify(a.sim.stats().requests)).toBe(heardByA);
    expect(b.sim.stats().requests.list).toBeGreaterThan(0);
  });

  it('a rejected credential is never stored and leaves the wall as it was', async () => {
    const { core } = await app();
    const a = await simulator(3);
    await expect(core.session.connect({ name: 'A', apiBase: a.sim.baseUrl, credentialKind: 'apiKey', secret: 'wrong-key-000' })).rejects.toMatchObject({
      code: 'credential-rejected',
    });
    const view = await core.session.view();
    expect(view.profiles).toEqual([]);
    expect(view.activeProfileId).toBeNull();
  });

  it('removing the active profile empties the wall and forgets its credential', async () => {
    const { core } = await app();
    const a = await simulator(4);
    const view = await core.session.connect({ name: 'A', apiBase: a.sim.baseUrl, credentialKind: 'apiKey', secret: a.secret });
    await until(() => core.session.wall().streams.length > 0);
    const after = await core.session.remove(view.activeProfileId ?? '');
    expect(after.profiles).toEqual([]);
    expect(core.session.wall().streams).toEqual([]);
  });

  it('shutdown writes the last wall to disk before it resolves, not at the next save tick', async () => {
    const { core, userDataDir } = await app();
    const a = await simulator(5);
    const view = await core.session.connect({ name: 'A', apiBase: a.sim.baseUrl, credentialKind: 'apiKey', secret: a.secret });
    const shown = await until(() => {
      const wall = core.session.wall();
      return wall.streams.length === 4 ? wall : null;
    });
    await core.shutdown();
    const cache = new WallCache(join(userDataDir, 'cache'), new AssetStore(join(userDataDir, 'cache')));
    const saved = await cache.load(cacheKey(view.activeProfileId ?? '', a.sim.baseUrl));
    expect(saved.snapshot?.streams.map((s) => s.id).sort()).toEqual(shown.streams.map((s) => s.streamId).sort());
  });

  it('the desktop follows start-at-login and the kiosk display from settings', async () => {
    const { core, desktop } = await app();
    core.settings.update((s) => ({ ...s, kiosk: { ...s.kiosk, startAtLogin: true, displayId: 2 } }));
    await core.handlers['window:set-kiosk']({ on: true });
    expect(desktop.kioskDisplay).toBe(2);
    expect(desktop.calls.filter((c) => c.method === 'setStartAtLogin').map((c) => c.args[0])).toEqual([true]);
  });
});
