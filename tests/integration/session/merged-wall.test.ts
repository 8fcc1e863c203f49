import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, type ComposedApp } from '../../../src/main/compose';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import { MemorySettingsStore } from '../../../src/main/core/settings/settings';
import { startSimulator, type Simulator } from '../../../src/main/simulator';
import type { WallView } from '../../../src/shared/view';
import { RecordingDesktop } from '../../support/recording-desktop';
import { until } from './helpers';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

interface World {
  userDataDir: string;
  vault: MemoryVault;
  settingsStore: MemorySettingsStore;
}

/** A user-data folder, keychain and settings file: an app restarted on the same world finds them. */
function world(): World {
  return {
    userDataDir: mkdtempSync(join(tmpdir(), 'merged-wall-')),
    vault: new MemoryVault(null),
    // The connection alarm after 2 s unreachable, so an outage raises it within the test.
    settingsStore: new MemorySettingsStore({ listIntervalS: 2, alarms: { connection: { enabled: true, unreachableSeconds: 2 } } }),
  };
}

async function app(w: World = world()): Promise<{ core: ComposedApp; views: WallView[] }> {
  const { userDataDir, vault, settingsStore } = w;
  const core = composeApp({
    userDataDir,
    vault,
    settingsStore,
    assetSrc: (name) => `wall-asset://cache/${name}`,
    desktop: new RecordingDesktop(),
    defaultDownloadDir: join(userDataDir, 'Downloads'),
  });
  cleanup.push(() => core.dispose());
  const views: WallView[] = [];
  core.session.onDidChangeWall((view) => views.push(view));
  await core.start();
  return { core, views };
}

/** A simulator; the same seed gives the same stream ids, as two organisations may well have. */
async function simulator(seed = 5): Promise<{ sim: Simulator; secret: string; secrets: string[] }> {
  const sim = await startSimulator({ streams: 4, groups: 1, lifecycle: false, seed });
  cleanup.push(() => sim.close());
  const secrets = sim.credentials.filter((c) => c.kind === 'apiKey').map((c) => c.secret);
  const secret = sim.credentials.find((c) => c.kind === 'apiKey' && c.liveProcessing)?.secret ?? '';
  return { sim, secret, secrets };
}

/** Connects two organisations and puts the first beside the second (the active one) on the wall. */
async function twoOrganisations(core: ComposedApp, a: { sim: Simulator; secret: string }, b: { sim: Simulator; secret: string }): Promise<{ idA: string; idB: string }> {
  const first = await core.session.connect({ name: 'A', apiBase: a.sim.baseUrl, credentialKind: 'apiKey', secret: a.secret });
  const idA = first.activeProfileId ?? '';
  const second = await core.session.connect({ name: 'B', apiBase: b.sim.baseUrl, credentialKind: 'apiKey', secret: b.secret });
  const idB = second.activeProfileId ?? '';
  core.settings.update((s) => ({ ...s, wallProfiles: [idA] }));
  await until(() => {
    const wall = core.session.wall();
    return wall.organisations.length === 2 && wall.organisations.every((o) => o.connection.status === 'online') && wall.streams.length === 8;
  }, 15_000);
  return { idA, idB };
}

const api = (sim: Simulator): number => sim.stats().requests.list + sim.stats().requests.details;

describe('several organisations on one wall', () => {
  it('shows every organisation\'s streams, each known by profile and id, with each organisation\'s connection', async () => {
    const { core } = await app();
    const a = await simulator();
    const b = await simulator();
    const { idA, idB } = await twoOrganisations(core, a, b);
    const wall = core.session.wall();
    // Both simulators hold the same stream ids: the wall keeps them apart.
    expect(new Set(wall.streams.map((s) => s.streamId)).size).toBe(4);
    expect(new Set(wall.streams.map((s) => s.id)).size).toBe(8);
    for (const tile of wall.streams) expect(tile.id).toBe(`${tile.profileId}/${tile.streamId}`);
    expect(wall.organisations.map((o) => [o.profileId, o.name])).toEqual([[idB, 'B'], [idA, 'A']]);
    const session = await core.session.view();
    expect(session.profiles.map((p) => [p.name, p.onWall])).toEqual([['A', true], ['B', true]]);
    // A request for one organisation's stream goes to its own bintu, by the plain id.
    const tileA = wall.streams.find((s) => s.profileId === idA);
    expect(core.session.stream(tileA?.id ?? '')?.apiBase).toBe(a.sim.baseUrl);
    expect(core.session.stream(tileA?.streamId ?? '')).toBeNull();
  }, 30_000);

  it('one organisation offline marks only its own organisation offline and raises only its connection alarm', async () => {
    const { core, views } = await app();
    const a = await simulator();
    const b = await simulator();
    const { idA, idB } = await twoOrganisations(core, a, b);
    const from = views.length;
    const heardByB = api(b.sim);
    await a.sim.close();
    const wall = await until(() => {
      const w = core.session.wall();
      return w.organisations.find((o) => o.profileId === idA)?.connection.status === 'offline' ? w : null;
    }, 20_000);
    expect(wall.organisations.find((o) => o.profileId === idB)?.connection.status).toBe('online');
    expect(wall.connection.status).toBe('degraded');
    // A's tiles stay, with their last pictures; B's keep coming.
    expect(wall.streams.filter((s) => s.profileId === idA)).toHaveLength(4);
    const alarms = await until(() => {
      const state = core.alarms.state();
      return state.connection.alarm?.state === 'alarm' ? state : null;
    }, 10_000);
    expect(alarms.connection.profileId).toBe(idA);
    // Every organisation's connection, named: A's alarm, B fine.
    expect(alarms.connections.map((c) => [c.name, c.profileId, c.alarm?.type ?? null])).toEqual([['B', idB, null], ['A', idA, 'connection']]);
    expect(api(b.sim)).toBeGreaterThan(heardByB);
    // B never left "online" while A went down.
    for (const view of views.slice(from)) expect(view.organisations.find((o) => o.profileId === idB)?.connection.status).toBe('online');
  }, 45_000);

  it('two organisations down raise two connection alarms, each named by its organisation and acknowledged on its own', async () => {
    const { core } = await app();
    const a = await simulator();
    const b = await simulator();
    const { idA, idB } = await twoOrganisations(core, a, b);
    await Promise.all([a.sim.close(), b.sim.close()]);
    const alarms = await until(() => {
      const state = core.alarms.state();
      return state.connections.filter((c) => c.alarm?.state === 'alarm').length === 2 ? state : null;
    }, 20_000);
    const byName = new Map(alarms.connections.map((c) => [c.name, c]));
    expect(byName.get('A')?.profileId).toBe(idA);
    expect(byName.get('B')?.profileId).toBe(idB);
    expect(alarms.unacknowledged).toBe(2);
    core.alarms.acknowledge(byName.get('A')?.alarm?.alarmId ?? '');
    const after = core.alarms.state();
    expect(after.connections.map((c) => [c.name, c.alarm?.state])).toEqual([['B', 'alarm'], ['A', 'acknowledged']]);
    expect(after.unacknowledged).toBe(1);
  }, 45_000);

  it('adding and removing an organisation never touches the others\' connection; the removed one\'s tiles leave, the others keep their keys', async () => {
    const { core, views } = await app();
    const a = await simulator();
    const b = await simulator();
    const c = await simulator(7);
    const { idA, idB } = await twoOrganisations(core, a, b);
    core.settings.update((s) => ({ ...s, labels: { [`${idA}/x`]: 'Gone with A', [`${idB}/x`]: 'Stays' }, watch: { streamIds: [`${idA}/x`, `${idB}/x`], tags: [] } }));
    const slots = core.session.wall().streams.map((s) => s.id);
    core.settings.update((s) => ({ ...s, slots }));
    const from = views.length;
    // A third organisation is connected: on a wall of several it joins the others, then A leaves.
    const third = await core.session.connect({ name: 'C', apiBase: c.sim.baseUrl, credentialKind: 'apiKey', secret: c.secret });
    expect(third.profiles.filter((p) => p.onWall).map((p) => p.name).sort()).toEqual(['A', 'B', 'C']);
    await until(() => core.session.wall().organisations.length === 3 && core.session.wall().streams.length === 12, 15_000);
    const after = await core.session.remove(idA);
    expect(after.profiles.map((p) => p.name).sort()).toEqual(['B', 'C']);
    const wall = core.session.wall();
    expect(wall.streams.some((s) => s.profileId === idA)).toBe(false);
    expect(wall.streams.filter((s) => s.profileId === idB)).toHaveLength(4);
    const settings = core.settings.get();
    expect(settings.slots).toEqual(slots);
    expect(settings.labels).toEqual({ [`${idB}/x`]: 'Stays' });
    expect(settings.watch.streamIds).toEqual([`${idB}/x`]);
    // B's connection was never rebuilt: it never went back to "connecting", nor was its cache shown again.
    for (const view of views.slice(from)) {
      const orgB = view.organisations.find((o) => o.profileId === idB);
      expect(orgB?.connection.status).toBe('online');
      expect(orgB?.fromCache).toBe(false);
    }
    // A's bintu hears nothing more.
    const heardByA = api(a.sim);
    await new Promise((r) => setTimeout(r, 2500));
    expect(api(a.sim)).toBe(heardByA);
  }, 45_000);

  it('organisations on one bintu host share its Retry-After: one that joins while the host said "wait" waits too', async () => {
    const { core } = await app();
    const host = await simulator();
    const other = await simulator(9);
    const second = host.secrets.find((s) => s !== host.secret) ?? host.secret;
    const d = await core.session.connect({ name: 'D', apiBase: host.sim.baseUrl, credentialKind: 'apiKey', secret: second });
    const idD = d.activeProfileId ?? '';
    await core.session.connect({ name: 'C', apiBase: host.sim.baseUrl, credentialKind: 'apiKey', secret: host.secret });
    const o = await core.session.connect({ name: 'O', apiBase: other.sim.baseUrl, credentialKind: 'apiKey', secret: other.secret });
    const idO = o.activeProfileId ?? '';
    const idC = (await core.session.view()).profiles.find((p) => p.name === 'C')?.id ?? '';
    core.settings.update((s) => ({ ...s, wallProfiles: [idC] }));
    await until(() => core.session.wall().organisations.every((org) => org.connection.status === 'online') && core.session.wall().organisations.length === 2, 15_000);
    host.sim.control.setGlobalFaults({ scope: 'api', rateLimitRate: 1, retryAfterS: 30 });
    await until(() => (host.sim.stats().statuses['429'] ?? 0) > 0, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    const heard = api(host.sim);
    const heardByOther = api(other.sim);
    // D joins the wall: its own poller, but the host's gate is closed for every organisation on it.
    core.settings.update((s) => ({ ...s, wallProfiles: [idC, idD] }));
    await until(() => core.session.wall().organisations.length === 3);
    await new Promise((r) => setTimeout(r, 3000));
    expect(api(host.sim)).toBe(heard);
    // The organisation on another host polls on, and stays online.
    expect(api(other.sim)).toBeGreaterThan(heardByOther);
    expect(core.session.wall().organisations.find((org) => org.profileId === idO)?.connection.status).toBe('online');
  }, 45_000);

  it('a profile whose keychain entry is gone stays off the wall, and the others go on', async () => {
    const w = world();
    const { core } = await app(w);
    const a = await simulator();
    const b = await simulator();
    const { idA, idB } = await twoOrganisations(core, a, b);
    core.settings.update((s) => ({ ...s, wallProfiles: [] }));
    await until(() => core.session.wall().organisations.length === 1);
    await w.vault.delete(idA);
    core.settings.update((s) => ({ ...s, wallProfiles: [idA] }));
    await new Promise((r) => setTimeout(r, 500));
    const wall = core.session.wall();
    expect(wall.organisations.map((o) => [o.profileId, o.connection.status])).toEqual([[idB, 'online']]);
    const session = await core.session.view();
    expect(session.profiles.find((p) => p.id === idA)).toMatchObject({ hasCredential: false, onWall: false });
    expect(session.activeProfileId).toBe(idB);
  }, 30_000);

  it('an organisation whose host is down at start shows its cached tiles, stale, and the others are live', async () => {
    const w = world();
    const first = await app(w);
    const a = await simulator();
    const b = await simulator();
    const { idA, idB } = await twoOrganisations(first.core, a, b);
    await first.core.shutdown();
    await a.sim.close();
    const { core } = await app(w);
    const wall = await until(() => {
      const view = core.session.wall();
      const orgA = view.organisations.find((o) => o.profileId === idA);
      const orgB = view.organisations.find((o) => o.profileId === idB);
      return orgA?.connection.status === 'offline' && orgB?.connection.status === 'online' && orgB.fromCache === false ? view : null;
    }, 20_000);
    expect(wall.organisations.find((o) => o.profileId === idA)?.fromCache).toBe(true);
    expect(wall.streams.filter((s) => s.profileId === idA)).toHaveLength(4);
    expect(wall.streams.filter((s) => s.profileId === idB)).toHaveLength(4);
  }, 45_000);
});
