import type { DemoBackend } from './core/session/demo-backend';

/**
 * Starts the built-in simulator on a free loopback port and picks the read-only demo credential.
 * Loaded on demand: the simulator (and its image encoders) costs nothing until the demo starts.
 */
export async function startDemoBackend(): Promise<DemoBackend> {
  const { startSimulator } = await import('./simulator');
  const sim = await startSimulator({ demo: true, port: 0 });
  const usable = sim.credentials.filter((c) => c.liveProcessing);
  // What the Connect screen recommends: a read-only user's token, never the master key.
  const credential = usable.find((c) => c.role === 'nanoReadOnly' && c.kind === 'token') ?? usable[0];
  if (!credential) {
    await sim.close();
    throw new Error('The demo simulator offered no usable credential.');
  }
  return { apiBase: sim.baseUrl, credential: { kind: credential.kind, secret: credential.secret }, close: () => sim.close() };
}
