import { inspect } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryVault } from '../../src/main/core/credential-vault';
import { AppError } from '../../src/main/core/errors';

// A fake Secret Service for the keychain module: the real one is exercised in
// tests/integration/keychain.test.ts; here we need failures on demand, including the worst case of
// a native error that quotes the password back.
const native = vi.hoisted(() => ({
  store: new Map<string, string>(),
  failConstruct: false,
  failOn: null as null | 'set' | 'get' | 'delete',
  hang: false,
}));

vi.mock('@napi-rs/keyring', () => {
  class AsyncEntry {
    readonly key: string;
    constructor(service: string, account: string) {
      if (native.failConstruct) throw new Error('Platform failure: DBus error: Failed to connect to socket');
      this.key = `${service}/${account}`;
    }
    async setPassword(password: string): Promise<void> {
      if (native.hang) return new Promise<void>(() => {});
      if (native.failOn === 'set') throw new Error(`Secret Service: cannot store "${password}": collection is locked`);
      native.store.set(this.key, password);
    }
    async getPassword(): Promise<string | null> {
      if (native.failOn === 'get') throw new Error('Secret Service: unlock prompt was dismissed');
      return native.store.get(this.key) ?? null;
    }
    async deleteCredential(): Promise<boolean> {
      if (native.failOn === 'delete') throw new Error('Secret Service: locked');
      return native.store.delete(this.key);
    }
  }
  return { AsyncEntry };
});

const { openKeychainVault, NO_KEYCHAIN_MESSAGE } = await import('../../src/main/platform/keychain');

const KEY = 'ak-7f3c9e21-secret-api-key-0042';

beforeEach(() => {
  native.store.clear();
  native.failConstruct = false;
  native.failOn = null;
  native.hang = false;
});

describe('MemoryVault (session-only fallback)', () => {
  it('stores, reads back, replaces and removes a key per profile', async () => {
    const vault = new MemoryVault('no keychain');
    expect(await vault.get('org-a')).toBeNull();
    expect(await vault.has('org-a')).toBe(false);

    await vault.set('org-a', KEY);
    await vault.set('org-b', 'other-key-1234');
    expect(await vault.get('org-a')).toBe(KEY);
    expect(await vault.has('org-a')).toBe(true);

    await vault.set('org-a', 'replacement-key-5678');
    expect(await vault.get('org-a')).toBe('replacement-key-5678');

    await vault.delete('org-a');
    expect(await vault.has('org-a')).toBe(false);
    expect(await vault.get('org-b')).toBe('other-key-1234');
    await expect(vault.delete('org-a')).resolves.toBeUndefined();
  });

  it('says it is not persistent and carries the warning for the operator', () => {
    expect(new MemoryVault('keys are kept until you quit').status()).toEqual({
      persistent: false,
      message: 'keys are kept until you quit',
    });
  });

  it('does not show a stored key when the vault is logged or serialised', async () => {
    const vault = new MemoryVault(null);
    await vault.set('org-a', KEY);
    expect(inspect(vault, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(vault)).not.toContain(KEY);
    expect(JSON.stringify({ vault })).not.toContain(KEY);
  });
});

describe('openKeychainVault with the native keychain failing', () => {
  it('falls back to memory with a plain-words warning when the keychain cannot be reached', async () => {
    native.failConstruct = true;
    const reasons: AppError[] = [];
    const vault = await openKeychainVault({ service: 'bintu-wall-unit', onUnavailable: (e) => reasons.push(e) });

    const status = vault.status();
    expect(status.persistent).toBe(false);
    expect(status.message).toBe(NO_KEYCHAIN_MESSAGE);
    expect(status.message).toMatch(/only in memory until Bintu Wall quits/);
    expect(status.message).toMatch(/GNOME Keyring or KWallet/);
    expect(reasons.map((e) => e.code)).toEqual(['keychain-unavailable']);

    // The fallback still works for the session.
    await vault.set('org-a', KEY);
    expect(await vault.get('org-a')).toBe(KEY);
  });

  it('falls back to memory when the keychain never answers', async () => {
    native.hang = true;
    const started = Date.now();
    const vault = await openKeychainVault({ service: 'bintu-wall-unit', timeoutMs: 200 });
    expect(vault.status().persistent).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('uses the keychain when it works and leaves no probe entry behind', async () => {
    const vault = await openKeychainVault({ service: 'bintu-wall-unit' });
    expect(vault.status()).toEqual({ persistent: true, message: null });
    expect(native.store.size).toBe(0);

    await vault.set('org-a', KEY);
    expect([...native.store.keys()]).toEqual(['bintu-wall-unit/profile:org-a']);
    expect(await vault.get('org-a')).toBe(KEY);
  });

  it('reports a failed save as keychain-unavailable without the key in message or cause', async () => {
    const vault = await openKeychainVault({ service: 'bintu-wall-unit' });
    native.failOn = 'set';

    const error = await vault.set('org-a', KEY).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('keychain-unavailable');
    expect(appError.message).toMatch(/could not be saved/);
    const everything = `${appError.message} ${String(appError.cause)} ${inspect(appError, { depth: 10 })} ${JSON.stringify(appError.toData())}`;
    expect(everything).not.toContain(KEY);
    // The native reason survives, scrubbed, for debugging in main.
    expect(String(appError.cause)).toContain('collection is locked');
  });

  it('maps read and remove failures to keychain-unavailable', async () => {
    const vault = await openKeychainVault({ service: 'bintu-wall-unit' });
    native.failOn = 'get';
    await expect(vault.get('org-a')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    await expect(vault.has('org-a')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    native.failOn = 'delete';
    await expect(vault.delete('org-a')).rejects.toMatchObject({ code: 'keychain-unavailable' });
  });

  it('refuses an empty key and profile ids that would clash with its probe entry', async () => {
    const vault = await openKeychainVault({ service: 'bintu-wall-unit', account: (id) => id });
    await expect(vault.set('org-a', '')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(vault.set('keychain-probe', KEY)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(vault.get('')).rejects.toMatchObject({ code: 'invalid-input' });
    expect(native.store.size).toBe(0);
  });
});
