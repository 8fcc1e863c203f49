import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openKeychainVault } from '../../../src/main/platform/keychain';

// Runs against whatever Secret Service the session bus offers: in CI that is the throwaway,
// unlocked gnome-keyring of scripts/with-keyring.sh. Without one the real-keychain tests are
// skipped with the reason printed, unless BINTU_WALL_REQUIRE_KEYCHAIN=1 (set by .ci/run) makes
// a missing keychain a failure.

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../../..');
const REQUIRED = process.env.BINTU_WALL_REQUIRE_KEYCHAIN === '1';
// A service name of its own per run, so the tests never touch the app's real entries.
const SERVICE = `bintu-wall-test-${process.pid}-${randomBytes(4).toString('hex')}`;
const KEY_A = `ak-${randomBytes(12).toString('hex')}`;
const KEY_B = `ak-${randomBytes(12).toString('hex')}`;

let unavailableReason = '';
const vault = await openKeychainVault({
  service: SERVICE,
  timeoutMs: 10_000,
  onUnavailable: (error) => (unavailableReason = String(error.cause ?? error.message)),
});
const available = vault.status().persistent;
const HOW_TO = 'run the tests under scripts/with-keyring.sh to get a throwaway unlocked gnome-keyring';
if (!available && !REQUIRED) {
  console.warn(`[keychain] skipping real-keychain tests: no Secret Service reachable (${unavailableReason}); ${HOW_TO}`);
}
// secret-tool prints its usage and exits 2 without arguments; only ENOENT means it is missing.
const hasSecretTool = await run('secret-tool', []).then(
  () => true,
  (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
);

/** What the Secret Service itself holds for our service, read with secret-tool, not with our code. */
async function secretToolSearch(): Promise<string> {
  const { stdout, stderr } = await run('secret-tool', ['search', '--all', '--unlock', 'service', SERVICE]);
  return `${stdout}\n${stderr}`;
}

afterAll(async () => {
  if (!available) return;
  await vault.delete('org-a');
  await vault.delete('org-b');
});

describe('credentials in the real OS keychain', () => {
  it.runIf(!available && REQUIRED)('has a keychain to test against (BINTU_WALL_REQUIRE_KEYCHAIN=1)', () => {
    expect.fail(`BINTU_WALL_REQUIRE_KEYCHAIN=1 but no Secret Service is reachable (${unavailableReason}); ${HOW_TO}`);
  });

  describe.skipIf(!available)('against the Secret Service', () => {
    it('stores a key and reads it back, also from a freshly opened vault (as after a restart)', async () => {
      expect(vault.status()).toEqual({ persistent: true, message: null });
      expect(await vault.has('org-a')).toBe(false);
      await vault.set('org-a', KEY_A);
      expect(await vault.get('org-a')).toBe(KEY_A);
      expect(await vault.has('org-a')).toBe(true);

      const reopened = await openKeychainVault({ service: SERVICE });
      expect(reopened.status().persistent).toBe(true);
      expect(await reopened.get('org-a')).toBe(KEY_A);
    });

    it.skipIf(!hasSecretTool)('keeps the key in the Secret Service itself, where other keychain tools see it', async () => {
      await vault.set('org-a', KEY_A);
      const listing = await secretToolSearch();
      expect(listing).toContain(KEY_A);
      // The probe entry written while opening the vault was removed again.
      expect(listing).not.toContain('keychain-probe');
    });

    it('replaces a stored key', async () => {
      await vault.set('org-a', KEY_A);
      await vault.set('org-a', KEY_B);
      expect(await vault.get('org-a')).toBe(KEY_B);
      if (hasSecretTool) {
        const listing = await secretToolSearch();
        expect(listing).toContain(KEY_B);
        expect(listing).not.toContain(KEY_A);
      }
      await vault.set('org-a', KEY_A);
    });

    it('keeps two profiles independent', async () => {
      await vault.set('org-a', KEY_A);
      await vault.set('org-b', KEY_B);
      expect(await vault.get('org-a')).toBe(KEY_A);
      expect(await vault.get('org-b')).toBe(KEY_B);

      await vault.delete('org-b');
      expect(await vault.has('org-b')).toBe(false);
      expect(await vault.get('org-a')).toBe(KEY_A);
    });

    it('removes a key, and removing it again is harmless', async () => {
      await vault.set('org-a', KEY_A);
      await vault.delete('org-a');
      expect(await vault.get('org-a')).toBeNull();
      expect(await vault.has('org-a')).toBe(false);
      await expect(vault.delete('org-a')).resolves.toBeUndefined();
      if (hasSecretTool) expect(await secretToolSearch()).not.toContain(KEY_A);
    });
  });
});

/** Every file under `dir` whose bytes contain `needle`. */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) hits.push(path);
  }
  return hits;
}

// The child reads the key from stdin so that neither its source, its command line nor the
// compile cache tsx keeps under TMPDIR can contain it: any hit in the scan is a real leak.
const CHILD_SOURCE = `
import { openKeychainVault } from ${JSON.stringify(pathToFileURL(join(REPO, 'src/main/platform/keychain.ts')).href)};
let input = '';
for await (const chunk of process.stdin) input += chunk;
const vault = await openKeychainVault({ service: 'bintu-wall-no-keychain-test', timeoutMs: 5000 });
await vault.set('org-a', input);
const roundTrip = (await vault.get('org-a')) === input;
const hasOther = await vault.has('org-b');
process.stdout.write(JSON.stringify({ status: vault.status(), roundTrip, hasOther }));
`;

describe('without any keychain', () => {
  it('keeps the key in memory for the session, warns the operator, and writes it nowhere', async () => {
    const sandbox = await mkdtemp(join(tmpdir(), 'bintu-wall-nokeychain-'));
    const scriptDir = await mkdtemp(join(tmpdir(), 'bintu-wall-nokeychain-src-'));
    try {
      const dirs = ['home', 'config', 'data', 'cache', 'state', 'runtime', 'tmp'].map((d) => join(sandbox, d));
      for (const dir of dirs) await mkdir(dir, { recursive: true, mode: 0o700 });
      const [home, config, data, cache, state, runtime, tmp] = dirs as [string, ...string[]];
      // .mts: the temp folder has no package.json saying "type": "module", and the child uses top-level await.
      const script = join(scriptDir, 'child.mts');
      await writeFile(script, CHILD_SOURCE);

      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: home,
        XDG_CONFIG_HOME: config,
        XDG_DATA_HOME: data,
        XDG_CACHE_HOME: cache,
        XDG_STATE_HOME: state,
        XDG_RUNTIME_DIR: runtime,
        TMPDIR: tmp,
        // A bus address that leads nowhere: no Secret Service, and no autolaunch of one either.
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(sandbox, 'no-bus-here')}`,
      };
      const secret = `ak-nokeychain-${randomBytes(16).toString('hex')}`;
      const { code, stdout, stderr } = await runChild(join(REPO, 'node_modules/.bin/tsx'), [script], env, home, secret);

      expect(stderr).not.toContain(secret);
      expect(stdout).not.toContain(secret);
      expect(code, stderr).toBe(0);
      const result = JSON.parse(stdout) as { status: { persistent: boolean; message: string }; roundTrip: boolean; hasOther: boolean };
      expect(result.status.persistent).toBe(false);
      expect(result.status.message).toMatch(/No system keychain is available/);
      expect(result.status.message).toMatch(/only in memory until Bintu Wall quits/);
      expect(result.status.message).toMatch(/GNOME Keyring or KWallet/);
      expect(result.roundTrip).toBe(true);
      expect(result.hasOther).toBe(false);

      expect(await filesContaining(sandbox, secret)).toEqual([]);
    } finally {
      await rm(sandbox, { recursive: true, force: true });
      await rm(scriptDir, { recursive: true, force: true });
    }
  });
});

/** Runs a child with `input` on stdin; resolves with its exit code and output. */
function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'], timeout: 25_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
