import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '../../../src/main/compose';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import { MemorySettingsStore } from '../../../src/main/core/settings/settings';
import type { CredentialKind } from '../../../src/shared/domain';
import type { DownloadView } from '../../../src/shared/download-view';
import { startSimulator } from '../../../src/main/simulator';
import { RecordingDesktop } from '../../support/recording-desktop';
import { until } from './helpers';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe.each<[CredentialKind, 'nanoReadOnly' | 'nanoAdmin']>([
  ['token', 'nanoReadOnly'],
  ['apiKey', 'nanoAdmin'],
])('a full session with a %s (%s)', (kind, role) => {
  it('sends nothing but GET, to bintu and to the asset host, as the simulator\'s request log shows', async () => {
    // No list item carries assets: every picture, replay and recording comes from a details request.
    const sim = await startSimulator({ streams: 6, groups: 1, seed: 71, lifecycle: false, listWithoutAssets: true, thumbIntervalRange: [10, 10] });
    cleanup.push(() => sim.close());
    const secret = sim.credentials.find((c) => c.kind === kind && c.role === role && c.liveProcessing)?.secret as string;
    const dir = mkdtempSync(join(tmpdir(), 'wall-get-only-'));
    const desktop = new RecordingDesktop();
    const core = composeApp({
      userDataDir: dir,
      vault: new MemoryVault(null),
      settingsStore: new MemorySettingsStore({ listIntervalS: 2 }),
      assetSrc: (name) => `wall-asset://cache/${name}`,
      desktop,
      defaultDownloadDir: join(dir, 'Downloads'),
    });
    cleanup.push(() => core.dispose());
    await core.start();
    const call = async (channel: Parameters<typeof core.dispatch>[0], payload?: unknown): Promise<unknown> => {
      const result = await core.dispatch(channel, payload);
      if (!result.ok) throw new Error(`${String(channel)}: ${result.error.message}`);
      return result.value;
    };

    // Connect (the credential check), then the wall polls list, details and pictures.
    await call('profile:connect', { name: 'Studio', apiBase: sim.baseUrl, credentialKind: kind, secret });
    // The wall's tiles (by wall key) with the details main holds for each.
    const streams = await until(() => {
      const known = core.session.wall().streams.flatMap((tile) => {
        const held = core.session.stream(tile.id)?.stream;
        return held ? [{ ...held, id: tile.id }] : [];
      });
      return known.some((s) => s.recordings.length > 0) && known.some((s) => s.variants.some((v) => v.replay)) ? known : null;
    }, 15_000);
    await until(() => (sim.requests().some((r) => r.path.startsWith('/vod/thumbnails/')) ? true : null), 15_000);

    // Focus on one stream: the page's tiles and the details main holds, with its ids on screen.
    const focused = streams.find((s) => s.recordings.length > 0)!;
    await call('wall:set-visible', { streamIds: [focused.id] });
    // Replay: main resolves the page URL bintu gave and opens it.
    const replayable = streams.find((s) => s.variants.some((v) => v.replay))!;
    await call('replay:open', { streamId: replayable.id });
    expect(desktop.calls.some((c) => c.method === 'openReplay')).toBe(true);
    // A recording download, to the end.
    const started = (await call('downloads:start', { streamId: focused.id, recordingId: focused.recordings[0]!.id })) as DownloadView;
    for (const end = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 100))) {
      const list = (await call('downloads:list')) as DownloadView[];
      const state = list.find((d) => d.id === started.id)?.state;
      if (state === 'done') break;
      if (state === 'failed' || Date.now() > end) throw new Error(`the download ended ${state ?? 'missing'}`);
    }
    // Settings change that the poller follows, then a refresh by hand.
    await call('settings:update', { quantity: 20, listIntervalS: 3 });
    const lists = sim.requests().filter((r) => r.path.startsWith('/stream?')).length;
    await call('wall:refresh', undefined);
    await until(() => (sim.requests().filter((r) => r.path.startsWith('/stream?')).length > lists ? true : null), 10_000);

    const log = sim.requests();
    const api = log.filter((r) => r.listener === 'api');
    const assets = log.filter((r) => r.listener === 'assets');
    // The session did what it claims: list, details with asset_limit, pictures, a recording.
    expect(api.some((r) => /^\/stream\?.*quantity=20/.test(r.path))).toBe(true);
    expect(api.some((r) => /^\/stream\/[^/?]+\?asset_limit=\d+$/.test(r.path))).toBe(true);
    expect(assets.some((r) => r.path.startsWith('/vod/thumbnails/'))).toBe(true);
    expect(assets.some((r) => /\/vod\/[^/]+\.mp4/.test(r.path))).toBe(true);
    expect(api.every((r) => r.status === 200)).toBe(true);
    // And every one of those requests was a GET.
    const others = log.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.listener} ${r.path}`);
    expect(others).toEqual([]);
  }, 60_000);
});
