import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/index';
import { HOSTILE_KEY, startHostileBintu, type HostileBintu } from '../../support/hostile/hostile-bintu';
import { tempDir } from '../downloads/helpers';

/** Every character a terminal would act on, newlines excepted. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let bintu: HostileBintu;
const saved = { ...process.env };

beforeAll(async () => {
  bintu = await startHostileBintu({ streams: 100_000 });
  process.env['BINTU_WALL_USER_DATA'] = tempDir('wall-cli-hostile-');
  process.env['BINTU_API_URL'] = bintu.base;
  process.env['BINTU_API_KEY'] = HOSTILE_KEY;
  delete process.env['BINTU_TOKEN'];
});
afterAll(async () => {
  process.env = saved;
  await bintu.close();
});

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l), { retryDelaysMs: [10, 20, 40] });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function expectNoKey(text: string): void {
  expect(text.toLowerCase()).not.toContain(HOSTILE_KEY.toLowerCase());
}

describe('the CLI against a hostile bintu', () => {
  it('streams --quantity 50 prints at most 50 escaped rows, however many streams and whatever they hold', async () => {
    const run = await cli(['streams', '--quantity', '50']);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines.length).toBeLessThanOrEqual(52);
    expect(run.out).not.toMatch(ACTIVE);
    expect(run.out).toContain('\\e]0;pwned\\x07');
    expect(lines.at(-1)).toMatch(/stream\(s\); \d+ cut to the app's limits \(marked …\)$/);
    expect(run.out.length).toBeLessThan(50 * 1024);
    expectNoKey(run.out + run.err);
  });

  it('--json stays exact JSON, bounded, and inert in a terminal', async () => {
    const run = await cli(['streams', '--json', '--quantity', '50']);
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(ACTIVE);
    const body = JSON.parse(run.out) as { truncated: boolean; streams: Array<{ tags: string[]; cut?: string[] }> };
    expect(body.truncated).toBe(true);
    expect(body.streams.length).toBeLessThanOrEqual(50);
    expect(body.streams.some((s) => s.tags.some((tag) => tag.includes('\u001b]0;pwned')))).toBe(true);
    expect(run.out.length).toBeLessThan(512 * 1024);
  });

  it('download saves only what is video: HTML and JSON "recordings" are reported as failed, never as downloaded', async () => {
    const dir = tempDir('wall-cli-hostile-dl-');
    const run = await cli(['download', '--to', dir, '--quantity', '12']);
    expect(run.code).toBe(1);
    const summary = run.out.split('\n').at(-1) ?? '';
    const downloaded = Number(/Summary: (\d+) downloaded/.exec(summary)?.[1]);
    // Only the honest recordings count as downloaded, and they are all that is in the folder.
    expect(downloaded).toBeGreaterThan(0);
    expect(readdirSync(dir)).toHaveLength(downloaded);
    expect(readdirSync(dir).every((name) => /^good-\d+\.mp4$/.test(name))).toBe(true);
    expect(run.err).toMatch(/export\.mp4: .*text\/html instead of a video/);
    expect(run.err).toMatch(/users\.mp4: .*application\/json instead of a video/);
    expect(run.out + run.err).not.toMatch(ACTIVE);
    expectNoKey(run.out + run.err);
  });

  it.each(['echo-401', 'echo-500', 'echo-redirect'] as const)('a key echoed back (%s) is in no output', async (mode) => {
    await bintu.setListMode(mode);
    try {
      const run = await cli(['streams', '--quantity', '5']);
      expect(run.code).toBe(1);
      expectNoKey(run.out + run.err);
      if (mode === 'echo-500') expect(run.err).toMatch(/Gave up on the list after 4 attempts over [\d.]+ s; run the command again later\./);
    } finally {
      await bintu.setListMode('flood');
    }
  });
});
