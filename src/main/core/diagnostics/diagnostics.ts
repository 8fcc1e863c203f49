import { readdir, readFile, stat } from 'node:fs/promises';
import { arch, platform, release, type as osType } from 'node:os';
import { join } from 'node:path';
import type { CredentialVault } from '../credential-vault';
import { writeFileAtomic } from '../fs/atomic-file';
import { fsError } from '../fs/fs-errors';
import { PROXY_SIGN_IN_ID } from '../http/proxy-sign-in';
import { redact } from '../redact';
import type { LoadedPolicy } from '../settings/policy';
import type { Settings } from '../settings/settings';
import { tarGz, type ArchiveEntry } from './tar-gz';

/** What a diagnostics archive is made from; the app and the CLI fill it from their own sources. */
export interface DiagnosticsSources {
  /** The app's user-data folder: `logs/` and `alarms/` are read from it. */
  userDataDir: string;
  /** The settings in force (the policy's values in place). */
  settings: Settings;
  policy: LoadedPolicy;
  /**
   * Every secret the app holds or could hold (each profile's key, the proxy's password and its
   * Basic value): removed from every file, also URL-encoded and in base64, whatever the logger
   * knew when it wrote a line.
   */
  secrets: readonly string[];
  appVersion: string;
  /** Who wrote the archive. */
  writer: 'app' | 'cli';
  /** Runtime versions; `process.versions` when left out (Electron's and Chromium's inside the app). */
  versions?: Partial<Record<string, string>>;
  now?: () => number;
}

/** The folder every file of the archive sits in, so unpacking it makes one folder. */
export const ARCHIVE_ROOT = 'bintu-wall-diagnostics';
/** The most of one log file kept (its end); the logger rotates at 2 MB, so this is a guard. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const ALARM_LOG_FILE = /^alarms(\.\d{1,3})?\.jsonl$/;

/** A file name for the archive with the day in it: `bintu-wall-diagnostics-2026-12-03.tar.gz`. */
export function diagnosticsFileName(now: number): string {
  return `${ARCHIVE_ROOT}-${new Date(now).toISOString().slice(0, 10)}.tar.gz`;
}

/**
 * Builds the archive for support: the logs and the alarm log, the settings and the policy in
 * force with its problems, versions and the platform. Every file passes through the redaction,
 * also those the app wrote itself (a line logged before a key was known would hold it as is).
 */
export async function diagnosticsArchive(sources: DiagnosticsSources): Promise<Buffer> {
  const now = (sources.now ?? Date.now)();
  const forms = secretVariants(sources.secrets);
  const clean = (text: string): string => redact(text, forms);
  const entries: ArchiveEntry[] = [];
  const add = (name: string, text: string, mtimeMs = now): void => {
    entries.push({ name: `${ARCHIVE_ROOT}/${name}`, data: clean(text), mtimeMs });
  };
  const files = [
    ...(await folderFiles(join(sources.userDataDir, 'logs'), (name) => name === 'main.log' || name === 'main.log.1')).map((name) => ({ folder: 'logs', name })),
    ...(await folderFiles(join(sources.userDataDir, 'alarms'), (name) => ALARM_LOG_FILE.test(name))).map((name) => ({ folder: 'alarms', name })),
  ];
  add('README.txt', readme(files.map((file) => `${file.folder}/${file.name}`)));
  add('about.json', JSON.stringify(about(sources, now), null, 2));
  add('settings.json', JSON.stringify(settingsWithoutSecrets(sources.settings), null, 2));
  add('policy.json', JSON.stringify({ file: sources.policy.path, inForce: sources.policy.policy, problems: sources.policy.problems }, null, 2));
  for (const file of files) {
    const text = await readTail(join(sources.userDataDir, file.folder, file.name), clean);
    if (text !== null) add(`${file.folder}/${file.name}`, text.text, text.mtimeMs);
  }
  return tarGz(entries);
}

/** Builds the archive and writes it to `path` whole (never half a file); errors say what to do. */
export async function writeDiagnostics(path: string, sources: DiagnosticsSources): Promise<void> {
  const archive = await diagnosticsArchive(sources);
  try {
    await writeFileAtomic(path, archive);
  } catch (error) {
    throw fsError(error, { where: path, then: ', then save the diagnostics again.', elsewhere: 'choose another place' });
  }
}

/**
 * The secrets in the keychain that the archive must not hold, read there rather than trusted to
 * what the process happened to learn: every profile's key and the proxy's sign-in. An entry that
 * cannot be read is skipped (a locked keychain holds nothing that could have reached a file since).
 */
export async function vaultSecrets(vault: CredentialVault, profileIds: readonly string[]): Promise<string[]> {
  const secrets: string[] = [];
  const read = async (id: string): Promise<string | null> => vault.get(id).catch(() => null);
  for (const id of profileIds) {
    const secret = await read(id);
    if (secret) secrets.push(secret);
  }
  const signIn = await read(PROXY_SIGN_IN_ID);
  if (signIn) {
    try {
      const { username, password } = JSON.parse(signIn) as { username?: unknown; password?: unknown };
      if (typeof password === 'string' && password !== '') secrets.push(password);
      if (typeof username === 'string' && typeof password === 'string') secrets.push(`${username}:${password}`, Buffer.from(`${username}:${password}`).toString('base64'));
    } catch {
      // An unreadable entry is never used for the proxy either.
    }
  }
  return secrets;
}

/** Each secret as is, URL-encoded, and in base64 (standard and URL-safe), the forms it travels in. */
export function secretVariants(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    const bytes = Buffer.from(secret, 'utf8');
    forms.add(secret).add(encodeURIComponent(secret)).add(bytes.toString('base64')).add(bytes.toString('base64url'));
  }
  return [...forms];
}

/**
 * The settings as support needs them. Keys are never settings; the webhook address may carry
 * one in its path or query (many services put their token there), so only its origin is kept.
 */
export function settingsWithoutSecrets(settings: Settings): unknown {
  const webhook = settings.alarms.webhookUrl;
  let shown: string | null = null;
  if (webhook) {
    try {
      shown = `${new URL(webhook).origin}/[path left out]`;
    } catch {
      shown = '[left out]';
    }
  }
  return { ...settings, alarms: { ...settings.alarms, webhookUrl: shown } };
}

function about(sources: DiagnosticsSources, now: number): unknown {
  const runtime = sources.versions ?? process.versions;
  const pick = (name: string): string | null => runtime[name] ?? null;
  return {
    app: sources.appVersion,
    writtenAt: new Date(now).toISOString(),
    writtenBy: sources.writer,
    versions: { electron: pick('electron'), chromium: pick('chrome'), node: pick('node'), v8: pick('v8') },
    platform: { os: platform(), type: osType(), release: release(), arch: arch() },
  };
}

function readme(files: readonly string[]): string {
  return [
    'Bintu Wall diagnostics, for support.',
    '',
    'about.json     app version, runtime versions and the platform',
    'settings.json  the settings in force (the webhook address cut to its host)',
    'policy.json    the organisation policy in force and what was wrong with it',
    ...files.map((file) => `${file.padEnd(14)} ${file.startsWith('logs/') ? 'the app log' : 'the alarm log'}`),
    '',
    'API keys, tokens and passwords are removed from every file.',
    '',
  ].join('\n');
}

/** The names in a folder that `keep` accepts, sorted; none when the folder is missing. */
async function folderFiles(folder: string, keep: (name: string) => boolean): Promise<string[]> {
  try {
    return (await readdir(folder)).filter(keep).sort();
  } catch {
    return [];
  }
}

/** A text file redacted, then cut to its last `MAX_FILE_BYTES` at a line start; null when it cannot be read. */
async function readTail(path: string, clean: (text: string) => string): Promise<{ text: string; mtimeMs: number } | null> {
  try {
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    let text = clean(bytes.toString('utf8'));
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
      const tail = Buffer.from(text, 'utf8').subarray(-MAX_FILE_BYTES).toString('utf8');
      text = `[earlier lines left out]\n${tail.slice(tail.indexOf('\n') + 1)}`;
    }
    return { text, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}
