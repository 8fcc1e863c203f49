import { afterEach, describe, expect, it } from 'vitest';
import { WallConnection } from '../../../src/main/core/session/wall-connection';
import { HostGate } from '../../../src/main/core/poller/host-gate';
import { cacheKey } from '../../../src/main/core/cache/wall-cache';
import { startSimulator } from '../../../src/main/simulator';
import { connectionWorld, until } from './helpers';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Live handles by kind, as Node counts them (timers, sockets, file requests). */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

const settle = () => new Promise((r) => setTimeout(r, 400));

describe('connections started and stopped many times', () => {
  it('leave no listener, timer, file handle or extra socket behind after 100 cycles', async () => {
    const world = await connectionWorld(4);
    cleanup.push(() => world.close());
    const cycle = async () => {
      const connection = new WallConnection(world.target, world.deps);
      await connection.start();
      await until(() => connection.view().connection.status === 'online');
      await connection.close();
    };
    await cycle();
    await settle();
    const before = handles();
    for (let i = 0; i < 100; i++) await cycle();
    await settle();
    const after = handles();
    expect(world.deps.settings.followers).toBe(0);
    expect(after['Timeout'] ?? 0).toBeLessThanOrEqual(before['Timeout'] ?? 0);
    expect(after['FSReqCallback'] ?? 0).toBe(0);
    expect(after['FileHandle'] ?? 0).toBe(0);
    // The shared client keeps at most its per-host pool of idle keep-alive sockets, however many
    // connections came and went.
    const maxPool = world.deps.http.maxSocketsPerHost();
    expect((after['TCPSocketWrap'] ?? 0) - (before['TCPSocketWrap'] ?? 0)).toBeLessThanOrEqual(maxPool);
  }, 120_000);

  it('several organisations at once, on two hosts with a shared gate, leave nothing behind after 40 cycles', async () => {
    const world = await connectionWorld(4);
    cleanup.push(() => world.close());
    const second = await startSimulator({ streams: 4, groups: 1, lifecycle: false, seed: 6 });
    cleanup.push(() => second.close());
    const secret = second.credentials.find((c) => c.kind === 'apiKey' && c.liveProcessing)?.secret ?? '';
    const deps = { ...world.deps, gate: new HostGate() };
    // Two organisations on the first host (one credential each would do; the same is enough to
    // count handles) and one on the second.
    const targets = [
      world.target,
      { ...world.target, profileId: 'p2', name: 'Second on the first host', cacheKey: cacheKey('p2', world.sim.baseUrl) },
      { profileId: 'p3', name: 'On the second host', apiBase: second.baseUrl, credential: { kind: 'apiKey' as const, secret }, cacheKey: cacheKey('p3', second.baseUrl) },
    ];
    const cycle = async () => {
      const connections = targets.map((target) => new WallConnection(target, deps));
      await Promise.all(connections.map((c) => c.start()));
      await until(() => connections.every((c) => c.view().connection.status === 'online'));
      await Promise.all(connections.map((c) => c.close()));
    };
    await cycle();
    await settle();
    const before = handles();
    for (let i = 0; i < 40; i++) await cycle();
    await settle();
    const after = handles();
    expect(world.deps.settings.followers).toBe(0);
    expect(after['Timeout'] ?? 0).toBeLessThanOrEqual(before['Timeout'] ?? 0);
    expect(after['FSReqCallback'] ?? 0).toBe(0);
    expect(after['FileHandle'] ?? 0).toBe(0);
    // At most the per-host pool of idle sockets for each of the two hosts.
    const maxPool = world.deps.http.maxSocketsPerHost();
    expect((after['TCPSocketWrap'] ?? 0) - (before['TCPSocketWrap'] ?? 0)).toBeLessThanOrEqual(2 * maxPool);
  }, 180_000);
});
