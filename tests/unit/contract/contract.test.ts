import { describe, expect, it, vi } from 'vitest';
import { commandChannels, eventChannels, commands, events } from '../../../src/shared/ipc-contract';
import { buildBridge } from '../../../src/preload/bridge';
import { createDispatcher, type CommandHandlers } from '../../../src/main/core/dispatch';
import { composeApp } from '../../../src/main/compose';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import { MemorySettingsStore } from '../../../src/main/core/settings/settings';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingDesktop } from '../../support/recording-desktop';

function composed() {
  return composeApp({
    userDataDir: mkdtempSync(join(tmpdir(), 'wall-contract-')),
    vault: new MemoryVault(null),
    settingsStore: new MemorySettingsStore(),
    assetSrc: (name) => `wall-asset://cache/${name}`,
    desktop: new RecordingDesktop(),
    defaultDownloadDir: join(tmpdir(), 'wall-downloads'),
  });
}

describe('the IPC contract', () => {
  it('the channel names the preload checks against are exactly the contract maps', () => {
    expect([...commandChannels].sort()).toEqual(Object.keys(commands).sort());
    expect([...eventChannels].sort()).toEqual(Object.keys(events).sort());
  });

  it('main implements exactly the commands the contract lists', () => {
    const app = composed();
    expect(Object.keys(app.handlers).sort()).toEqual([...commandChannels].sort());
    app.dispose();
  });

  it('the preload bridge reaches every command and every event, and nothing else', async () => {
    const invoked: string[] = [];
    const subscribed: string[] = [];
    const bridge = buildBridge({
      invoke: async (channel) => {
        invoked.push(channel);
        return { ok: true, value: null };
      },
      subscribe: (channel) => {
        subscribed.push(channel);
        return () => undefined;
      },
    });
    for (const channel of commandChannels) await (bridge.invoke as (c: string, p?: unknown) => Promise<unknown>)(channel, undefined);
    for (const channel of eventChannels) bridge.on(channel, () => undefined)();
    expect(invoked).toEqual(commandChannels);
    expect(subscribed).toEqual(eventChannels);
    const refused = await (bridge.invoke as (c: string) => Promise<{ ok: boolean; error?: { code: string } }>)('shell:openExternal');
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(invoked).not.toContain('shell:openExternal');
    expect(() => (bridge.on as (c: string, l: () => void) => void)('ipc:raw', () => undefined)).toThrow();
  });

  it('every command has a request and a response schema', () => {
    for (const channel of commandChannels) {
      expect(commands[channel].request, channel).toBeDefined();
      expect(commands[channel].response, channel).toBeDefined();
    }
  });
});

describe('dispatch', () => {
  const handler = vi.fn(async () => {
    throw new Error('boom');
  });
  const dispatch = createDispatcher({ 'profile:connect': handler } as unknown as CommandHandlers);

  it('refuses a payload that fails its schema before the handler runs, without echoing it', async () => {
    const secret = 'sk-live-0123456789abcdef';
    const result = await dispatch('profile:connect', { name: '', apiBase: 5, credentialKind: 'password', secret });
    expect(result.ok).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    expect(JSON.stringify(result)).not.toContain(secret);
    if (!result.ok) expect(result.error.code).toBe('invalid-input');
  });

  it('refuses unknown channels and turns thrown errors into data', async () => {
    expect(await dispatch('fs:read', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const result = await dispatch('profile:connect', { name: 'a', apiBase: 'https://x.example', credentialKind: 'apiKey', secret: 'k' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
