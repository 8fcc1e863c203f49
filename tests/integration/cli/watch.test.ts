import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmEvent } from '../../../src/shared/alarms';
import { AlarmLog } from '../../../src/main/core/alarms/alarm-log';
import { startSimulator, type Simulator } from '../../../src/main/simulator';

const ROOT = join(__dirname, '../../..');
let sim: Simulator;
const children: ChildProcessWithoutNullStreams[] = [];

/** A user-data folder whose settings file lowers the thresholds, as an operator would in Settings. */
function userData(settings: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-watch-'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ settings }));
  return dir;
}

/** `npm run cli -- watch ...` as a process of its own, with output collected as it comes. */
function watch(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/main.ts', 'watch', ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const io = { out: '', err: '' };
  child.stdout.on('data', (d: Buffer) => (io.out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (io.err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, io, exited };
}

async function until<T>(probe: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const jsonLines = (text: string): AlarmEvent[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AlarmEvent);
const adminKey = (): string => sim.credentials.find((c) => c.kind === 'apiKey' && c.role === 'nanoAdmin' && c.liveProcessing)?.secret ?? '';

beforeAll(async () => {
  sim = await startSimulator({ streams: 4, groups: 0, seed: 61, lifecycle: false, thumbIntervalRange: [10, 10] });
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await sim.close();
});

describe('npm run cli -- watch', () => {
  it('--json prints each alarm event of a black stream as one JSON line, logs it, and stops cleanly on SIGINT', async () => {
    const live = sim.control.listStreams().find((s) => s.state === 'live');
    if (!live) throw new Error('the simulator has no live stream');
    const dir = userData({ listIntervalS: 2, alarms: { black: { minVersions: 2, minSeconds: 5 } }, watch: { streamIds: [live.id] } });
    const { child, io, exited } = watch(['--json'], { BINTU_API_URL: sim.baseUrl, BINTU_API_KEY: adminKey(), BINTU_WALL_USER_DATA: dir });
    await until(() => io.err.includes('watching bintu'), 20_000, 'the watch starting');
    sim.control.setStreamFaults(live.id, { black: true });
    const raised = await until(() => jsonLines(io.out).find((e) => e.streamId === live.id && e.state === 'alarm'), 45_000, 'the black alarm');
    expect(raised).toMatchObject({ type: 'black', severity: 'critical', streamName: expect.any(String) });
    expect(new Date(raised.at).toISOString()).toBe(raised.at);
    // Pending came first, on the first black picture.
    expect(jsonLines(io.out).filter((e) => e.streamId === live.id && e.type === 'black').map((e) => e.state)).toEqual(['pending', 'alarm']);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(io.err).toMatch(/stopped on SIGINT: \d+ event\(s\)/);
    expect(io.err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(io.out + io.err).not.toContain(adminKey());
    // The log holds the raise (pending is not history) and is readable after the stop.
    const logged = await new AlarmLog({ folder: join(dir, 'alarms') }).read();
    expect(logged.filter((e) => e.type === 'black').map((e) => [e.id, e.state])).toEqual([[raised.id, 'alarm']]);
    sim.control.clearStreamFaults(live.id);
  }, 90_000);

  it('prints plain lines without --json, and stops cleanly on SIGTERM', async () => {
    const dir = userData({ listIntervalS: 2 });
    const { child, io, exited } = watch([], { BINTU_API_URL: sim.baseUrl, BINTU_API_KEY: adminKey(), BINTU_WALL_USER_DATA: dir });
    await until(() => io.err.includes('watching bintu'), 20_000, 'the watch starting');
    const gone = sim.control.listStreams().find((s) => s.state === 'live' && s.faults === null);
    if (!gone) throw new Error('no healthy live stream left');
    await new Promise((r) => setTimeout(r, 3000));
    sim.control.setStreamFaults(gone.id, { gone: true });
    // Its picture may fail (404) before the list shows it gone: a pending "overdue" line can come first.
    const line = await until(() => io.out.split('\n').find((l) => l.includes(gone.id) && /\bgone\b/.test(l)), 20_000, 'the gone alarm');
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z {2}ALARM\s+warning\s+gone\s+\S+ \[[\w-]+\] {2}- stream left the list$/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(io.err).toMatch(/stopped on SIGTERM/);
    sim.control.clearStreamFaults(gone.id);
  }, 60_000);

  it('refuses to start with a rejected credential (exit code 1, bintu\'s reason, no key printed)', async () => {
    const { io, exited } = watch(['--json'], { BINTU_API_URL: sim.baseUrl, BINTU_API_KEY: 'not-the-key-0123456789', BINTU_WALL_USER_DATA: userData({}) });
    expect(await exited).toBe(1);
    expect(io.err).toMatch(/^error \(credential-rejected/m);
    expect(io.out).toBe('');
    expect(io.err).not.toContain('not-the-key-0123456789');
  }, 30_000);
});
