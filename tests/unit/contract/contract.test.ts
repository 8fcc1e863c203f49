import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandChannels, eventChannels, commands, events } from '../../../src/shared/ipc-contract';
import type { TileView } from '../../../src/shared/view';
import { buildBridge } from '../../../src/preload/bridge';
import { createDispatcher, type CommandHandlers } from '../../../src/main/core/dispatch';
import { startLiveCore, unexpectedKeys, type LiveCore } from './live-core';

describe('the IPC contract', () => {
  it('the channel names the preload checks against are exactly the contract maps', () => {
    expect([...commandChannels].sort()).toEqual(Object.keys(commands).sort());
    expect([...eventChannels].sort()).toEqual(Object.keys(events).sort());
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

});

describe('the real core, on the demo simulator', () => {
  let core: LiveCore;
  beforeAll(async () => {
    core = await startLiveCore();
  });
  afterAll(() => core?.close());

  it('implements exactly the commands the contract lists', () => {
    expect(Object.keys(core.app.handlers).sort()).toEqual([...commandChannels].sort());
  });

  // Every command runs, none is skipped: the recording desktop makes replay windows, the folder
  // dialog, fullscreen, kiosk and the clipboard safe to call in a test.
  it('answers every command with its response schema and fires only events that parse with theirs', async () => {
    expect((await core.call('session:get')).profiles).toEqual([]);
    expect((await core.call('wall:get')).streams).toEqual([]);
    expect((await core.call('demo:start')).demo).toBe(true);
    const { recorded, replayable } = await waitForTiles(core);
    const wall = await core.call('wall:get');
    expect(wall.streams.length).toBeGreaterThan(0);
    expect(await core.call('wall:refresh')).toBeNull();
    expect(await core.call('wall:set-visible', { streamIds: wall.streams.map((s) => s.id) })).toBeNull();
    expect(await core.call('replay:open', { streamId: replayable.id })).toBeNull();
    expect(core.desktop.calls.at(-1)).toEqual({ method: 'openReplay', args: [replayable.id, expect.stringContaining('/live-replay/')] });

    const settings = await core.call('settings:get');
    const theme = settings.theme === 'dark' ? 'light' : 'dark';
    expect((await core.call('settings:update', { theme })).theme).toBe(theme);
    core.desktop.nextFolder = join(core.dir, 'Recordings');
    expect((await core.call('settings:choose-download-dir')).downloadDir).toBe(core.desktop.nextFolder);

    await exerciseDownloads(core, recorded);

    expect(await core.call('displays:list')).toEqual(core.desktop.displays());
    expect(await core.call('login-item:get')).toEqual(core.desktop.loginItem());
    expect(await core.call('window:get')).toEqual({ fullscreen: false, kiosk: false });
    expect(await core.call('window:set-fullscreen', { on: true })).toBeNull();
    expect(await core.call('window:set-kiosk', { on: true })).toBeNull();
    await exerciseKioskLock(core);
    await exerciseWallWindows(core);
    expect(await core.call('clipboard:copy', { text: recorded.id })).toBeNull();
    expect(core.desktop.clipboard).toBe(recorded.id);

    await exerciseAlarms(core);

    // The demo's simulator stays up after the demo stops, so a stored profile can use it.
    expect((await core.call('demo:stop')).demo).toBe(false);
    const { apiBase, credential } = core.demo();
    const connected = await core.call('profile:connect', { name: 'Contract', apiBase, credentialKind: credential.kind, secret: credential.secret });
    const profileId = connected.activeProfileId as string;
    expect(connected.profiles.map((p) => p.id)).toContain(profileId);
    expect((await core.call('profile:activate', { profileId })).activeProfileId).toBe(profileId);
    expect((await core.call('profile:remove', { profileId })).profiles).toEqual([]);

    // The proxy's sign-in goes page to main once; the page only learns that one is stored.
    expect(await core.call('proxy:get')).toEqual({ signInStored: false });
    expect(await core.call('proxy:set-sign-in', { username: 'wall', password: 'proxy-pw-contract' })).toEqual({ signInStored: true });
    expect(await core.call('proxy:clear-sign-in')).toEqual({ signInStored: false });
    expect(await core.call('policy:get')).toEqual({ managed: [], apiBase: null, demoDisabled: false, problems: [] });
    // Updates are off until a feed is set; this copy has no updater (it runs from the sources), so
    // the feed is kept but never asked, and nothing waits to be installed.
    expect(await core.call('updates:get')).toEqual({ currentVersion: 'unknown', state: { status: 'off' } });
    expect((await core.call('settings:update', { updateFeed: 'https://updates.example/bintu-wall/' })).updateFeed).toBe('https://updates.example/bintu-wall');
    expect(await core.call('updates:check')).toEqual({ currentVersion: 'unknown', state: { status: 'unsupported' } });
    expect(await core.app.dispatch('updates:restart', undefined)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'No update is ready to install. Check for updates first.' } });
    core.called.add('updates:restart');
    core.desktop.nextSaveFile = join(core.dir, 'diagnostics.tar.gz');
    expect(await core.call('diagnostics:save')).toEqual({ path: core.desktop.nextSaveFile });
    const archive = gunzipSync(readFileSync(core.desktop.nextSaveFile)).toString('latin1');
    expect(archive).toContain('bintu-wall-diagnostics/about.json');
    expect(archive).not.toContain(credential.secret);
    expect(archive).not.toContain('proxy-pw-contract');

    expect([...core.called].sort()).toEqual([...commandChannels].sort());
    for (const channel of eventChannels) expect(core.seen.some((e) => e.channel === channel), `${channel} fired`).toBe(true);
    for (const { channel, payload } of core.seen) expect(unexpectedKeys(channel, events[channel], payload), channel).toEqual([]);
    expect(JSON.stringify(core.seen)).not.toContain(credential.secret);
    expect(JSON.stringify(core.seen)).not.toContain('proxy-pw-contract');
  }, 180_000);
});

/** Locks kiosk with a PIN: "off" is refused, Ctrl+Shift+K asks for the PIN, the PIN leaves. */
async function exerciseKioskLock(core: LiveCore): Promise<void> {
  expect(await core.call('kiosk:get')).toEqual({ pinSet: false, lockedUntil: null });
  expect(await core.call('kiosk:set-pin', { pin: '2468' })).toEqual({ check: { outcome: 'ok' }, lock: { pinSet: true, lockedUntil: null } });
  expect(await core.app.dispatch('window:set-kiosk', { on: false })).toMatchObject({ ok: false, error: { code: 'pin-required' } });
  await core.app.requestKioskExit();
  expect(core.seen.some((e) => e.channel === 'kiosk:unlock-requested')).toBe(true);
  expect(core.desktop.window.kiosk).toBe(true);
  expect(await core.call('kiosk:leave', { pin: '1111' })).toEqual({ outcome: 'wrong', triesLeft: 4 });
  expect(await core.call('kiosk:leave', { pin: '2468' })).toEqual({ outcome: 'ok' });
  expect(core.desktop.window.kiosk).toBe(false);
  expect((await core.call('kiosk:set-pin', { pin: null, current: '2468' })).lock.pinSet).toBe(false);
  expect(await core.call('window:set-kiosk', { on: true })).toBeNull();
}

/**
 * Raises a real alarm (a watched stream that is not live is "down"), with the window unfocused so
 * it notifies, then acknowledges, snoozes, reads, exports and clicks the notification.
 */
async function exerciseAlarms(core: LiveCore): Promise<void> {
  const idle = core.app.session.wall().streams.find((s) => s.state !== 'live' && !s.gone);
  if (!idle) throw new Error('the demo has no stream that is not live');
  core.desktop.focused = false;
  expect((await core.call('watch:set', { streamId: idle.id, watched: true })).watch.streamIds).toEqual([idle.id]);
  const raised = await vi.waitFor(
    async () => {
      const state = await core.call('alarms:get');
      const health = state.streams.find((h) => h.streamId === idle.id);
      if (health?.state !== 'alarm') throw new Error(`stream ${idle.id} is ${health?.state ?? 'unknown'}`);
      return state;
    },
    { timeout: 30_000, interval: 250 },
  );
  expect(raised.unacknowledged).toBeGreaterThan(0);
  expect(await core.call('alarms:acknowledge', { id: idle.id })).toBeNull();
  expect((await core.call('alarms:get')).streams.find((h) => h.streamId === idle.id)?.state).toBe('acknowledged');
  expect(await core.call('alarms:snooze', { streamId: idle.id, for: '15m' })).toBeNull();
  expect(await core.call('alarms:unsnooze', { streamId: idle.id })).toBeNull();
  expect(await core.call('alarms:acknowledge-all')).toBeNull();
  // Only a gone tile can be dismissed: a listed stream is refused in plain words.
  core.called.add('alarms:dismiss');
  expect(await core.app.dispatch('alarms:dismiss', { streamId: idle.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  const history = await vi.waitFor(async () => {
    const events = await core.call('alarms:history', { sinceHours: 1 });
    if (!events.some((e) => e.state === 'acknowledged')) throw new Error('the acknowledgement is not logged yet');
    return events;
  });
  expect(history.some((e) => e.streamId === idle.id && e.state === 'alarm' && e.severity === 'critical')).toBe(true);
  core.desktop.nextSaveFile = join(core.dir, 'alarms.csv');
  expect(await core.call('alarms:export-csv', { sinceHours: 1 })).toEqual({ path: core.desktop.nextSaveFile });
  // The log and its CSV keep bintu's id and the profile apart; the page names the stream by wall key.
  expect(readFileSync(core.desktop.nextSaveFile, 'utf8')).toContain(idle.streamId);
  const notification = core.desktop.notifications.find((n) => n.title.includes(idle.name));
  expect(notification?.critical).toBe(true);
  notification?.click();
  expect(core.seen.some((e) => e.channel === 'alarms:reveal' && (e.payload as { streamId: string }).streamId === idle.id)).toBe(true);
  expect((await core.call('watch:set', { streamId: idle.id, watched: false })).watch.streamIds).toEqual([]);
  core.desktop.focused = true;
}

/** Waits until the wall has a stream with a recording and one with a replay (details come after the list). */
async function waitForTiles(core: LiveCore): Promise<{ recorded: TileView; replayable: TileView }> {
  return vi.waitFor(
    () => {
      const { streams } = core.app.session.wall();
      const recorded = streams.find((s) => s.recordings.length > 0);
      const replayable = streams.find((s) => s.hasReplay);
      if (!recorded || !replayable) throw new Error(`no stream with a recording and a replay yet among ${streams.length}`);
      return { recorded, replayable };
    },
    { timeout: 90_000, interval: 250 },
  );
}

/** Starts, cancels, retries and reveals a download of the stream's first recording. */
async function exerciseDownloads(core: LiveCore, tile: TileView): Promise<void> {
  expect(await core.call('downloads:list')).toEqual([]);
  const recording = tile.recordings[0] as TileView['recordings'][number];
  const started = await core.call('downloads:start', { streamId: tile.id, recordingId: recording.id });
  // A small local file may be done before the cancel arrives: then cancel and retry leave it be.
  expect(await core.call('downloads:cancel', { downloadId: started.id })).toBeNull();
  expect(await core.call('downloads:retry', { downloadId: started.id })).toBeNull();
  const done = await vi.waitFor(
    async () => {
      const found = (await core.call('downloads:list')).find((d) => d.id === started.id);
      expect(found?.state).toBe('done');
      return found as NonNullable<typeof found>;
    },
    { timeout: 60_000, interval: 200 },
  );
  expect(await core.call('downloads:reveal', { downloadId: started.id })).toBeNull();
  expect(core.desktop.calls.at(-1)).toEqual({ method: 'revealFile', args: [join(core.dir, 'Recordings', done.fileName)] });
}

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

/** Opens a second wall window on the second display, gives it another layout, and closes it. */
async function exerciseWallWindows(core: LiveCore): Promise<void> {
  const opened = await core.call('window:open-wall', { displayId: 2, layout: null });
  expect(opened).toMatchObject({ displayId: 2, layout: null, bounds: null });
  expect(core.desktop.wallWindows.get(opened.id)?.window).toEqual(opened);
  expect((await core.call('window:set-wall-layout', { id: opened.id, layout: null })).wallWindows).toEqual([opened]);
  expect(await core.call('window:close-wall', { id: opened.id })).toBeNull();
  expect(core.desktop.wallWindows.size).toBe(0);
  expect((await core.call('settings:get')).wallWindows).toEqual([]);
}
