import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlarmLog, isLoggable } from '../../../src/main/core/alarms/alarm-log';
import { NODE_LOG_FS } from '../../../src/main/core/alarms/alarm-log-files';
import { isAppError } from '../../../src/main/core/errors';
import type { AlarmEvent } from '../../../src/shared/alarms';
import { asset } from './harness';

function event(n: number, extra: Partial<AlarmEvent> = {}): AlarmEvent {
  return {
    id: `e${n}`, alarmId: `a${n}`, at: new Date(Date.UTC(2025, 0, 1, 10) + n * 1000).toISOString(), streamId: 's1', streamName: 'Lobby',
    type: 'black', state: 'alarm', severity: 'critical', detail: `event ${n}`, ...extra,
  };
}

const folder = () => mkdtempSync(join(tmpdir(), 'alarm-log-'));

describe('AlarmLog', () => {
  it('reads back what it appended, in order, and from a moment on', async () => {
    const log = new AlarmLog({ folder: folder() });
    await Promise.all([1, 2, 3, 4].map((n) => log.append(event(n))));
    expect((await log.read()).map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect((await log.read({ since: event(3).at })).map((e) => e.id)).toEqual(['e3', 'e4']);
    expect((await log.read({ since: Date.parse(event(4).at) })).map((e) => e.id)).toEqual(['e4']);
    await log.close();
  });

  it('keeps reading in order across a reopen', async () => {
    const dir = folder();
    const first = new AlarmLog({ folder: dir });
    await first.append(event(1));
    await first.close();
    const second = new AlarmLog({ folder: dir });
    await second.append(event(2));
    expect((await second.read()).map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('rotates at the size cap, keeps N files, and reads across them in order', async () => {
    const dir = folder();
    const log = new AlarmLog({ folder: dir, maxBytes: 1000, keepFiles: 2 });
    for (let n = 1; n <= 40; n++) await log.append(event(n));
    expect(readdirSync(dir).sort()).toEqual(['alarms.1.jsonl', 'alarms.2.jsonl', 'alarms.jsonl']);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).length).toBeLessThanOrEqual(1000);
    const ids = (await log.read()).map((e) => Number(e.id.slice(1)));
    expect(ids.at(-1)).toBe(40);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => (ids[0] as number) + i));
    expect(ids[0]).toBeGreaterThan(1);
  });

  it('pins the evidence of kept entries and lets go of rotated-away ones', async () => {
    const log = new AlarmLog({ folder: folder(), maxBytes: 1200, keepFiles: 1 });
    await log.append(event(1, { evidence: { lastGood: asset(1), firstBad: asset(2) } }));
    expect(await log.pinnedAssets()).toEqual(new Set([asset(1), asset(2)]));
    await log.append(event(2, { evidence: { lastGood: asset(3), firstBad: null } }));
    expect(await log.pinnedAssets()).toEqual(new Set([asset(1), asset(2), asset(3)]));
    for (let n = 3; n <= 30; n++) await log.append(event(n));
    expect(await log.pinnedAssets()).toEqual(new Set());
  });

  it('cuts a torn last line left by a crash before appending, and the reader skips one it finds', async () => {
    const dir = folder();
    const log = new AlarmLog({ folder: dir });
    await log.append(event(1));
    await log.close();
    appendFileSync(join(dir, 'alarms.jsonl'), JSON.stringify(event(2)).slice(0, 30));
    expect((await new AlarmLog({ folder: dir }).read()).map((e) => e.id)).toEqual(['e1']);
    const reopened = new AlarmLog({ folder: dir });
    await reopened.append(event(3));
    expect((await reopened.read()).map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(readFileSync(join(dir, 'alarms.jsonl'), 'utf8').split('\n').filter(Boolean).every((line) => JSON.parse(line))).toBe(true);
  });

  it('skips lines that are not alarm events', async () => {
    const dir = folder();
    const log = new AlarmLog({ folder: dir });
    await log.append(event(1));
    appendFileSync(join(dir, 'alarms.jsonl'), '{"hello":"world"}\nnot json\n');
    await log.append(event(2));
    expect((await log.read()).map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it.each([
    ['ENOSPC', 'disk-full', 'is full'],
    ['EACCES', 'permission-denied', 'may not write'],
    ['EROFS', 'permission-denied', 'read-only'],
    ['EIO', 'io-error', 'EIO'],
  ] as const)('turns %s into an AppError with a plain message, and works again once the disk does', async (code, appCode, words) => {
    const dir = folder();
    let failing = true;
    const open: typeof fsp.open = async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      if (args[1] !== 'a' || !failing) return handle;
      // A write that gets half a line out, then fails: the repair on reopen must cut the half line.
      return Object.assign(Object.create(handle) as typeof handle, {
        write: async (buffer: Buffer, offset: number) => {
          await handle.write(buffer, offset, 10);
          throw Object.assign(new Error(`${code}: raw node text`), { code });
        },
        close: () => handle.close(),
      });
    };
    const log = new AlarmLog({ folder: dir, fs: { ...NODE_LOG_FS, open } });
    const error = await log.append(event(1)).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code: appCode });
    expect((error as Error).message).toContain(words);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).not.toContain('raw node text');
    failing = false;
    await log.append(event(2));
    expect((await log.read()).map((e) => e.id)).toEqual(['e2']);
  });

  it('drops appends after close', async () => {
    const log = new AlarmLog({ folder: folder() });
    await log.append(event(1));
    await log.close();
    await log.append(event(2));
    expect((await log.read()).map((e) => e.id)).toEqual(['e1']);
  });
});

describe('isLoggable', () => {
  it('keeps raises, acknowledgements, snoozes, notes and clears of raised alarms; not pending faults', () => {
    expect(isLoggable(event(1, { state: 'alarm' }))).toBe(true);
    expect(isLoggable(event(1, { state: 'acknowledged' }))).toBe(true);
    expect(isLoggable(event(1, { state: 'snoozed', severity: 'info' }))).toBe(true);
    expect(isLoggable(event(1, { state: 'noted', severity: 'info' }))).toBe(true);
    expect(isLoggable(event(1, { state: 'cleared', raised: true }))).toBe(true);
    expect(isLoggable(event(1, { state: 'cleared', raised: false }))).toBe(false);
    expect(isLoggable(event(1, { state: 'pending' }))).toBe(false);
  });
});
