import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { parseCliArgs } from '../../../src/main/simulator/cli-args';
import { raw, type StreamJson } from './helpers';

describe('the request log, listing without assets, revoked credentials', () => {
  let sim: Simulator;
  const token = () => sim.credentials.find((c) => c.kind === 'token' && c.role === 'nanoReadOnly')!.secret;
  const admin = () => sim.credentials.find((c) => c.kind === 'apiKey' && c.role === 'nanoAdmin' && c.liveProcessing)!.secret;
  beforeAll(async () => {
    sim = await startSimulator({ streams: 8, groups: 2, seed: 81, lifecycle: false, listWithoutAssets: true });
  });
  afterAll(() => sim.close());

  it('logs every API and asset request with its method, path, query and status, in order; never a header, never the control routes', async () => {
    const before = sim.requests().length;
    const list = await raw(`${sim.baseUrl}/stream?quantity=2`, { headers: { 'X-BINTU-TOKEN': token() } });
    const id = (JSON.parse(list.body.toString()) as StreamJson[])[0]!.id;
    await raw(`${sim.baseUrl}/stream/${id}/tag`, { method: 'PUT', headers: { 'X-BINTU-APIKEY': admin() }, body: '{"tags":["x"]}' });
    await raw(`${sim.baseUrl}/stream`, { method: 'POST', headers: { 'X-BINTU-TOKEN': token() }, body: '{}' });
    await raw(`${sim.assetBaseUrl}/vod/thumbnails/none.jpg`, { method: 'DELETE' });
    await raw(`${sim.baseUrl}/_sim/stats`);
    const log = sim.requests().slice(before);
    expect(log.map((r) => [r.listener, r.method, r.path, r.status])).toEqual([
      ['api', 'GET', '/stream?quantity=2', 200],
      ['api', 'PUT', `/stream/${id}/tag`, 200],
      ['api', 'POST', '/stream', 403],
      ['assets', 'DELETE', '/vod/thumbnails/none.jpg', 405],
    ]);
    expect(JSON.stringify(log)).not.toContain(token());
    expect(JSON.stringify(log)).not.toContain(admin());
    const served = JSON.parse((await raw(`${sim.baseUrl}/_sim/requests`)).body.toString()) as { requests: unknown[]; dropped: number };
    expect(served.requests.length).toBe(sim.requests().length);
    expect(served.dropped).toBe(0);
  });

  it('listWithoutAssets: no list item carries an asset array, while details carry them all', async () => {
    const list = JSON.parse((await raw(`${sim.baseUrl}/stream`, { headers: { 'X-BINTU-TOKEN': token() } })).body.toString()) as StreamJson[];
    expect(list).toHaveLength(8);
    for (const item of list) {
      expect(item.playout.thumbnails, item.id).toBeUndefined();
      expect(item.playout.motionclip, item.id).toBeUndefined();
      expect(item.playout.replay, item.id).toBeUndefined();
      expect((item.playout.web ?? []).some((w) => w.type === 'vod'), item.id).toBe(false);
    }
    const details = JSON.parse((await raw(`${sim.baseUrl}/stream/${list[0]!.id}?asset_limit=10`, { headers: { 'X-BINTU-TOKEN': token() } })).body.toString()) as StreamJson;
    expect(details.playout.thumbnails?.length).toBeGreaterThan(0);
    expect(parseCliArgs(['--list-without-assets']).listWithoutAssets).toBe(true);
  });

  it('a revoked token is refused from then on with 401 and 4002, as bintu refuses an expired one; the others still work', async () => {
    const other = await startSimulator({ streams: 2, seed: 82, lifecycle: false });
    try {
      const tokenOf = (role: string) => other.credentials.find((c) => c.kind === 'token' && c.role === role)!.secret;
      expect((await raw(`${other.baseUrl}/stream`, { headers: { 'X-BINTU-TOKEN': tokenOf('nanoReadOnly') } })).status).toBe(200);
      other.revokeCredential(tokenOf('nanoReadOnly'));
      const refused = await raw(`${other.baseUrl}/stream`, { headers: { 'X-BINTU-TOKEN': tokenOf('nanoReadOnly') } });
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body.toString()).error.code).toBe(4002);
      expect((await raw(`${other.baseUrl}/stream`, { headers: { 'X-BINTU-TOKEN': tokenOf('nanoUser') } })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
