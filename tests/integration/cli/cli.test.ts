import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../src/main/simulator';
import { runCli } from '../../../src/main/cli/index';

let sim: Simulator;
const saved = { ...process.env };

async function cli(argv: string[], env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  sim = await startSimulator({ streams: 9, groups: 2, seed: 51, lifecycle: false });
  // No stored profile may leak in from the machine running the tests.
  process.env['BINTU_WALL_USER_DATA'] = mkdtempSync(join(tmpdir(), 'wall-cli-'));
});
afterAll(async () => {
  process.env = saved;
  await sim.close();
});

const key = () => sim.credentials.find((c) => c.kind === 'apiKey' && c.liveProcessing)?.secret as string;

describe('the CLI', () => {
  it('check: exit 0 when bintu accepts the key, 1 with bintu\'s message when not, never printing the key', async () => {
    const good = await cli(['check'], { BINTU_API_URL: sim.baseUrl, BINTU_API_KEY: key(), BINTU_TOKEN: undefined });
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/^ok/);
    const bad = await cli(['check'], { BINTU_API_URL: sim.baseUrl, BINTU_API_KEY: 'not-the-key-123456' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('4002');
    expect(bad.err + bad.out).not.toContain('not-the-key-123456');
    expect(good.out + good.err).not.toContain(key());
  });

  it('check without any credential says how to give one', async () => {
    const none = await cli(['check'], { BINTU_API_KEY: undefined, BINTU_TOKEN: undefined });
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/BINTU_API_KEY/);
  });

  it('streams --json prints the normalised streams, filtered by state and tag', async () => {
    const all = await cli(['streams', '--json'], { BINTU_API_URL: sim.baseUrl, BINTU_API_KEY: key() });
    expect(all.code).toBe(0);
    const body = JSON.parse(all.out) as { truncated: boolean; streams: Array<{ id: string; state: string; tags: string[]; variants: unknown[] }> };
    expect(body.streams).toHaveLength(9);
    expect(body.truncated).toBe(false);
    expect(body.streams.every((s) => Array.isArray(s.variants))).toBe(true);
    const live = JSON.parse((await cli(['streams', '--json', '--state', 'live'], {})).out) as typeof body;
    expect(live.streams.length).toBeGreaterThan(0);
    expect(live.streams.every((s) => s.state === 'live')).toBe(true);
    const tag = body.streams.flatMap((s) => s.tags)[0] as string;
    const tagged = JSON.parse((await cli(['streams', '--json', '--tag', tag], {})).out) as typeof body;
    expect(tagged.streams.length).toBeGreaterThan(0);
    expect(tagged.streams.every((s) => s.tags.includes(tag))).toBe(true);
  });

  it('streams prints a readable table, and refuses a bad --state', async () => {
    const table = await cli(['streams'], {});
    expect(table.out.split('\n')[0]).toMatch(/ID\s+STATE\s+NAME/);
    expect(table.out).toMatch(/9 stream\(s\)/);
    const bad = await cli(['streams', '--state', 'sleeping'], {});
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--state/);
  });
});
