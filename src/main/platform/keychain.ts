import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { MemoryVault, type CredentialVault, type VaultStatus } from '../core/credential-vault';
import { AppError } from '../core/errors';
import { redact } from '../core/redact';

/** How to open the OS keychain. */
export interface KeychainOptions {
  /** The keychain service name every entry is filed under, e.g. `bintu-wall`. */
  service: string;
  /** Maps a profile id to the keychain account name; defaults to `profile:<id>`. */
  account?: (profileId: string) => string;
  /** How long one keychain call may take before it counts as unavailable (ms); default 30 s. */
  timeoutMs?: number;
  /** Told why the keychain is unusable when falling back to memory, e.g. to log it (secret-free). */
  onUnavailable?: (error: AppError) => void;
}

// What an operator can do about a missing or locked keychain, in the words of their system.
const HOW_TO_FIX =
  process.platform === 'darwin'
    ? 'unlock your login keychain (Keychain Access)'
    : process.platform === 'win32'
      ? 'make sure Windows Credential Manager is available to your account'
      : 'install and unlock a keychain (GNOME Keyring or KWallet)';

/** Shown to the operator when keys cannot be kept in a keychain and live in memory only. */
export const NO_KEYCHAIN_MESSAGE =
  'No system keychain is available, so your API key is kept only in memory until Bintu Wall quits ' +
  'and you will have to enter it again next time. It is never written to disk. To keep it safely, ' +
  `${HOW_TO_FIX}, then restart Bintu Wall.`;

// Long enough for an operator to type the keyring password into an unlock prompt at start-up,
// short enough that a wedged D-Bus does not hold the app forever.
const DEFAULT_TIMEOUT_MS = 30_000;

// The probe entry has its own account name, which the `profile:` prefix keeps apart from every
// profile; a custom `account` mapping is checked against it too.
const PROBE_ACCOUNT = 'keychain-probe';

// On Linux, keyring-rs falls back to the kernel keyring when the Secret Service is missing; that
// store is lost at logout or reboot, which would silently break "stored in the keychain". Pinning
// the Secret Service makes its absence visible so the operator is told. Ignored on macOS/Windows.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

type Operation = 'probe' | 'read' | 'save' | 'remove';

const WHAT_FAILED: Record<Operation, string> = {
  probe: 'The system keychain could not be used',
  read: 'The API key could not be read from the system keychain',
  save: 'The API key could not be saved in the system keychain',
  remove: 'The API key could not be removed from the system keychain',
};

/** The native error's message chain with every secret removed: for main-side debugging only. */
function scrubbedCause(error: unknown, secrets: readonly string[]): Error {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const text = current instanceof Error ? current.message : String(current);
    // The binding repeats the inner message in each outer one; keep only what adds something.
    if (!parts.some((part) => part.includes(text))) parts.push(text);
    current = current instanceof Error ? current.cause : undefined;
  }
  return new Error(redact(parts.join(' <- '), secrets));
}

/** Builds the operator-facing error for a failed keychain call; the message never holds the secret. */
function keychainError(operation: Operation, error: unknown, secrets: readonly string[]): AppError {
  const fix = HOW_TO_FIX.charAt(0).toUpperCase() + HOW_TO_FIX.slice(1);
  const message = `${WHAT_FAILED[operation]}: it is not running, locked, or refused access. ${fix}, then try again.`;
  return new AppError('keychain-unavailable', message, { cause: scrubbedCause(error, secrets) });
}

/** Runs one native call with a deadline, mapping every failure to `keychain-unavailable`. */
async function call<T>(
  operation: Operation,
  timeoutMs: number,
  secrets: readonly string[],
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  // The binding may not be able to stop a call already running on its worker thread, so the race
  // makes sure a hung D-Bus call cannot keep us waiting past the deadline.
  const deadline = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new Error(`no answer within ${timeoutMs} ms`)), { once: true });
  });
  try {
    return await Promise.race([run(signal), deadline]);
  } catch (error) {
    throw keychainError(operation, error, secrets);
  }
}

/** A vault backed by the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager). */
class KeychainVault implements CredentialVault {
  readonly #service: string;
  readonly #account: (profileId: string) => string;
  readonly #timeoutMs: number;

  constructor(service: string, account: (profileId: string) => string, timeoutMs: number) {
    this.#service = service;
    this.#account = account;
    this.#timeoutMs = timeoutMs;
  }

  status(): VaultStatus {
    return { persistent: true, message: null };
  }

  async get(profileId: string): Promise<string | null> {
    const account = this.#accountFor(profileId);
    return call('read', this.#timeoutMs, [], async (signal) => this.#open(account).getPassword(signal));
  }

  async set(profileId: string, secret: string): Promise<void> {
    const account = this.#accountFor(profileId);
    if (secret.length === 0) throw new AppError('invalid-input', 'An empty API key cannot be stored.');
    // Setting over an existing entry replaces it in place: that is how a key is replaced.
    await call('save', this.#timeoutMs, [secret], async (signal) => this.#open(account).setPassword(secret, signal));
  }

  async delete(profileId: string): Promise<void> {
    const account = this.#accountFor(profileId);
    // `false` means there was nothing to delete, which is what the caller wanted anyway.
    await call('remove', this.#timeoutMs, [], async (signal) => this.#open(account).deleteCredential(signal));
  }

  async has(profileId: string): Promise<boolean> {
    return (await this.get(profileId)) !== null;
  }

  #accountFor(profileId: string): string {
    const account = this.#account(profileId);
    if (profileId.length === 0 || account.length === 0 || account === PROBE_ACCOUNT) {
      throw new AppError('invalid-input', 'This profile id cannot be used for the keychain.');
    }
    return account;
  }

  // A fresh entry per call, so a keychain daemon that restarted since the last call is found again.
  // Called inside `call`, because the constructor throws when the store cannot be reached.
  #open(account: string): AsyncEntry {
    return new AsyncEntry(this.#service, account, ENTRY_OPTIONS);
  }
}

/** Writes, reads back and deletes a throwaway entry: the only reliable sign the keychain works. */
async function probe(service: string, timeoutMs: number): Promise<void> {
  const token = `probe-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  await call('probe', timeoutMs, [token], async (signal) => {
    const entry = new AsyncEntry(service, PROBE_ACCOUNT, ENTRY_OPTIONS);
    await entry.setPassword(token, signal);
    const readBack = await entry.getPassword(signal);
    await entry.deleteCredential(signal);
    if (readBack !== token) throw new Error('the probe entry did not read back');
  });
}

/**
 * Opens the OS keychain for the app's credentials. When it is unusable (no D-Bus, no Secret
 * Service, a locked keyring that nobody unlocks), falls back to a session-only `MemoryVault`
 * whose status tells the operator why and how to fix it; the key is never written to disk.
 */
export async function openKeychainVault(options: KeychainOptions): Promise<CredentialVault> {
  const account = options.account ?? ((profileId: string) => `profile:${profileId}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    await probe(options.service, timeoutMs);
  } catch (error) {
    if (error instanceof AppError) options.onUnavailable?.(error);
    return new MemoryVault(NO_KEYCHAIN_MESSAGE);
  }
  return new KeychainVault(options.service, account, timeoutMs);
}
