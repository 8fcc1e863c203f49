import type { ElectronWorld } from './world';

// The world lives on globalThis: `vi.resetModules()` re-evaluates this folder for the code under
// test, and the test must still see the same app, windows and handlers as that code.
const KEY = Symbol.for('bintu-wall.electron-stand-in');
type Holder = { [KEY]?: ElectronWorld };

/** The Electron the code under test is talking to now. */
export function currentWorld(): ElectronWorld {
  const world = (globalThis as Holder)[KEY];
  if (!world) throw new Error('electron stand-in: call resetElectron() before the code under test runs');
  return world;
}

/** Makes `world` the Electron every later import and call sees. */
export function setWorld(world: ElectronWorld): void {
  (globalThis as Holder)[KEY] = world;
}
