import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../src/main/simulator';
import { runCli } from '../../../src/main/cli/index';
import { MemoryVault } from '../../../src/main/core/credential-vault';

let sim: Simulator;
let other: Simulator;
const saved = { ...process.env };
const vault = new MemoryVault(null);

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l), { retryDelaysMs: [], openVault: async () => vault });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const secretOf = (s: Simulator, kind: 'apiKey' | 'token', role = 'nanoReadOnly') =>
  s.credentials.find((c) => c.kind === kind && c.role === role && c.liveProcessing)?.secret as string;

/** What bintu's details say for each stream: the oracle the CLI's output is held against. */
async function detailsOf(s: Simulator, ids: string[]): Promise<Map<string, { recordings: string[]; pictures: string[]; replays: string[] }>> {
  const out = new Map<string, { recordings: string[]; pictures: string[]; replays: string[] }>();
  for (const id of ids) {
    const res = await fetch(`${s.baseUrl}/stream/${id}?asset_limit=10`, { headers: { 'X-BINTU-TOKEN': secretOf(s, 'token') } });
    const body = (await res.json()) as { playout: { web?: Array<{ type: string; url: string }>; thumbnails?: Array<{ url: string }>; replay?: Array<{ url: string }> } };
    out.set(id, {
      recordings: (body.playout.web ?? []).filter((w) => w.type === 'vod').map((w) => w.url).sort(),
      pictures: (body.playout.thumbnails ?? []).map((t) => t.url).sort(),
      replays: (body.playout.replay ?? []).map((r) => r.url).sort(),
    });
  }
  return out;
}

interface JsonStream {
  id: string;
  hasAssets: boolean;
  variants: Array<{ thumbnail: { url: string } | null; replay: { url: string } | null }>;
  recordings: Array<{ url: string }>;
}

beforeAll(async () => {
  sim = await startSimulator({ streams: 9, groups: 2, seed: 61, lifecycle: false, listWithoutAssets: true });
  other = await startSimulator({ streams: 3, groups: 0, seed: 62, lifecycle: false });
  const dir = mkdtempSync(join(tmpdir(), 'wall-cli-profiles-'));
  process.env['BINTU_WALL_USER_DATA'] = dir;
  mkdirSync(dir, { recursive: true });
  const profiles = [
    { id: 'p-main', name: 'Studio', apiBase: sim.baseUrl, credentialKind: 'token' },
    { id: 'p-other', name: 'Studio', apiBase: other.baseUrl, credentialKind: 'apiKey' },
    { id: 'p-lost', name: 'Lost key', apiBase: other.baseUrl, credentialKind: 'token' },
    // Stored before tokens existed: no kind at all, so an API key.
    { id: 'p-old', name: 'Old', apiBase: other.baseUrl },
  ];
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ settings: { profiles, activeProfileId: 'p-main', maxConnectionsPerHost: 2 } }));
  await vault.set('p-main', secretOf(sim, 'token'));
  await vault.set('p-other', secretOf(other, 'apiKey', 'nanoAdmin'));
  await vault.set('p-old', secretOf(other, 'apiKey', 'nanoAdmin'));
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([sim.close(), other.close()]);
});

describe('the CLI shows what the wall shows', () => {
  it('streams --json reads the details of list items without assets: every recording, picture and replay the details carry', async () => {
    const run = await cli(['streams', '--json'], { BINTU_API_URL: sim.baseUrl, BINTU_TOKEN: secretOf(sim, 'token'), BINTU_API_KEY: undefined });
    expect(run.code).toBe(0);
    const body = JSON.parse(run.out) as { streams: JsonStream[] };
    expect(body.streams).toHaveLength(9);
    const oracle = await detailsOf(sim, body.streams.map((s) => s.id));
    let recordings = 0;
    let pictures = 0;
    for (const stream of body.streams) {
      const want = oracle.get(stream.id)!;
      expect(stream.hasAssets, stream.id).toBe(true);
      expect(stream.recordings.map((r) => r.url).sort(), stream.id).toEqual(want.recordings);
      expect(stream.variants.flatMap((v) => (v.thumbnail ? [v.thumbnail.url] : [])).sort(), stream.id).toEqual(want.pictures);
      expect(stream.variants.flatMap((v) => (v.replay ? [v.replay.url] : [])).sort(), stream.id).toEqual(want.replays);
      recordings += want.recordings.length;
      pictures += want.pictures.length;
    }
    // The check above would pass on empty details too: the simulator's streams do have assets.
    expect(recordings).toBeGreaterThan(3);
    expect(pictures).toBeGreaterThan(3);
    expect(run.out).not.toContain(secretOf(sim, 'token'));
  });

  it('asks for details as the poller does: GET /stream/{id}?asset_limit=N, never more at once than the per-host cap', async () => {
    const before = sim.requests().length;
    // Slow answers, so requests overlap if they can.
    sim.control.setGlobalFaults({ scope: 'api', latencyMs: 60 });
    try {
      const run = await cli(['streams', '--json'], { BINTU_API_URL: sim.baseUrl, BINTU_TOKEN: secretOf(sim, 'token') });
      expect(run.code).toBe(0);
    } finally {
      sim.control.clearFaults();
    }
    const sent = sim.requests().slice(before);
    const details = sent.filter((r) => r.path.startsWith('/stream/'));
    expect(details).toHaveLength(9);
    for (const r of details) expect(r.path).toMatch(/^\/stream\/[^/?]+\?asset_limit=10$/);
    expect(sent.every((r) => r.method === 'GET')).toBe(true);
    // Overlap from arrival times: each answer takes 60 ms, so with the stored cap of 2 no 55 ms
    // window holds three arrivals (without the cap all nine arrive within a few ms).
    const starts = details.map((r) => r.at).sort((a, b) => a - b);
    const most = Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + 55).length));
    expect(most).toBe(2);
  });
});

describe('profiles and --profile', () => {
  it('profiles lists each profile with its credential kind and whether a credential is stored, never the credential', async () => {
    const run = await cli(['profiles', '--json']);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.out) as { profiles: Array<{ id: string; credentialKind: string; credentialStored: boolean; active: boolean }> };
    expect(body.profiles.map((p) => [p.id, p.credentialKind, p.credentialStored, p.active])).toEqual([
      ['p-main', 'token', true, true],
      ['p-other', 'apiKey', true, false],
      ['p-lost', 'token', false, false],
      ['p-old', 'apiKey', true, false],
    ]);
    const table = await cli(['profiles']);
    expect(table.out).toMatch(/NAME\s+CREDENTIAL\s+STORED/);
    expect(table.out).toContain('2 profiles are named "Studio"');
    expect(table.out).toMatch(/1 profile\(s\) have no credential in the keychain/);
    for (const secret of [secretOf(sim, 'token'), secretOf(other, 'apiKey', 'nanoAdmin')]) {
      expect(run.out + table.out + run.err + table.err).not.toContain(secret);
    }
  });

  it('--profile uses that profile\'s API base and stored credential, by name or id, whatever the environment says', async () => {
    const env = { BINTU_API_URL: 'https://bintu.example.invalid', BINTU_API_KEY: 'not-this-one', BINTU_TOKEN: undefined };
    const old = await cli(['streams', '--json', '--profile', 'Old'], env);
    expect(old.code).toBe(0);
    expect((JSON.parse(old.out) as { apiBase: string; streams: unknown[] }).streams).toHaveLength(3);
    const byId = await cli(['check', '--profile=p-main'], env);
    expect(byId.code).toBe(0);
    expect(byId.out).toContain(`bintu at ${sim.baseUrl} accepts the token from profile "Studio"`);
  });

  it('two profiles with one name: --profile by that name says so and asks for the id; exit 1', async () => {
    const run = await cli(['streams', '--profile', 'studio'], { BINTU_API_KEY: undefined });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/2 profiles are named "studio": p-main .*p-other/);
  });

  it('a profile whose keychain entry is gone asks for it again; an unknown name says how to list them', async () => {
    const lost = await cli(['check', '--profile', 'Lost key']);
    expect(lost.code).toBe(1);
    expect(lost.err).toMatch(/credential-missing.*no bintu token for profile "Lost key".*removed outside the app/);
    const unknown = await cli(['check', '--profile', 'Nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No stored profile is named "Nobody".*profiles command/);
  });
});
