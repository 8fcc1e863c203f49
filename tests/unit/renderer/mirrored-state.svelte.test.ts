import { describe, expect, it } from 'vitest';
import { DownloadsState } from '../../../src/renderer/src/lib/state/downloads-state.svelte';
import { SessionState } from '../../../src/renderer/src/lib/state/session-state.svelte';
import { SettingsState } from '../../../src/renderer/src/lib/state/settings-state.svelte';
import { WallState } from '../../../src/renderer/src/lib/state/wall-state.svelte';
import { WindowState } from '../../../src/renderer/src/lib/state/window-state.svelte';
import { FakeBridge, settled } from './fake-bridge';
import { mountReader } from './reader.svelte';
import { download, sessionWith, settingsWith, UNREADABLE, wallOf } from './state-fixtures';

/** A wall as the page builds it at start: it asks for the wall a microtask later. */
async function startWall(bridge: FakeBridge): Promise<WallState> {
  const wall = new WallState(bridge);
  await settled();
  return wall;
}

describe('WallState', () => {
  it('asks for the wall at start, and its first reader takes that answer rather than ask again', async () => {
    const bridge = new FakeBridge();
    const wall = await startWall(bridge);
    expect(bridge.asked('wall:get')).toBe(1);
    const reader = mountReader(() => wall.tiles.map((tile) => tile.id));
    await bridge.answer('wall:get', wallOf('a', 'b'));
    expect(reader.latest()).toEqual(['a', 'b']);
    expect(bridge.asked('wall:get')).toBe(1);
    await reader.stop();
  });

  it('keeps tiles in their places when main reorders them, and a push beats the slower first answer', async () => {
    const bridge = new FakeBridge();
    const wall = await startWall(bridge);
    const reader = mountReader(() => wall.tiles.map((tile) => tile.id));
    bridge.push('wall:changed', wallOf('a', 'b'));
    await bridge.answer('wall:get', wallOf('old'));
    bridge.push('wall:changed', wallOf('c', 'b', 'a'));
    expect(reader.latest()).toEqual(['a', 'b', 'c']);
    await reader.stop();
  });

  it('keeps every slot when the wall screen leaves and comes back, and takes the order settings kept', async () => {
    const bridge = new FakeBridge();
    const wall = await startWall(bridge);
    wall.restoreOrder(['b', 'gone-for-now']);
    let reader = mountReader(() => wall.tiles.map((tile) => tile.id));
    await bridge.answer('wall:get', wallOf('a', 'b'));
    expect(reader.latest()).toEqual(['b', 'a']);
    await reader.stop();
    reader = mountReader(() => wall.tiles.map((tile) => tile.id));
    // Main lists the newest first: the stream added last must not jump to slot 1.
    await bridge.answer('wall:get', wallOf('new', 'gone-for-now', 'a', 'b'));
    expect(reader.latest()).toEqual(['b', 'gone-for-now', 'a', 'new']);
    expect(wall.order).toEqual(['b', 'gone-for-now', 'a', 'new']);
    await reader.stop();
  });

  it('shows why the first wall could not be read', async () => {
    const bridge = new FakeBridge();
    const wall = await startWall(bridge);
    const reader = mountReader(() => wall.loadError);
    await bridge.refuse('wall:get', UNREADABLE);
    expect(reader.latest()).toEqual(UNREADABLE);
    await reader.stop();
  });

  it('forgets the wall and stops listening when the wall screen unmounts', async () => {
    const bridge = new FakeBridge();
    const wall = await startWall(bridge);
    const reader = mountReader(() => wall.view);
    await bridge.answer('wall:get', wallOf('a'));
    expect(bridge.listeners('wall:changed')).toBe(1);
    await reader.stop();
    expect(bridge.listeners('wall:changed')).toBe(0);
    expect(wall.view).toBeNull();
    const again = mountReader(() => wall.tiles.length);
    expect(bridge.asked('wall:get')).toBe(2);
    await again.stop();
  });
});

describe('SessionState', () => {
  it('shows a failed first read, and reads again on retry', async () => {
    const bridge = new FakeBridge();
    const session = new SessionState(bridge);
    const reader = mountReader(() => ({ error: session.loadError, hasWall: session.hasWall }));
    await bridge.refuse('session:get', UNREADABLE);
    expect(reader.latest()).toEqual({ error: UNREADABLE, hasWall: false });
    const retried = session.retry();
    await bridge.answer('session:get', sessionWith(true));
    await retried;
    expect(reader.latest()).toEqual({ error: null, hasWall: true });
    await reader.stop();
  });

  it("takes a push before the slower first answer, and a command's answer after", async () => {
    const bridge = new FakeBridge();
    const session = new SessionState(bridge);
    const reader = mountReader(() => session.activeProfile?.name ?? null);
    bridge.push('session:changed', sessionWith(true));
    await bridge.answer('session:get', sessionWith(false));
    expect(reader.latest()).toBe('Studio');
    const leaving = session.activate('p1');
    expect(session.pending).toBe('activate:p1');
    await bridge.answer('profile:activate', sessionWith(false, true));
    await leaving;
    expect(reader.latest()).toBeNull();
    expect(session.pending).toBeNull();
    await reader.stop();
  });
});

describe('SettingsState', () => {
  it('shows a failed first read; an update answer then replaces the settings', async () => {
    const bridge = new FakeBridge();
    const settings = new SettingsState(bridge);
    const reader = mountReader(() => ({ error: settings.loadError, theme: settings.view?.theme ?? null }));
    await bridge.refuse('settings:get', UNREADABLE);
    expect(reader.latest()).toEqual({ error: UNREADABLE, theme: null });
    const saving = settings.update({ theme: 'dark' });
    await bridge.answer('settings:update', settingsWith({ theme: 'dark' }));
    await saving;
    expect(reader.latest()).toEqual({ error: null, theme: 'dark' });
    await reader.stop();
  });
});

describe('DownloadsState', () => {
  it('shows a failed first read instead of an empty list', async () => {
    const bridge = new FakeBridge();
    const downloads = new DownloadsState(bridge);
    const reader = mountReader(() => ({ error: downloads.loadError, count: downloads.list.length }));
    await bridge.refuse('downloads:list', UNREADABLE);
    expect(reader.latest()).toEqual({ error: UNREADABLE, count: 0 });
    bridge.push('downloads:changed', [download('d1', 1)]);
    expect(reader.latest()).toEqual({ error: null, count: 1 });
    await reader.stop();
  });

  it('lists newest first, counts the running ones, and stops listening on teardown', async () => {
    const bridge = new FakeBridge();
    const downloads = new DownloadsState(bridge);
    const reader = mountReader(() => ({ ids: downloads.list.map((d) => d.id), running: downloads.activeCount }));
    bridge.push('downloads:changed', [download('old', 1, 'done'), download('new', 2)]);
    await bridge.answer('downloads:list', []);
    expect(reader.latest()).toEqual({ ids: ['new', 'old'], running: 1 });
    await reader.stop();
    expect(bridge.listeners('downloads:changed')).toBe(0);
  });
});

describe('WindowState', () => {
  it('shows a failed first read', async () => {
    const bridge = new FakeBridge();
    const win = new WindowState(bridge);
    const reader = mountReader(() => ({ error: win.loadError, kiosk: win.kiosk }));
    await bridge.refuse('window:get', UNREADABLE);
    expect(reader.latest()).toEqual({ error: UNREADABLE, kiosk: false });
    bridge.push('window:changed', { fullscreen: true, kiosk: true });
    expect(reader.latest()).toEqual({ error: null, kiosk: true });
    await reader.stop();
  });

  it('shows a switch at once and puts it back when main refuses', async () => {
    const bridge = new FakeBridge();
    const win = new WindowState(bridge);
    const reader = mountReader(() => win.fullscreen);
    await bridge.answer('window:get', { fullscreen: false, kiosk: false });
    const switching = win.setFullscreen(true);
    expect(reader.latest()).toBe(true);
    await bridge.refuse('window:set-fullscreen', UNREADABLE);
    await switching;
    expect(reader.latest()).toBe(false);
    expect(win.error).toEqual(UNREADABLE);
    await reader.stop();
  });

  it('leaves a kiosk at once without a PIN, and with one asks for it without switching first', async () => {
    const bridge = new FakeBridge();
    const win = new WindowState(bridge);
    const reader = mountReader(() => ({ kiosk: win.kiosk, asking: win.lock.asking }));
    await bridge.answer('window:get', { fullscreen: true, kiosk: true });

    const open = win.leaveKiosk();
    await bridge.answer('kiosk:get', { pinSet: false, lockedUntil: null });
    expect(bridge.request('window:set-kiosk')).toEqual({ on: false });
    await bridge.answer('window:set-kiosk', null);
    await open;
    expect(reader.latest()).toEqual({ kiosk: false, asking: false });

    bridge.push('window:changed', { fullscreen: true, kiosk: true });
    const locked = win.leaveKiosk();
    await bridge.answer('kiosk:get', { pinSet: true, lockedUntil: null });
    await locked;
    expect(bridge.asked('window:set-kiosk')).toBe(1);
    expect(reader.latest()).toEqual({ kiosk: true, asking: true });

    const wrong = win.lock.leave('0000');
    await bridge.answer('kiosk:leave', { outcome: 'locked', retryAt: 5000 });
    await wrong;
    expect(win.lock.view).toEqual({ pinSet: true, lockedUntil: 5000 });
    expect(reader.latest().asking).toBe(true);
    await reader.stop();
  });
});
