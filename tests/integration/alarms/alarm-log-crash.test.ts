import { describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AlarmLog } from '../../../src/main/core/alarms/alarm-log';

const ROUNDS = 30;

describe('alarm log crash safety', () => {
  it('after SIGKILL at random moments every complete line reads back, in order, with no gap', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'alarm-log-crash-'));
    let next = 0;
    let rotatedSeen = false;
    for (let round = 0; round < ROUNDS; round++) {
      const child = fork(resolve('tests/integration/alarms/log-writer.ts'), [folder, String(next)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      await new Promise<void>((ready) => child.once('message', () => ready()));
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 120));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      // On disk: every line before the last newline of every file is whole JSON.
      for (const file of readdirSync(folder)) {
        const lines = readFileSync(join(folder, file), 'utf8').split('\n');
        lines.pop();
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      }
      rotatedSeen ||= readdirSync(folder).includes('alarms.1.jsonl');

      const events = await new AlarmLog({ folder, maxBytes: 8 * 1024, keepFiles: 3 }).read();
      const seqs = events.map((event) => Number(event.id.slice(1)));
      expect(seqs.length).toBeGreaterThan(0);
      // Oldest files rotate away, but what is kept is one unbroken run up to the last line written.
      seqs.forEach((seq, index) => expect(seq).toBe((seqs[0] as number) + index));
      expect(seqs.at(-1)).toBeGreaterThanOrEqual(next);
      next = (seqs.at(-1) as number) + 1;
    }
    expect(rotatedSeen).toBe(true);
  }, 180_000);
});
