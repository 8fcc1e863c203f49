import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../src/main/simulator';
import { runCli } from '../../../src/main/cli/index';
import { MemoryVault } from '../../../src/main/core/credential-vault';

let studio: Simulator;
let partner: Simulator;
const saved = { ...process.env };
const vault = new MemoryVault(null);
let dir = '';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  delete process.env['BINTU_API_KEY'];
  delete process.env['BINTU_TOKEN'];
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l), { retryDelaysMs: [], openVault: async () => vault });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const secretOf = (s: Simulator, kind: 'apiKey' | 'token') => s.credentials.find((c) => c.kind === kind && c.liveProcessing && c.role === 'nanoReadOnly')?.secret as string;

interface JsonDoc {
  organisations: Array<{ profileId: string; name: string; label: string | null; error: { code: string } | null }>;
  streams: Array<{ id: string; key: string; profileId: string; organisation: string; label: string | null; variants: Array<{ thumbnail: unknown }>; recordings: unknown[] }>;
}

function writeSettings(wall: string[]): void {
  const profiles = [
    { id: 'p-studio', name: 'Studio', apiBase: studio.baseUrl, credentialKind: 'token' },
    { id: 'p-partner', name: 'Partner \u001b[31mred', apiBase: partner.baseUrl, credentialKind: 'token' },
    { id: 'p-lost', name: 'Lost key', apiBase: partner.baseUrl, credentialKind: 'token' },
    { id: 'p-off', name: 'Not on the wall', apiBase: partner.baseUrl, credentialKind: 'token' },
  ];
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({
    settings: { profiles, activeProfileId: 'p-studio', wallProfiles: wall, organisations: { 'p-partner': { short: 'PTN', colour: 'teal' } } },
  }));
}

beforeAll(async () => {
  // The same seed: both organisations hold the same stream ids, as two organisations may.
  studio = await startSimulator({ streams: 5, groups: 1, seed: 71, lifecycle: false, listWithoutAssets: true });
  partner = await startSimulator({ streams: 5, groups: 1, seed: 71, lifecycle: false });
  dir = mkdtempSync(join(tmpdir(), 'wall-cli-all-'));
  process.env['BINTU_WALL_USER_DATA'] = dir;
  await vault.set('p-studio', secretOf(studio, 'token'));
  await vault.set('p-partner', secretOf(partner, 'token'));
  await vault.set('p-off', secretOf(partner, 'token'));
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([studio.close(), partner.close().catch(() => undefined)]);
});

describe('streams --all-profiles', () => {
  it('prints every organisation on the wall as one set, each stream with its organisation, and names the one without a credential', async () => {
    writeSettings(['p-partner', 'p-lost']);
    const run = await cli(['streams', '--all-profiles', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out) as JsonDoc;
    expect(doc.organisations.map((o) => [o.profileId, o.error?.code ?? null])).toEqual([['p-studio', null], ['p-partner', null], ['p-lost', 'credential-missing']]);
    expect(doc.streams).toHaveLength(10);
    // Same bintu ids in both organisations, kept apart by their wall keys.
    expect(new Set(doc.streams.map((s) => s.id)).size).toBe(5);
    expect(new Set(doc.streams.map((s) => s.key)).size).toBe(10);
    for (const s of doc.streams) expect(s.key).toBe(`${s.profileId}/${s.id}`);
    expect(doc.streams.some((s) => s.profileId === 'p-off')).toBe(false);
    const partnerRow = doc.streams.find((s) => s.profileId === 'p-partner');
    expect([partnerRow?.organisation, partnerRow?.label]).toEqual(['Partner \u001b[31mred', 'PTN']);
    // The studio's list items carry no assets: its pictures come from the details, as on the wall.
    const studioStreams = doc.streams.filter((s) => s.profileId === 'p-studio');
    expect(studioStreams.every((s) => s.organisation === 'Studio')).toBe(true);
    expect(studioStreams.flatMap((s) => s.variants).some((v) => v.thumbnail !== null)).toBe(true);
    expect(studio.stats().requests.details).toBeGreaterThanOrEqual(5);
    expect(run.err).toMatch(/organisation "Lost key" \(p-lost\) could not be read \(credential-missing\)/);
    for (const secret of [secretOf(studio, 'token'), secretOf(partner, 'token')]) expect(run.out + run.err).not.toContain(secret);
  });

  it('the table has an organisation column, its text made inert for the terminal', async () => {
    writeSettings(['p-partner']);
    const run = await cli(['streams', '--all-profiles']);
    expect(run.code).toBe(0);
    const [header, ...rows] = run.out.split('\n');
    expect(header).toMatch(/^ORGANISATION\s+ID\s+STATE/);
    expect(rows.filter((r) => r.startsWith('Studio'))).toHaveLength(5);
    expect(rows.filter((r) => r.startsWith('PTN Partner'))).toHaveLength(5);
    expect(run.out).not.toContain('\u001b');
  });

  it('an organisation whose host is down is named on stderr and the others still print; none readable exits 1', async () => {
    writeSettings(['p-partner']);
    await partner.close();
    const run = await cli(['streams', '--all-profiles', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out) as JsonDoc;
    expect(doc.streams.map((s) => s.profileId)).toEqual(Array(5).fill('p-studio'));
    expect(doc.organisations.find((o) => o.profileId === 'p-partner')?.error).not.toBeNull();
    expect(run.err).toMatch(/organisation "Partner .*" \(p-partner\) could not be read/);
    expect(run.err).not.toContain('\u001b');

    writeSettings(['p-lost']);
    await vault.delete('p-studio');
    const none = await cli(['streams', '--all-profiles']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/"Studio".*credential-missing/);
    await vault.set('p-studio', secretOf(studio, 'token'));
  });

  it('refuses --profile and --all-profiles together', async () => {
    const run = await cli(['streams', '--all-profiles', '--profile', 'Studio']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/either --profile or --all-profiles/);
  });
});
