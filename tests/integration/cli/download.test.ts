import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/index';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { adminKey, fileSha, namesIn, sha256, tempDir } from '../downloads/helpers';

interface RawStream {
  id: string;
  playout: { web: Array<{ type: string; url: string; createdAt?: string }> };
}

const MINUTE = 60_000;
const SINCE_MIN = 60;

/** Runs the CLI as `npm run cli -- ...` would, collecting what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('npm run cli -- download (unattended archiving)', () => {
  let sim: Simulator;
  const saved = { ...process.env };

  /** What bintu itself says matches, read straight from the simulator's API. */
  async function expectedRecordings(query: string, sinceMs: number): Promise<Array<{ name: string; url: string; ageMin: number }>> {
    const headers = { 'X-BINTU-APIKEY': adminKey(sim) };
    const listed = (await (await fetch(`${sim.baseUrl}/stream?quantity=50&${query}`, { headers })).json()) as RawStream[];
    const out = [];
    for (const { id } of listed) {
      const details = (await (await fetch(`${sim.baseUrl}/stream/${id}?asset_limit=50`, { headers })).json()) as RawStream;
      for (const w of details.playout.web.filter((e) => e.type === 'vod')) {
        const age = Date.now() - Date.parse(w.createdAt!);
        // The cut is chosen well away from any recording, so the test cannot race the clock.
        expect(Math.abs(age - sinceMs)).toBeGreaterThan(2 * MINUTE);
        if (age <= sinceMs) out.push({ name: w.url.split('/').pop()!, url: w.url, ageMin: Math.round(age / MINUTE) });
      }
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  beforeAll(async () => {
    sim = await startSimulator({ streams: 16, groups: 3, seed: 3, lifecycle: false });
    process.env['BINTU_API_URL'] = sim.baseUrl;
    process.env['BINTU_API_KEY'] = adminKey(sim);
    process.env['BINTU_WALL_USER_DATA'] = tempDir('dl-cli-userdata-');
  });
  afterAll(async () => {
    process.env = saved;
    await sim.close();
  });

  it('downloads exactly the matching recordings, and a second run downloads nothing', async () => {
    const dir = join(tempDir('dl-cli-'), 'archive');
    const expected = await expectedRecordings('state=ended&tags[]=auction', SINCE_MIN * MINUTE);
    expect(expected.length).toBeGreaterThanOrEqual(2);

    const first = await cli(['download', '--to', dir, '--tag', 'auction', '--state', 'ended', '--since', `${SINCE_MIN}m`]);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(await namesIn(dir)).toEqual(expected.map((e) => e.name));
    for (const e of expected) {
      const server = Buffer.from(await (await fetch(e.url)).arrayBuffer());
      expect(await fileSha(join(dir, e.name))).toBe(sha256(server));
    }
    expect(first.out.filter((l) => l.startsWith('done '))).toHaveLength(expected.length);
    expect(first.out.at(-1)).toBe(`Summary: ${expected.length} downloaded, 0 already there, 0 failed.`);
    expect(sim.stats().credentialLeakToAssetHost).toBe(false);

    const bytesBefore = sim.stats().bytes.recording;
    const second = await cli(['download', '--to', dir, '--tag', 'auction', '--state', 'ended', '--since', `${SINCE_MIN}m`]);
    expect(second.code).toBe(0);
    expect(second.out.at(-1)).toBe(`Summary: 0 downloaded, ${expected.length} already there, 0 failed.`);
    expect(sim.stats().bytes.recording).toBe(bytesBefore);
    expect(await namesIn(dir)).toEqual(expected.map((e) => e.name));
  });

  it('a file of the same name but another size is not mistaken for the recording', async () => {
    const dir = tempDir('dl-cli-mismatch-');
    const expected = await expectedRecordings('state=ended&tags[]=auction', SINCE_MIN * MINUTE);
    const victim = expected[0]!;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, victim.name), 'not the recording');
    const run = await cli(['download', '--to', dir, '--tag', 'auction', '--state', 'ended', '--since', `${SINCE_MIN}m`]);
    expect(run.code).toBe(0);
    const suffixed = victim.name.replace(/\.mp4$/, ' (1).mp4');
    expect(await namesIn(dir)).toEqual([...expected.map((e) => e.name), suffixed].sort());
    expect(await fileSha(join(dir, victim.name))).toBe(sha256(Buffer.from('not the recording')));
    // And the next run sees the suffixed copy as the archived recording.
    const again = await cli(['download', '--to', dir, '--tag', 'auction', '--state', 'ended', '--since', `${SINCE_MIN}m`]);
    expect(again.out.at(-1)).toBe(`Summary: 0 downloaded, ${expected.length} already there, 0 failed.`);
  });

  it('exits non-zero when a stream cannot be read, still archiving the rest', async () => {
    const dir = tempDir('dl-cli-fail-');
    const expected = await expectedRecordings('state=ended&tags[]=auction', SINCE_MIN * MINUTE);
    const broken = sim.control.listStreams().find((s) => s.state === 'ended' && s.tags.includes('auction'))!;
    sim.control.setStreamFaults(broken.id, { scope: 'api', errorRate: 1, errorStatuses: [500] });
    try {
      const run = await cli(['download', '--to', dir, '--tag', 'auction', '--state', 'ended', '--since', `${SINCE_MIN}m`]);
      expect(run.code).toBe(1);
      expect(run.err.some((l) => l.includes(broken.id))).toBe(true);
      // Transient failures are tried again before the CLI gives up, and it says so.
      expect(run.err.some((l) => /Trying stream .* again in 1 s \(attempt 2 of 4\)/.test(l))).toBe(true);
      expect(run.err.some((l) => /Gave up on stream .* after 4 attempts over \d+(\.\d)? s; run the command again later\./.test(l))).toBe(true);
      expect(run.out.at(-1)).toMatch(/, 1 stream\(s\) unreadable\.$/);
      const downloaded = await namesIn(dir);
      expect(downloaded.length).toBeGreaterThan(0);
      expect(downloaded.length).toBeLessThan(expected.length);
    } finally {
      sim.control.clearFaults();
    }
  });

  it('refuses a bad --since and a missing --to with a clear message', async () => {
    const noDir = await cli(['download', '--tag', 'auction']);
    expect(noDir.code).toBe(1);
    expect(noDir.err.join('\n')).toContain('--to DIR');
    const badSince = await cli(['download', '--to', tempDir('dl-cli-bad-'), '--since', 'yesterday']);
    expect(badSince.code).toBe(1);
    expect(badSince.err.join('\n')).toContain('--since wants a duration such as 30m, 24h or 7d');
  });

  it('lists the command in the usage text', async () => {
    const help = await cli(['help']);
    expect(help.out.join('\n')).toContain('download --to DIR [--tag T]... [--state live|created|ended] [--since 24h]');
  });
});
