import { readFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import { settingsSchema, type Profile, type Settings } from '../core/settings/settings';
import type { CredentialVault } from '../core/credential-vault';
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

/** Opens the app's keychain entries (service `bintu-wall`); tests pass their own vault. */
export type OpenVault = () => Promise<CredentialVault>;

/** The app's own keychain service. */
export const openAppVault: OpenVault = () => openKeychainVault({ service: 'bintu-wall' });

/** How `resolveConnection` picks the organisation. */
export interface ConnectionChoice {
  /** `--profile`: a stored profile by name or id; wins over the environment. */
  profile?: string;
  openVault?: OpenVault;
}

/**
 * The API base and credential the CLI uses: a profile named with `--profile` (its own API base
 * and keychain entry), else the environment, else the app's active profile.
 */
export async function resolveConnection(env: NodeJS.ProcessEnv = process.env, choice: ConnectionChoice = {}): Promise<CliConnection> {
  const openVault = choice.openVault ?? openAppVault;
  if (choice.profile !== undefined) {
    const profile = findProfile(storedSettings(env).profiles, choice.profile);
    return fromProfile(profile, await openVault(), profile.apiBase);
  }
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
  return fromProfile(profile, await openVault(), env['BINTU_API_URL'] ?? profile.apiBase);
}

async function fromProfile(profile: Profile, vault: CredentialVault, apiBase: string): Promise<CliConnection> {
  const secret = await vault.get(profile.id);
  if (!secret) {
    const kind = profile.credentialKind === 'apiKey' ? 'API key' : 'bintu token';
    throw new AppError(
      'credential-missing',
      `The keychain holds no ${kind} for profile "${profile.name}" (it may have been removed outside the app). Enter it again for that profile in the app, or set BINTU_TOKEN and BINTU_API_URL.`,
    );
  }
  return {
    apiBase,
    credential: { kind: profile.credentialKind, secret },
    source: `profile "${profile.name}"`,
    profileId: profile.id,
    name: profile.name,
  };
}

/**
 * The stored profile `--profile` names: by id, else by name (any case). Names may repeat, since
 * two organisations can share one; then the id has to say which.
 */
export function findProfile(profiles: readonly Profile[], wanted: string): Profile {
  const byId = profiles.find((p) => p.id === wanted);
  if (byId) return byId;
  const named = profiles.filter((p) => p.name.toLowerCase() === wanted.toLowerCase());
  if (named.length === 1) return named[0] as Profile;
  if (named.length > 1) {
    const ids = named.map((p) => `${p.id} (${p.apiBase})`).join(', ');
    throw new AppError('invalid-input', `${named.length} profiles are named "${wanted}": ${ids}. Give --profile the id of the one you mean (see the profiles command).`);
  }
  const known = profiles.length === 0 ? 'No profile is stored; connect one in the app first.' : 'The profiles command lists the stored ones.';
  throw new AppError('not-found', `No stored profile is named "${wanted}". ${known}`);
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
