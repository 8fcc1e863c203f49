import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

describe('simulator CLI', () => {
  it('prints the base URL, the asset URL and each credential, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/simulator/cli.ts', '--streams', '5', '--latency', '5', '--seed', '7'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('control:')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    try {
      await ready;
      const base = /^base url: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
      expect(/^asset url: http:\/\/127\.0\.0\.1:\d+$/m.test(out)).toBe(true);
      const admin = /^api key \(nanoAdmin\): (\S+)$/m.exec(out)?.[1];
      expect(/^token \(nanoReadOnly\): \S+$/m.test(out)).toBe(true);
      expect(out.match(/^(api key|token) \(nano\w+\): \S+$/gm)).toHaveLength(6);
      const res = await fetch(`${base}/stream`, { headers: { 'X-BINTU-APIKEY': admin! } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as unknown[]).length).toBe(5);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
