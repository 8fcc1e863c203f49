import { z } from 'zod';
import type { CredentialVault } from '../credential-vault';
import { Emitter } from '../lifecycle';
import type { KnownSecrets } from '../log/logger';

/** The vault entry of the proxy's sign-in; profile ids are UUIDs and the demo's is `demo`, so it never meets one. */
export const PROXY_SIGN_IN_ID = 'proxy:sign-in';

const signInSchema = z.object({ username: z.string().min(1).max(500), password: z.string().max(4096) });
export type ProxySignIn = z.infer<typeof signInSchema>;

/**
 * The user name and password of the proxy set in Settings (or by policy), kept in the keychain
 * like the bintu key and learnt by the redaction of logs and errors the moment it is read or set:
 * the password, and the Basic value the proxy sees, never reach a file, a log or the page.
 */
export class ProxySignInStore {
  private readonly changes = new Emitter<ProxySignIn | null>();
  /** Fires after the sign-in was set or removed. */
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly vault: CredentialVault,
    private readonly secrets: KnownSecrets,
  ) {}

  /** The stored sign-in; an unreadable entry counts as none. */
  async get(): Promise<ProxySignIn | null> {
    const stored = await this.vault.get(PROXY_SIGN_IN_ID);
    if (stored === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(stored);
    } catch {
      return null;
    }
    const result = signInSchema.safeParse(parsed);
    if (!result.success) return null;
    this.learn(result.data);
    return result.data;
  }

  /** Whether a sign-in is stored (what the page may know). */
  async has(): Promise<boolean> {
    return (await this.get()) !== null;
  }

  async set(signIn: ProxySignIn): Promise<void> {
    const value = signInSchema.parse(signIn);
    this.learn(value);
    await this.vault.set(PROXY_SIGN_IN_ID, JSON.stringify(value));
    this.changes.fire(value);
  }

  async clear(): Promise<void> {
    await this.vault.delete(PROXY_SIGN_IN_ID);
    this.changes.fire(null);
  }

  dispose(): void {
    this.changes.dispose();
  }

  private learn(signIn: ProxySignIn): void {
    if (signIn.password !== '') this.secrets.add(signIn.password);
    this.secrets.add(Buffer.from(`${signIn.username}:${signIn.password}`).toString('base64'));
  }
}
