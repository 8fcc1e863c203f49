import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../src/main/simulator';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { cacheKey, WallCache } from '../../../src/main/core/cache/wall-cache';
import { MemorySettingsStore, SettingsService } from '../../../src/main/core/settings/settings';
import type { ConnectionDeps, ConnectionTarget } from '../../../src/main/core/session/wall-connection';
import type { Logger } from '../../../src/main/core/log/logger';
import { AlarmCenter } from '../../../src/main/core/alarms/alarm-center';
import { RecordingDesktop } from '../../support/recording-desktop';

/** A logger that keeps what it was told, for assertions. */
export function memoryLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') } as Logger & { lines: string[] };
}

/** A simulator and the shared services every connection uses, in a fresh user-data folder. */
export async function connectionWorld(streams = 6): Promise<{ sim: Simulator; deps: ConnectionDeps; target: ConnectionTarget; close(): Promise<void> }> {
  const sim = await startSimulator({ streams, groups: 1, lifecycle: false, seed: 5 });
  const dir = mkdtempSync(join(tmpdir(), 'wall-connection-'));
  const http = new HttpClient();
  const store = new AssetStore(join(dir, 'cache'));
  const settings = new SettingsService(new MemorySettingsStore({ listIntervalS: 2 }));
  const log = memoryLog();
  const alarms = new AlarmCenter({ folder: join(dir, 'alarms'), http, settings, desktop: new RecordingDesktop(), log });
  const deps: ConnectionDeps = {
    settings,
    alarms,
    http,
    store,
    cache: new WallCache(join(dir, 'cache'), store),
    assetSrc: (name) => `wall-asset://cache/${name}`,
    log,
  };
  const secret = sim.credentials.find((c) => c.kind === 'apiKey' && c.liveProcessing)?.secret ?? '';
  const target: ConnectionTarget = { profileId: 'p1', apiBase: sim.baseUrl, credential: { kind: 'apiKey', secret }, cacheKey: cacheKey('p1', sim.baseUrl), name: 'Test organisation' };
  return {
    sim,
    deps,
    target,
    async close() {
      alarms.dispose();
      http.dispose();
      await sim.close();
    },
  };
}

/** Polls `probe` until it answers something truthy. */
export async function until<T>(probe: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
