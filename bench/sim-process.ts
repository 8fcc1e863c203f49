import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AssetVersion, SimStats, SimulatorOptions } from '../src/main/simulator';
import type { SimMessage, SimRequest } from './sim-child';
import type { MultiSimOptions } from './multi-sim-child';

/** A simulator running in its own process, seen from the benchmark. */
export interface SimProcess {
  baseUrl: string;
  assetBaseUrl: string;
  /** The simulated organisation's admin key (a simulator secret, never printed). */
  apiKey: string;
  /** Child process id, for the report. */
  pid: number;
  /** The organisations on this host with their API bases (one for `sim-child.ts`). */
  organisations: { apiBase: string; apiKey: string }[];
  /** Every distinct asset version produced in [since, until] (see `Simulator.assetVersions`). */
  assetVersions(since: number, until: number): Promise<AssetVersion[]>;
  stats(): Promise<SimStats>;
  close(): Promise<void>;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Call = { op: 'versions'; since: number; until: number } | { op: 'stats' } | { op: 'close' };

const CHILD = fileURLToPath(new URL('./sim-child.ts', import.meta.url));
const MULTI_CHILD = fileURLToPath(new URL('./multi-sim-child.ts', import.meta.url));

/** Forks `sim-child.ts` (through the tsx loader) and resolves once the simulator listens. */
export function startSimProcess(options: SimulatorOptions): Promise<SimProcess> {
  return forkSim(CHILD, options);
}

/** Forks `multi-sim-child.ts`: one host with one organisation per entry (see there). */
export function startMultiSimProcess(options: MultiSimOptions): Promise<SimProcess> {
  return forkSim(MULTI_CHILD, options);
}

async function forkSim(path: string, options: SimulatorOptions | MultiSimOptions): Promise<SimProcess> {
  const child = fork(path, [JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const ready = await new Promise<Extract<SimMessage, { op: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator process exited early (${code})`)));
    child.on('message', (message: SimMessage) => {
      if (message.op === 'ready') return resolve(message);
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    });
  });
  child.removeAllListeners('exit');
  child.once('exit', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('the simulator process exited'));
    pending.clear();
  });
  const call = (request: Call): Promise<unknown> => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    child.send({ ...request, id } as SimRequest);
  });
  return {
    baseUrl: ready.baseUrl,
    assetBaseUrl: ready.assetBaseUrl,
    apiKey: ready.apiKey,
    organisations: ready.organisations ?? [{ apiBase: ready.baseUrl, apiKey: ready.apiKey }],
    pid: child.pid ?? 0,
    assetVersions: async (since, until) => (await call({ op: 'versions', since, until })) as AssetVersion[],
    stats: async () => (await call({ op: 'stats' })) as SimStats,
    close: () => closeChild(child, call),
  };
}

async function closeChild(child: ChildProcess, call: (request: Call) => Promise<unknown>): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await call({ op: 'close' }).catch(() => undefined);
  // A child that does not leave within a few seconds is stopped; only this child, by its handle.
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
