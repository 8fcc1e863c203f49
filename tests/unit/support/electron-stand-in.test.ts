import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEvent, resetElectron, StandInBrowserWindow, type StandInWebContents } from '../../support/electron-stand-in';

// The stand-in's own promises: each is what a platform test relies on Electron to do.
describe('the Electron stand-in', () => {
  it('announces a window\'s web contents inside the BrowserWindow constructor', async () => {
    const world = resetElectron();
    await world.ready();
    const seen: StandInWebContents[] = [];
    world.app.on('web-contents-created', (_event, contents: StandInWebContents) => seen.push(contents));
    let during = -1;
    world.app.once('web-contents-created', () => (during = world.windows.length));
    const window = new StandInBrowserWindow({ show: false });
    expect(seen).toEqual([window.webContents]);
    expect(during).toBe(1);
  });

  it('a prevented event stays prevented', () => {
    const event = makeEvent({ url: 'https://example.com/' });
    event.preventDefault();
    expect(() => Object.assign(event, { defaultPrevented: false })).toThrow();
    expect(event.defaultPrevented).toBe(true);
    expect(event.url).toBe('https://example.com/');
  });

  it('refuses windows, sessions, screens and protocol handlers before ready, and privileged schemes after', async () => {
    const world = resetElectron();
    expect(() => new StandInBrowserWindow()).toThrow(/before app is ready/);
    expect(() => world.sessionModule.defaultSession).toThrow(/ready/);
    expect(() => world.screen.getAllDisplays()).toThrow(/ready/);
    expect(() => world.protocol.handle('app', () => new Response(''))).toThrow(/ready/);
    world.protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    expect(() => world.protocol.registerSchemesAsPrivileged([{ scheme: 'other' }])).toThrow(/only once/);
    await world.ready();
    expect(() => world.protocol.registerSchemesAsPrivileged([{ scheme: 'late' }])).toThrow(/before the app is ready/);
  });

  it('runs ready listeners before whenReady continuations, and never after exit', async () => {
    const world = resetElectron();
    const order: string[] = [];
    void world.app.whenReady().then(() => order.push('whenReady'));
    world.app.on('ready', () => order.push('ready'));
    await world.ready();
    expect(order).toEqual(['ready', 'whenReady']);
    const gone = resetElectron();
    gone.app.exit(0);
    await gone.ready();
    expect(gone.app.isReady()).toBe(false);
  });

  it('app.setPath refuses a folder that does not exist, and a relative one', () => {
    const world = resetElectron();
    const dir = mkdtempSync(join(tmpdir(), 'stand-in-'));
    expect(() => world.app.setPath('userData', join(dir, 'missing'))).toThrow();
    expect(() => world.app.setPath('userData', 'relative')).toThrow(/absolute/);
    world.app.setPath('userData', dir);
    expect(world.app.getPath('userData')).toBe(dir);
  });

  it('the single-instance lock: the loser hands over its arguments, the holder hears of them after ready', async () => {
    const loser = resetElectron({ lockHeldElsewhere: true });
    expect(loser.app.requestSingleInstanceLock({ argv: ['x'] })).toBe(false);
    expect(loser.app.handedOver[0]?.additionalData).toEqual({ argv: ['x'] });
    const holder = resetElectron();
    expect(holder.app.requestSingleInstanceLock()).toBe(true);
    const heard: string[][] = [];
    holder.app.on('second-instance', (_event, argv: string[]) => heard.push(argv));
    holder.app.launchSecondInstance(['bintu-wall']);
    expect(heard).toEqual([]);
    await holder.ready();
    expect(heard).toEqual([['bintu-wall']]);
  });

  it('setLoginItemSettings does nothing on Linux', () => {
    const linux = resetElectron({ platform: 'linux' });
    linux.app.setLoginItemSettings({ openAtLogin: true });
    expect(linux.app.getLoginItemSettings()).toEqual({ openAtLogin: false });
    const windows = resetElectron({ platform: 'win32' });
    windows.app.setLoginItemSettings({ openAtLogin: true });
    expect(windows.app.getLoginItemSettings()).toEqual({ openAtLogin: true });
  });

  it('asks the permission handler per request, with documented names, and grants when none is set', async () => {
    const world = resetElectron();
    await world.ready();
    const window = new StandInBrowserWindow();
    await window.webContents.loadURL('https://replay.example/');
    expect(await window.webContents.requestPermission('fullscreen')).toBe(true);
    const asked: string[] = [];
    world.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => (asked.push(permission), callback(false)));
    expect(await window.webContents.requestPermission('fullscreen')).toBe(false);
    expect(await window.webContents.requestPermission('media')).toBe(false);
    expect(asked).toEqual(['fullscreen', 'media']);
    expect(() => window.webContents.requestPermission('full-screen')).toThrow(/not a documented permission/);
  });

  it('will-frame-navigate comes first; a prevented one stops will-navigate', async () => {
    const world = resetElectron();
    await world.ready();
    const { webContents } = new StandInBrowserWindow();
    const events: string[] = [];
    webContents.on('will-navigate', () => events.push('will-navigate'));
    webContents.once('will-frame-navigate', (event: { preventDefault(): void }) => (events.push('will-frame-navigate'), event.preventDefault()));
    expect(webContents.navigate('https://example.com/')).toBe(false);
    expect(events).toEqual(['will-frame-navigate']);
    expect(webContents.navigate('https://example.com/')).toBe(true);
    expect(events).toEqual(['will-frame-navigate', 'will-navigate']);
  });
});
