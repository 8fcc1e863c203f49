import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectron, settle, type ElectronWorld, type StandInFrame } from '../../support/electron-stand-in';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));

const { registerIpc } = await import('../../../src/main/platform/ipc');
const { commandChannels } = await import('../../../src/shared/ipc-contract');

describe('IPC registration', () => {
  const page: StandInFrame = { url: 'app://wall/index.html', parent: null };
  const dispatch = vi.fn(async () => ({ ok: true, value: 'done' }));
  const core = Promise.resolve({ dispatch } as never);
  let world: ElectronWorld;

  beforeEach(async () => {
    world = resetElectron();
    await world.ready();
    dispatch.mockClear();
  });

  it('registers a handler for every command and removes them on dispose', () => {
    const registration = registerIpc(core, (frame) => frame === page);
    expect(world.ipcMain.channels().sort()).toEqual([...commandChannels].sort());
    registration.dispose();
    expect(world.ipcMain.channels()).toEqual([]);
  });

  it('refuses a call from any frame but our own page, before dispatching', async () => {
    registerIpc(core, (frame) => frame === page);
    const stranger = { url: 'https://evil.example/', parent: null };
    expect(await world.ipcMain.invoke('session:get', stranger)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await world.ipcMain.invoke('session:get', page)).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('session:get', undefined);
  });

  it('calls wait for the core to start, and get a plain answer if it never does', async () => {
    let fail: (error: Error) => void = () => undefined;
    registerIpc(new Promise((_resolve, reject) => (fail = reject)), (frame) => frame === page);
    let answer: unknown = 'waiting';
    void world.ipcMain.invoke('wall:get', page).then((value) => (answer = value));
    await settle();
    expect(answer).toBe('waiting');
    fail(new Error('no disk'));
    await settle();
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/could not start/) } });
  });
});
