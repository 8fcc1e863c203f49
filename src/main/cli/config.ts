import { readFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import { settingsSchema, type Settings } from '../core/settings/settings';
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

/** Which organisation the CLI talks to, and how it signs in. */
export interface CliConnection {
  apiBase: string;
  credential: BintuCredential;
  /** Where the credential came from, for messages (never the credential itself). */
  source: string;
  /** The app profile's id and name, or `cli` and the API base when the environment gave the credential. */
  profileId: string;
  name: string;
}

/** The API base and credential the CLI uses: the environment first, else the app's active profile. */
export async function resolveConnection(env: NodeJS.ProcessEnv = process.env): Promise<CliConnection> {
  const key = env['BINTU_API_KEY'];
  const token = env['BINTU_TOKEN'];
  if (key || token) {
    const apiBase = env['BINTU_API_URL'] ?? DEFAULT_API_BASE;
    return {
      apiBase,
      credential: key ? { kind: 'apiKey', secret: key } : { kind: 'token', secret: token as string },
      source: key ? 'BINTU_API_KEY' : 'BINTU_TOKEN',
      profileId: 'cli',
      name: apiBase,
    };
  }
  const settings = storedSettings(env);
  const profile = settings.profiles.find((p) => p.id === settings.activeProfileId);
  if (!profile) {
    throw new AppError('credential-missing', 'No credential: set BINTU_API_KEY (or BINTU_TOKEN) and BINTU_API_URL, or connect a profile in the app first.');
  }
  const vault = await openKeychainVault({ service: 'bintu-wall' });
  const secret = await vault.get(profile.id);
  if (!secret) throw new AppError('credential-missing', `The keychain holds no credential for profile "${profile.name}". Set BINTU_API_KEY or reconnect in the app.`);
  return {
    apiBase: env['BINTU_API_URL'] ?? profile.apiBase,
    credential: { kind: profile.credentialKind, secret },
    source: `profile "${profile.name}"`,
    profileId: profile.id,
    name: profile.name,
  };
}

/**
 * The app's settings as stored in the user-data folder (poll timings, alarm thresholds, the watch
 * list); the defaults where nothing is stored. A bad value falls back to its default alone.
 */
export function storedSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return settingsSchema.parse(readStoredSettings(userDataDir(env)));
}

function readStoredSettings(dir: string): unknown {
  try {
    const file = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { settings?: unknown };
    return file.settings ?? {};
  } catch {
    return {};
  }
}
