import { vi } from 'vitest';
import { resetElectron, settle, type ElectronWorld, type StandInBrowserWindow, type StandInOptions } from '../../support/electron-stand-in';
import { fakes } from './app-fakes';

/**
 * Starts `src/main/index.ts` afresh on a new stand-in Electron, as `electron .` would: the module
 * runs its top level, the app is not ready yet. The test file mocks `electron` and the modules
 * `app-fakes.ts` stands in for.
 */
export async function launch(options: StandInOptions & { env?: Record<string, string> } = {}): Promise<ElectronWorld> {
  vi.unstubAllEnvs();
  const world = resetElectron(options);
  fakes.reset();
  vi.stubEnv('BINTU_WALL_USER_DATA', '');
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.stubEnv('XDG_CONFIG_HOME', `${world.root}/config`);
  vi.stubEnv('APPIMAGE', '');
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  vi.resetModules();
  await import('../../../src/main/index');
  return world;
}

/** Launches, makes Electron ready and lets the start-up run: the operator window and the core exist. */
export async function launchReady(options: Parameters<typeof launch>[0] = {}): Promise<{ world: ElectronWorld; main: StandInBrowserWindow }> {
  const world = await launch(options);
  await world.ready();
  const main = world.windows[0];
  if (!main) throw new Error('no window after start-up');
  main.firstPaint();
  await settle();
  return { world, main };
}
