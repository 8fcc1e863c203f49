import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeApp, type ComposedApp } from '../../../src/main/compose';
import { runDiagnosticsCommand } from '../../../src/main/cli/diagnostics';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import { PROXY_SIGN_IN_ID } from '../../../src/main/core/http/proxy-sign-in';
import { MemorySettingsStore } from '../../../src/main/core/settings/settings';
import { parsePolicy } from '../../../src/main/core/settings/policy';
import { RecordingDesktop } from '../../support/recording-desktop';

// Planted everywhere a secret could come from: none may reach the archive in any form.
const API_KEY = 'ak-9f3e1c7d-LEAK-5b2a';
const TOKEN = 'tk_Q2hhbm5lbFRva2VuLeak77';
const PROXY_USER = 'wall-operator';
const PROXY_PASSWORD = 'Pr0xy!pass-Leak#42';
const SECRETS = [API_KEY, TOKEN, PROXY_PASSWORD];
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const BASIC = b64(`${PROXY_USER}:${PROXY_PASSWORD}`);

/** Every form a planted secret could take in the archive: as is, URL-encoded, base64, base64url, the proxy's Basic value. */
function forbiddenForms(): string[] {
  return [...SECRETS.flatMap((s) => [s, encodeURIComponent(s), b64(s), Buffer.from(s).toString('base64url')]), BASIC];
}

let dir: string;
let userData: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wall-diagnostics-'));
  userData = join(dir, 'user-data');
  plantFiles(userData);
});

/** Logs and alarm log with the secrets in them, as a line written before a key was known would hold them. */
function plantFiles(root: string): void {
  mkdirSync(join(root, 'logs'), { recursive: true });
  mkdirSync(join(root, 'alarms'), { recursive: true });
  writeFileSync(join(root, 'logs', 'main.log'), `2026-12-01T10:00:00.000Z info start\n2026-12-01T10:00:01.000Z error request with X-BINTU-APIKEY ${API_KEY} failed\n2026-12-01T10:00:02.000Z warn token ${encodeURIComponent(TOKEN)} in a URL\n`);
  writeFileSync(join(root, 'logs', 'main.log.1'), `2026-11-30T09:00:00.000Z warn proxy said no to Proxy-Authorization: Basic ${BASIC}\n2026-11-30T09:00:01.000Z info key in base64 ${b64(API_KEY)} and url-safe ${Buffer.from(TOKEN).toString('base64url')}\n`);
  writeFileSync(join(root, 'alarms', 'alarms.jsonl'), `${JSON.stringify({ id: 'e1', at: '2026-12-01T10:00:00.000Z', streamName: 'Studio A', detail: `webhook failed for ${PROXY_PASSWORD}` })}\n`);
  writeFileSync(join(root, 'alarms', 'alarms.1.jsonl'), `${JSON.stringify({ id: 'e0', detail: `token ${TOKEN}` })}\n`);
  // Not a log: never archived.
  writeFileSync(join(root, 'kiosk-pin.json'), JSON.stringify({ hash: 'not-for-support' }));
}

/** Settings holding the secrets where an operator could have typed them: the webhook address, a label. */
function plantedSettings(): Record<string, unknown> {
  return {
    profiles: [
      { id: 'p-key', name: 'Control room', apiBase: 'https://bintu.example', credentialKind: 'apiKey' },
      { id: 'p-token', name: 'Second room', apiBase: 'https://bintu.example', credentialKind: 'token' },
    ],
    activeProfileId: 'p-key',
    labels: { 'stream-1': `cam ${API_KEY}`.slice(0, 60) },
    alarms: { webhookUrl: `https://hooks.example/services/${TOKEN}?key=${API_KEY}` },
  };
}

async function plantedVault(): Promise<MemoryVault> {
  const vault = new MemoryVault(null);
  await vault.set('p-key', API_KEY);
  await vault.set('p-token', TOKEN);
  await vault.set(PROXY_SIGN_IN_ID, JSON.stringify({ username: PROXY_USER, password: PROXY_PASSWORD }));
  return vault;
}

/** Unpacks with the system's tar (the archive must open with the tools support has) and reads every file. */
function unpack(archive: string): Map<string, Buffer> {
  const out = join(dir, 'unpacked');
  mkdirSync(out, { recursive: true });
  execFileSync('tar', ['-xzf', archive, '-C', out]);
  const files = new Map<string, Buffer>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(out, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(out);
  return files;
}

function expectNoSecret(archive: string, files: Map<string, Buffer>): void {
  const tar = gunzipSync(readFileSync(archive));
  for (const form of forbiddenForms()) {
    expect(tar.includes(Buffer.from(form)), `the archive holds ${form}`).toBe(false);
    expect(tar.toString('latin1').toLowerCase().includes(form.toLowerCase()), `the archive holds ${form} in another case`).toBe(false);
    for (const [name, bytes] of files) expect(bytes.includes(Buffer.from(form)), `${name} holds ${form}`).toBe(false);
  }
}

function expectContents(files: Map<string, Buffer>): void {
  const text = (name: string): string => files.get(`bintu-wall-diagnostics/${name}`)?.toString('utf8') ?? '';
  expect([...files.keys()].sort()).toEqual(
    ['README.txt', 'about.json', 'alarms/alarms.1.jsonl', 'alarms/alarms.jsonl', 'logs/main.log', 'logs/main.log.1', 'policy.json', 'settings.json'].map((n) => `bintu-wall-diagnostics/${n}`),
  );
  // Still useful to support: the lines are there with the secrets taken out.
  expect(text('logs/main.log')).toContain('error request with X-BINTU-APIKEY [redacted] failed');
  expect(text('logs/main.log.1')).toContain('Proxy-Authorization: Basic [redacted]');
  expect(text('alarms/alarms.jsonl')).toContain('Studio A');
  const settings = JSON.parse(text('settings.json')) as { alarms: { webhookUrl: string }; profiles: Array<{ name: string }>; quantity: number };
  expect(settings.alarms.webhookUrl).toBe('https://hooks.example/[path left out]');
  expect(settings.profiles.map((p) => p.name)).toEqual(['Control room', 'Second room']);
  expect(settings.quantity).toBe(75);
  const policy = JSON.parse(text('policy.json')) as { inForce: Record<string, unknown>; problems: string[] };
  expect(policy.inForce).toEqual({ quantity: 75 });
  expect(policy.problems.join(' ')).toMatch(/"apiKey" is not known/);
  const about = JSON.parse(text('about.json')) as { versions: { node: string }; platform: { os: string; arch: string } };
  expect(about.versions.node).toBe(process.versions.node);
  expect(about.platform).toMatchObject({ os: process.platform, arch: process.arch });
}

const POLICY_TEXT = JSON.stringify({ quantity: 75, apiKey: 'x' });

describe('the diagnostics archive', () => {
  let app: ComposedApp | null = null;
  afterEach(() => app?.dispose());

  it('"Save diagnostics" writes where the operator chose; no key, token or proxy password in it, in any form', async () => {
    const desktop = new RecordingDesktop();
    app = composeApp({
      userDataDir: userData,
      vault: await plantedVault(),
      settingsStore: new MemorySettingsStore(plantedSettings()),
      policy: parsePolicy(POLICY_TEXT, '/etc/bintu-wall/policy.json'),
      assetSrc: (name) => `wall-asset://cache/${name}`,
      desktop,
      defaultDownloadDir: join(dir, 'Downloads'),
      appVersion: '9.8.7',
    });
    desktop.nextSaveFile = join(dir, 'chosen', 'support.tar.gz');
    // Nothing was read from the keychain yet: the archive must not rely on what the process learnt.
    const saved = await app.dispatch('diagnostics:save', undefined);
    expect(saved).toEqual({ ok: true, value: { path: desktop.nextSaveFile } });
    expect(desktop.calls.find((c) => c.method === 'chooseSaveFile')?.args[0]).toMatch(/^bintu-wall-diagnostics-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
    const files = unpack(desktop.nextSaveFile);
    expectContents(files);
    expect(JSON.parse(files.get('bintu-wall-diagnostics/about.json')?.toString() ?? '{}')).toMatchObject({ app: '9.8.7', writtenBy: 'app' });
    expectNoSecret(desktop.nextSaveFile, files);
    // The log line saying where it went is redacted like every other.
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toContain(`diagnostics saved to ${desktop.nextSaveFile}`);
  });

  it('cancelling the dialog writes nothing', async () => {
    const desktop = new RecordingDesktop();
    app = composeApp({ userDataDir: userData, vault: await plantedVault(), settingsStore: new MemorySettingsStore(), assetSrc: (n) => n, desktop, defaultDownloadDir: dir });
    expect(await app.dispatch('diagnostics:save', undefined)).toEqual({ ok: true, value: { path: null } });
    expect(readdirSync(dir).sort()).toEqual(['user-data']);
  });

  it('a folder that cannot be written to is said in plain words', async () => {
    const desktop = new RecordingDesktop();
    app = composeApp({ userDataDir: userData, vault: await plantedVault(), settingsStore: new MemorySettingsStore(), assetSrc: (n) => n, desktop, defaultDownloadDir: dir });
    writeFileSync(join(dir, 'a-file'), '');
    desktop.nextSaveFile = join(dir, 'a-file', 'support.tar.gz');
    const saved = await app.dispatch('diagnostics:save', undefined);
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error.message).toContain(join(dir, 'a-file'));
  });

  it('`cli diagnostics --to FILE` writes the same archive from the user-data folder, without a secret', async () => {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ settings: plantedSettings() }));
    const policyFile = join(dir, 'policy.json');
    writeFileSync(policyFile, POLICY_TEXT);
    const vault = await plantedVault();
    const out: string[] = [];
    const target = join(dir, 'cli.tar.gz');
    const code = await runDiagnosticsCommand(['--to', target], {
      out: (line) => out.push(line),
      env: { BINTU_WALL_USER_DATA: userData, BINTU_WALL_POLICY: policyFile, npm_package_version: '1.2.3' },
      openVault: async () => vault,
    });
    expect(code).toBe(0);
    expect(out).toEqual([`diagnostics written to ${target}`]);
    const files = unpack(target);
    expectContents(files);
    expect(JSON.parse(files.get('bintu-wall-diagnostics/about.json')?.toString() ?? '{}')).toMatchObject({ app: '1.2.3', writtenBy: 'cli' });
    expectNoSecret(target, files);
  });

  it('`cli diagnostics` without --to says what to give', async () => {
    await expect(runDiagnosticsCommand([], { out: () => undefined, env: { BINTU_WALL_USER_DATA: userData }, openVault: async () => new MemoryVault(null) })).rejects.toThrow(/--to FILE/);
  });
});
