import type { Simulator, SimCredential } from '../../../src/main/simulator';

/** A credential of the simulator's Live Processing organisation with the given role. */
export function credential(sim: Simulator, role: SimCredential['role'] = 'nanoAdmin', kind: SimCredential['kind'] = 'apiKey'): SimCredential {
  const found = sim.credentials.find((c) => c.role === role && c.kind === kind && c.liveProcessing);
  if (!found) throw new Error(`The simulator offers no ${kind} for ${role}`);
  return found;
}

/** The token of a nanoReadOnly user: what the Connect screen recommends, and what specs connect with. */
export function readOnlyToken(sim: Simulator): string {
  return credential(sim, 'nanoReadOnly', 'token').secret;
}

/**
 * What bintu itself says, read raw (not through the app's client): the stream ids and which of
 * them have a thumbnail. Tests compare the wall against this.
 */
export async function rawWall(sim: Simulator): Promise<{ ids: string[]; withThumbnail: string[]; live: string[] }> {
  const key = credential(sim).secret;
  const get = async (path: string): Promise<unknown> => {
    const res = await fetch(`${sim.baseUrl}${path}`, { headers: { 'X-BINTU-APIKEY': key, Accept: 'application/json' } });
    return res.json();
  };
  const list = (await get('/stream?quantity=50')) as Array<{ id: string; state: string }>;
  const withThumbnail: string[] = [];
  for (const item of list) {
    const detail = (await get(`/stream/${item.id}?asset_limit=10`)) as { playout?: { thumbnails?: unknown[] } };
    if ((detail.playout?.thumbnails ?? []).length > 0) withThumbnail.push(item.id);
  }
  return { ids: list.map((s) => s.id), withThumbnail, live: list.filter((s) => s.state === 'live').map((s) => s.id) };
}
