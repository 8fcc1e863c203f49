import { readFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import { settingsSchema } from '../core/settings/settings';
import type { BintuCredential } from '../core/bintu/bintu-client';
import { DEFAULT_API_BASE } from '../../shared/domain';
import { AppError } from '../core/errors';
import { openKeychainVault } from '../platform/keychain';

/** Where the app keeps its user data (Electron's `userData` for an app named bintu-wall). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['BINTU_WALL_USER_DATA']) return env['BINTU_WALL_USER_DATA'];
  const home = homedir();
  if (platform() === 'darwin') return join(home, 'Library', 'Application Support', 'bintu-wall');
  if (platform() === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'bintu-wall');
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'bintu-wall');
}

/** The API base and credential the CLI uses: the environment first, else the app's active profile. */
export async function resolveConnection(env: NodeJS.ProcessEnv = process.env): Promise<{ apiBase: string; credential: BintuCredential; source: string }> {
  const key = env['BINTU_API_KEY'];
  const token = env['BINTU_TOKEN'];
  if (key || token) {
    return {
      apiBase: env['BINTU_API_URL'] ?? DEFAULT_API_BASE,
      credential: key ? { kind: 'apiKey', secret: key } : { kind: 'token', secret: token as string },
      source: key ? 'BINTU_API_KEY' : 'BINTU_TOKEN',
    };
  }
  const settings = settingsSchema.parse(readStoredSettings(userDataDir(env)));
  const profile = settings.profiles.find((p) => p.id === settings.activeProfileId);
  if (!profile) {
    throw new AppError('credential-missing', 'No credential: set BINTU_API_KEY (or BINTU_TOKEN) and BINTU_API_URL, or connect a profile in the app first.');
  }
  const vault = await openKeychainVault({ service: 'bintu-wall' });
  const secret = await vault.get(profile.id);
  if (!secret) throw new AppError('credential-missing', `The keychain holds no credential for profile "${profile.name}". Set BINTU_API_KEY or reconnect in the app.`);
  return { apiBase: env['BINTU_API_URL'] ?? profile.apiBase, credential: { kind: profile.credentialKind, secret }, source: `profile "${profile.name}"` };
}

function readStoredSettings(dir: string): unknown {
  try {
    const file = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { settings?: unknown };
    return file.settings ?? {};
  } catch {
    return {};
  }
}
