import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronModule, resetElectron, type ElectronWorld } from '../../support/electron-stand-in';
import type { Logger } from '../../../src/main/core/log/logger';
import { MemorySettingsStore, SettingsService } from '../../../src/main/core/settings/settings';
import { UpdateService } from '../../../src/main/core/updates/update-service';
import { createElectronUpdater } from '../../../src/main/platform/updater';
import type { UpdateState } from '../../../src/shared/update-feed';

vi.mock('electron', () => import('../../support/electron-stand-in').then((m) => m.electronModule));

// electron-updater is CommonJS and loads `electron` with require(), which vi.mock does not reach:
// the same stand-in goes into Node's module cache under the name electron-updater resolves.
const fromUpdater = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
const electronPath = fromUpdater.resolve('electron');
fromUpdater.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: electronModule } as NodeJS.Module;

/** The update a newer release ships: bytes, and the checksum latest.yml states for them. */
const NEW_APP = Buffer.from('#!/bin/sh\necho "Bintu Wall 0.2.0"\n'.repeat(2000));
const sha512 = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

/** latest.yml as electron-builder writes it for a Linux AppImage. */
function latestYml(version: string, checksum = sha512(NEW_APP)): string {
  const file = `bintu-wall-${version}-x86_64.AppImage`;
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${checksum}`,
    `    size: ${NEW_APP.length}`,
    `path: ${file}`,
    `sha512: ${checksum}`,
    "releaseDate: '2026-11-30T09:00:00.000Z'",
    '',
  ].join('\n');
}

/** An update feed on loopback: what it answers for latest*.yml, and every path it was asked for. */
interface Feed {
  url: string;
  asked: string[];
  answer: { status: number; body: string };
  close(): Promise<void>;
}

async function serveFeed(answer: Feed['answer']): Promise<Feed> {
  const asked: string[] = [];
  const feed: Feed = { url: '', asked, answer, close: () => new Promise((done) => server.close(() => done())) };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://feed').pathname;
    asked.push(path);
    // latest-linux.yml on x64, latest-linux-arm64.yml and the like elsewhere.
    if (/^\/updates\/latest(-linux(-[a-z0-9]+)?)?\.yml$/.test(path)) {
      response.writeHead(feed.answer.status, { 'content-type': 'text/yaml' }).end(feed.answer.body);
    } else if (path.endsWith('.AppImage')) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': NEW_APP.length }).end(NEW_APP);
    } else {
      response.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates`;
  return feed;
}

/** The log lines of one test, to show that details went there and not to the screen. */
class LinesLog implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(message);
  }
  error(message: string, error?: unknown): void {
    this.lines.push(`${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

let world: ElectronWorld;
const services: UpdateService[] = [];
const feeds: Feed[] = [];
const savedEnv = { APPIMAGE: process.env['APPIMAGE'], XDG_CACHE_HOME: process.env['XDG_CACHE_HOME'] };
const savedResources = (process as { resourcesPath?: string }).resourcesPath;

beforeAll(async () => {
  // One packaged app for the file: electron-updater keeps one `autoUpdater` per process, bound to
  // the app it first saw.
  world = resetElectron({ platform: 'linux', isPackaged: true });
  await world.ready();
  const installed = join(world.root, 'installed');
  mkdirSync(installed, { recursive: true });
  writeFileSync(join(installed, 'bintu-wall-0.1.0.AppImage'), 'the running AppImage');
  process.env['APPIMAGE'] = join(installed, 'bintu-wall-0.1.0.AppImage');
  process.env['XDG_CACHE_HOME'] = join(world.root, 'cache');
  (process as { resourcesPath?: string }).resourcesPath = installed;
});

afterEach(async () => {
  for (const service of services.splice(0)) service.dispose();
  await Promise.all(feeds.splice(0).map((feed) => feed.close()));
  process.env['APPIMAGE'] = join(world.root, 'installed', 'bintu-wall-0.1.0.AppImage');
});

afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  (process as { resourcesPath?: string }).resourcesPath = savedResources;
});

/** The app's update service on the real electron-updater, with the feed set in Settings. */
function updatesWith(feedUrl: string, log = new LinesLog()): { service: UpdateService; settings: SettingsService; log: LinesLog; seen: UpdateState['status'][] } {
  const settings = new SettingsService(new MemorySettingsStore({ updateFeed: feedUrl }));
  const updater = createElectronUpdater(log, join(world.app.getPath('userData'), 'updates'));
  const service = new UpdateService({ settings, updater, currentVersion: world.app.getVersion(), log });
  services.push(service);
  const seen: UpdateState['status'][] = [];
  service.onDidChange((view) => seen.push(view.state.status));
  return { service, settings, log, seen };
}

async function feedWith(answer: Feed['answer']): Promise<Feed> {
  const feed = await serveFeed(answer);
  feeds.push(feed);
  return feed;
}

/** What Settings would show: a plain message, never a stack, a status line or the response's headers. */
function expectPlain(message: string): void {
  expect(message).not.toMatch(/\n|\bat \S+ \(|Error:|HttpError|Headers|ERR_/);
}

describe('updates from a generic feed, with the real electron-updater on a loopback feed', () => {
  it('with no feed set, nothing is asked of any server and Settings says updates are off', async () => {
    const feed = await feedWith({ status: 200, body: latestYml('0.2.0') });
    const { service } = updatesWith('');
    service.start();
    expect((await service.check()).state).toEqual({ status: 'off' });
    expect(feed.asked).toEqual([]);
  });

  it('reads latest.yml: the same version is up to date, and nothing is downloaded', async () => {
    const feed = await feedWith({ status: 200, body: latestYml('0.1.0') });
    const { service, seen } = updatesWith(feed.url);
    expect(service.view()).toEqual({ currentVersion: '0.1.0', state: { status: 'idle' } });
    const view = await service.check();
    expect(view.state).toEqual({ status: 'up-to-date' });
    expect(seen).toEqual(['checking', 'up-to-date']);
    expect(feed.asked.filter((path) => path.endsWith('.yml'))).toHaveLength(1);
    expect(feed.asked.some((path) => path.endsWith('.AppImage'))).toBe(false);
  });

  it('a newer version is found, downloaded and checked, then ready to install on quit', async () => {
    const feed = await feedWith({ status: 200, body: latestYml('0.2.0') });
    const { service, seen, log } = updatesWith(feed.url);
    const checked = await service.check();
    expect(['available', 'downloading', 'ready']).toContain(checked.state.status);
    await vi.waitFor(() => expect(service.view().state).toEqual({ status: 'ready', version: '0.2.0' }), { timeout: 15_000 });
    expect(seen[0]).toBe('checking');
    expect(seen).toContain('available');
    expect(feed.asked).toContain('/updates/bintu-wall-0.2.0-x86_64.AppImage');
    // The download sits in the updater's cache folder, the bytes the feed served.
    const pending = join(world.root, 'cache', 'bintu-wall-updater', 'pending', 'bintu-wall-0.2.0-x86_64.AppImage');
    expect(readFileSync(pending).equals(NEW_APP)).toBe(true);
    expect(log.lines.join('\n')).toContain('version 0.2.0 downloaded');
    // Asking again while it waits for quit does not download it again.
    const before = feed.asked.length;
    expect((await service.check()).state).toEqual({ status: 'ready', version: '0.2.0' });
    expect(feed.asked).toHaveLength(before);
  });

  it('a download that does not match latest.yml’s checksum is discarded and said plainly', async () => {
    const feed = await feedWith({ status: 200, body: latestYml('0.3.0', sha512(Buffer.from('another file'))) });
    const { service, log } = updatesWith(feed.url);
    await service.check();
    await vi.waitFor(() => expect(service.view().state.status).toBe('error'), { timeout: 15_000 });
    const state = service.view().state;
    if (state.status !== 'error') throw new Error('unreachable');
    expect(state.error).toEqual({
      reason: 'checksum',
      message: 'The downloaded update did not match its checksum and was discarded. Check again later; if it happens again, ask your IT department to publish the release again.',
    });
    expectPlain(state.error.message);
    expect(log.lines.join('\n')).toMatch(/sha512 checksum mismatch/);
  });

  it('a feed that fails with 500 is said in plain words, with the details in the log only', async () => {
    const feed = await feedWith({ status: 500, body: 'Internal Server Error: upstream timed out' });
    const { service, log } = updatesWith(feed.url);
    const { state } = await service.check();
    expect(state).toEqual({
      status: 'error',
      error: { reason: 'server', httpStatus: 500, message: 'The update server had a problem (HTTP 500). Try again later; if it persists, tell your IT department.' },
    });
    expectPlain(state.status === 'error' ? state.error.message : '');
    expect(log.lines.join('\n')).toContain('upstream timed out');
  });

  it('a feed without latest.yml (404) says the address or the release is wrong', async () => {
    const feed = await feedWith({ status: 404, body: 'no such file' });
    const { service } = updatesWith(feed.url);
    const { state } = await service.check();
    expect(state.status === 'error' && state.error.reason).toBe('not-found');
    expect(state.status === 'error' && state.error.message).toMatch(/^The update feed has no release information \(latest\.yml\) at that address\./);
  });

  it('a malformed latest.yml is said to be invalid, never parsed into an update', async () => {
    const feed = await feedWith({ status: 200, body: 'version: [0.2.0\nfiles: {{{\n' });
    const { service } = updatesWith(feed.url);
    const { state } = await service.check();
    expect(state).toEqual({
      status: 'error',
      error: { reason: 'invalid-feed', message: 'The update feed’s release information (latest.yml) is not valid. Ask your IT department to publish the release again.' },
    });
  });

  it('a latest.yml without a version is invalid too', async () => {
    const feed = await feedWith({ status: 200, body: 'files: []\npath: x.AppImage\n' });
    const { service } = updatesWith(feed.url);
    const { state } = await service.check();
    expect(state.status === 'error' && state.error.reason).toBe('invalid-feed');
  });

  it('a feed nobody answers on (connection refused) says to check the address', async () => {
    const feed = await feedWith({ status: 200, body: latestYml('0.2.0') });
    const url = feed.url;
    await feeds.splice(0)[0]?.close();
    const { service } = updatesWith(url);
    const { state } = await service.check();
    expect(state).toEqual({
      status: 'error',
      error: { reason: 'unreachable', message: 'The update feed could not be reached. Check the update feed address in Settings and that this computer can reach it, then check again.' },
    });
  });

  it('a copy that cannot replace itself (an AppImage started without its launcher) never asks the feed', async () => {
    const feed = await feedWith({ status: 200, body: latestYml('0.2.0') });
    delete process.env['APPIMAGE'];
    const { service } = updatesWith(feed.url);
    expect((await service.check()).state).toEqual({ status: 'unsupported' });
    expect(feed.asked).toEqual([]);
  });

  it('a new feed address in Settings is used from the next check on', async () => {
    const old = await feedWith({ status: 500, body: 'down' });
    const next = await feedWith({ status: 200, body: latestYml('0.1.0') });
    const { service, settings } = updatesWith(old.url);
    expect((await service.check()).state.status).toBe('error');
    // The service follows the setting itself, as the Settings screen changes it.
    settings.update((s) => ({ ...s, updateFeed: next.url }));
    expect(service.view().state).toEqual({ status: 'idle' });
    expect((await service.check()).state).toEqual({ status: 'up-to-date' });
    expect(next.asked.filter((path) => path.endsWith('.yml'))).toHaveLength(1);
  });
});
