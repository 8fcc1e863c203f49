import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmEvent } from '../../../src/shared/alarms';
import { AlarmLog } from '../../../src/main/core/alarms/alarm-log';
import { runCli } from '../../../src/main/cli/index';

const saved = { ...process.env };
const HOUR = 3_600_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();
let userData: string;

const event = (id: string, at: string, over: Partial<AlarmEvent> = {}): AlarmEvent => ({
  id, alarmId: `a-${id}`, at, streamId: 's-1', streamName: 'Studio A', type: 'black', state: 'alarm', severity: 'warning', detail: 'black picture', ...over,
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'cli-alarms-'));
  process.env['BINTU_WALL_USER_DATA'] = userData;
  // No credential at all: reading the local log must not need one.
  delete process.env['BINTU_API_KEY'];
  delete process.env['BINTU_TOKEN'];
  const log = new AlarmLog({ folder: join(userData, 'alarms') });
  await log.append(event('old', ago(3 * 24 * HOUR)));
  await log.append(event('day', ago(20 * HOUR), { streamName: '=HYPERLINK("x")', type: 'frozen' }));
  await log.append(event('recent', ago(10 * 60_000), { streamName: 'evil\u001b[2Jname', state: 'cleared', raised: true }));
  await log.close();
});
afterAll(() => {
  process.env = saved;
});

describe('npm run cli -- alarms', () => {
  it('prints the last 24 h as a table by default, escaping control characters, with no credential', async () => {
    const { code, out, err } = await cli(['alarms']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^TIME \(UTC\)\s+STATE/);
    expect(lines).toHaveLength(4);
    expect(out).toContain('evil\\x1b[2Jname');
    expect(out).not.toContain('\u001b');
    expect(lines.at(-1)).toMatch(/^2 event\(s\) since /);
  });

  it('--since narrows or widens the span', async () => {
    expect((await cli(['alarms', '--since', '30m'])).out.split('\n').at(-1)).toMatch(/^1 event\(s\)/);
    expect((await cli(['alarms', '--since', '7d'])).out.split('\n').at(-1)).toMatch(/^3 event\(s\)/);
  });

  it('--json prints one JSON array of the logged events, oldest first', async () => {
    const { code, out } = await cli(['alarms', '--json', '--since', '7d']);
    expect(code).toBe(0);
    const events = JSON.parse(out) as AlarmEvent[];
    expect(events.map((e) => e.id)).toEqual(['old', 'day', 'recent']);
    expect(events[2]?.streamName).toBe('evil\u001b[2Jname');
  });

  it('--csv prints the drawer export, formula cells neutralised', async () => {
    const { code, out } = await cli(['alarms', '--csv']);
    expect(code).toBe(0);
    const rows = out.split('\r\n');
    expect(rows[0]).toMatch(/^time,stream id,stream name,/);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('an empty or missing log is no error', async () => {
    process.env['BINTU_WALL_USER_DATA'] = mkdtempSync(join(tmpdir(), 'cli-alarms-empty-'));
    try {
      const { code, out } = await cli(['alarms']);
      expect(code).toBe(0);
      expect(out).toMatch(/^No alarm events since /);
      // Reading never creates the log.
      expect(readdirSync(process.env['BINTU_WALL_USER_DATA'])).toEqual([]);
    } finally {
      process.env['BINTU_WALL_USER_DATA'] = userData;
    }
  });

  it('refuses a bad --since or both formats, with exit code 1', async () => {
    const bad = await cli(['alarms', '--since', 'yesterday']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--since/);
    const both = await cli(['alarms', '--csv', '--json']);
    expect(both.code).toBe(1);
    expect(both.err).toMatch(/one of --csv and --json/);
  });
});
