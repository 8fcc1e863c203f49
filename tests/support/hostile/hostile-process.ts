import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hostileResolver, type HostileBintu, type HostileStats, type ListMode } from './hostile-bintu';

const CHILD = fileURLToPath(new URL('./hostile-child.ts', import.meta.url));

/** Starts the hostile bintu in a child process; the same interface as the in-process one. */
export async function startHostileProcess(streams = 100_000): Promise<HostileBintu> {
  const child = fork(CHILD, [String(streams)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, (value: unknown) => void>();
  let next = 1;
  const base = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the hostile bintu exited early (${code})`)));
    child.on('message', (message: { ready?: string; id?: number; value?: unknown }) => {
      if (message.ready !== undefined) return resolve(message.ready);
      pending.get(message.id ?? 0)?.(message.value);
      pending.delete(message.id ?? 0);
    });
  });
  child.removeAllListeners('exit');
  const call = (request: { op: 'stats' } | { op: 'mode'; mode: ListMode } | { op: 'close' }): Promise<unknown> =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      child.send({ ...request, id });
    });
  const lookups: string[] = [];
  return {
    base,
    lookups,
    resolve: hostileResolver(lookups),
    stats: async () => (await call({ op: 'stats' })) as HostileStats,
    setListMode: async (mode) => void (await call({ op: 'mode', mode })),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call({ op: 'close' });
      // A child that does not leave within a few seconds is stopped: only this child, by its handle.
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
