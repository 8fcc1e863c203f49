import { describe, expect, it, vi, beforeEach } from 'vitest';

// Electron is mocked at the module boundary only: the registration code itself is real.
const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, payload: unknown) => unknown) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerIpc } = await import('../../../src/main/platform/ipc');
const { commandChannels } = await import('../../../src/shared/ipc-contract');

describe('IPC registration', () => {
  const trustedFrame = { url: 'file:///app/index.html' };
  const dispatch = vi.fn(async () => ({ ok: true, value: 'done' }));
  const app = { dispatch } as never;

  beforeEach(() => {
    handlers.clear();
    dispatch.mockClear();
  });

  it('registers a handler for every command and removes them on dispose', () => {
    const registration = registerIpc(app, (frame) => frame === trustedFrame);
    expect([...handlers.keys()].sort()).toEqual([...commandChannels].sort());
    registration.dispose();
    expect(handlers.size).toBe(0);
  });

  it('refuses a call from any frame but our own page, before dispatching', async () => {
    registerIpc(app, (frame) => frame === trustedFrame);
    const handle = handlers.get('session:get');
    expect(await handle?.({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handle?.({ senderFrame: trustedFrame }, undefined)).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('session:get', undefined);
  });
});
