/**
 * Runs the bintu simulator in a child process for the benchmarks, so its picture encoding neither
 * blocks the measured clients' event loop nor counts in their heap. Talks to `sim-process.ts`
 * over the fork IPC channel: one `ready` message, then answers to `versions`, `stats`, `close`.
 */
import { startSimulator, type SimulatorOptions } from '../src/main/simulator';

/** A request from the benchmark process. */
export type SimRequest =
  | { id: number; op: 'versions'; since: number; until: number }
  | { id: number; op: 'stats' }
  | { id: number; op: 'close' };

/** What the child sends back: its addresses once, then one reply per request. */
export type SimMessage =
  | { op: 'ready'; baseUrl: string; assetBaseUrl: string; apiKey: string; organisations?: { apiBase: string; apiKey: string }[] }
  | { op: 'reply'; id: number; ok: true; value: unknown }
  | { op: 'reply'; id: number; ok: false; error: string };

function send(message: SimMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
  const sim = await startSimulator(options);
  const admin = sim.credentials.find((c) => c.kind === 'apiKey' && c.role === 'nanoAdmin' && c.liveProcessing);
  if (!admin) throw new Error('the simulator offers no admin API key');
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= sim.close());
  process.on('message', (raw: SimRequest) => {
    const answer = async (): Promise<unknown> => {
      if (raw.op === 'versions') return sim.assetVersions(raw.since, raw.until);
      if (raw.op === 'stats') return sim.stats();
      await close();
      return null;
    };
    answer().then(
      (value) => {
        send({ op: 'reply', id: raw.id, ok: true, value });
        if (raw.op === 'close') process.disconnect();
      },
      (error: unknown) => send({ op: 'reply', id: raw.id, ok: false, error: String(error) }),
    );
  });
  // The parent went away without saying goodbye: do not linger as an orphan.
  process.on('disconnect', () => void close().then(() => process.exit(0)));
  send({ op: 'ready', baseUrl: sim.baseUrl, assetBaseUrl: sim.assetBaseUrl, apiKey: admin.secret });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench simulator failed: ${String(error)}\n`);
  process.exit(1);
});
