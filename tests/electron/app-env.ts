import { join } from 'node:path';

// Chromium refuses to run its sandbox as root (containers, CI); the app's own sandboxing of the
// page (contextIsolation, sandboxed renderer) is unaffected by this switch.
export const sandboxArgs = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);

/** The environment of one app: its own user-data folder, so the test neither sees nor changes the operator's. */
export function appEnv(userData: string): Record<string, string> {
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...Object.fromEntries(inherited), BINTU_WALL_USER_DATA: userData, XDG_CONFIG_HOME: join(userData, 'config'), ELECTRON_ENABLE_LOGGING: '1' };
}
