/**
 * Where the bintu credential of each profile lives. The OS keychain is the normal home
 * (`platform/keychain`); `MemoryVault` is the session-only fallback when no keychain is
 * reachable. Either way the secret stays inside the main process: nothing here logs it,
 * puts it into an error message, or writes it to disk.
 */

/** What the page may learn about the vault: whether keys survive a restart, and why not. */
export interface VaultStatus {
  /** True when credentials are kept in the OS keychain and survive a restart. */
  persistent: boolean;
  /** A plain-words warning for the operator when they do not; null when all is well. */
  message: string | null;
}

/** Stores one secret (API key or bintu token) per profile id. */
export interface CredentialVault {
  /** Whether stored secrets survive a restart, with a warning for the operator when not. */
  status(): VaultStatus;
  /** The secret stored for a profile, or null when there is none. */
  get(profileId: string): Promise<string | null>;
  /** Stores a secret for a profile, replacing any previous one. */
  set(profileId: string, secret: string): Promise<void>;
  /** Removes the profile's secret; removing a missing one is not an error. */
  delete(profileId: string): Promise<void>;
  /** Whether a secret is stored for the profile (what the page is allowed to know). */
  has(profileId: string): Promise<boolean>;
}

/**
 * Keeps secrets in this process's memory only, for the session: used when no OS keychain is
 * available. It deliberately has no disk fallback, because a key in a plain file is exactly what
 * the product promises never to do; the operator re-enters the key after a restart instead.
 */
export class MemoryVault implements CredentialVault {
  // Private fields (not `private` members) so `util.inspect` and debug dumps cannot show a key.
  readonly #secrets = new Map<string, string>();
  readonly #message: string | null;

  /** `message` is shown to the operator to explain that keys are kept only until the app quits. */
  constructor(message: string | null) {
    this.#message = message;
  }

  /** Never persistent: the secrets die with the process. */
  status(): VaultStatus {
    return { persistent: false, message: this.#message };
  }

  /** The secret held for the profile this session, or null. */
  async get(profileId: string): Promise<string | null> {
    return this.#secrets.get(profileId) ?? null;
  }

  /** Holds the secret for the rest of the session, replacing any previous one. */
  async set(profileId: string, secret: string): Promise<void> {
    this.#secrets.set(profileId, secret);
  }

  /** Forgets the profile's secret. */
  async delete(profileId: string): Promise<void> {
    this.#secrets.delete(profileId);
  }

  /** Whether a secret is held for the profile this session. */
  async has(profileId: string): Promise<boolean> {
    return this.#secrets.has(profileId);
  }
}
