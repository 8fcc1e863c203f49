import { afterEach, describe, expect, it } from 'vitest';
import { WallConnection } from '../../../src/main/core/session/wall-connection';
import { connectionWorld, until } from './helpers';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function opened() {
  const world = await connectionWorld();
  cleanup.push(() => world.close());
  const connection = new WallConnection(world.target, world.deps);
  cleanup.push(() => connection.dispose());
  await connection.start();
  return { ...world, connection };
}

describe('one profile connection', () => {
  it('fills its wall from bintu and tells its listener', async () => {
    const { connection, sim } = await opened();
    let changes = 0;
    connection.onDidChange(() => changes++);
    const view = await until(() => {
      const v = connection.view();
      return changes > 0 && v && v.streams.length === sim.control.listStreams().length ? v : null;
    });
    expect(view.connection.status).toBe('online');
  });

  it('follows a changed quantity without being rebuilt', async () => {
    const { connection, deps } = await opened();
    await until(() => (connection.view().streams.length) > 0);
    deps.settings.update((s) => ({ ...s, quantity: 3 }));
    const view = await until(() => {
      const v = connection.view();
      return v && v.quantity === 3 && v.streams.length === 3 ? v : null;
    });
    expect(view.streams).toHaveLength(3);
  });

  it('close() writes the last snapshot before it resolves, without waiting for the save timer', async () => {
    const { connection, deps, target } = await opened();
    await until(() => (connection.view().streams.length) > 0);
    await connection.close();
    const reloaded = await deps.cache.load(target.cacheKey ?? '');
    expect(reloaded.snapshot?.streams.length).toBeGreaterThan(0);
  });

  it('a connection disposed while its cache loads never starts polling', async () => {
    const { deps, target, sim } = await connectionWorld();
    cleanup.push(() => sim.close());
    const before = deps.http.stats().requests;
    const connection = new WallConnection(target, deps);
    const starting = connection.start();
    connection.dispose();
    await starting;
    await new Promise((r) => setTimeout(r, 300));
    expect(connection.view()).toMatchObject({ streams: [], connection: { status: 'connecting' } });
    expect(deps.http.stats().requests).toBe(before);
    expect(deps.settings.followers).toBe(0);
  });
});
