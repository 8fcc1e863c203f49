import { describe, expect, it, vi, beforeEach } from 'vitest';
import { EventEmitter } from 'node:events';

// Electron is mocked at the module boundary: the navigation and window rules themselves are real.
const openExternal = vi.fn();
const created: FakeWindow[] = [];
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}
class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents();
  loaded: string | null = null;
  focused = 0;
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  focus(): void {
    this.focused++;
  }
  close(): void {
    this.emit('closed');
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow, shell: { openExternal }, app: { on: vi.fn() }, session: {} }));

const { lockNavigation, secureWebPreferences } = await import('../../../src/main/platform/security');
const { ReplayWindows } = await import('../../../src/main/platform/replay-windows');

/** Emits a navigation attempt and says whether it was let through. */
function navigate(contents: FakeContents, url: string): boolean {
  let prevented = false;
  contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
  return !prevented;
}

describe('window security', () => {
  beforeEach(() => {
    openExternal.mockClear();
    created.length = 0;
  });

  it('the operator window is isolated and sandboxed, without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('the operator page may not navigate or open windows anywhere', () => {
    const contents = new FakeContents();
    lockNavigation(contents as never, null);
    expect(navigate(contents, 'https://evil.example/')).toBe(false);
    expect(navigate(contents, 'file:///etc/passwd')).toBe(false);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('a replay window has no preload, stays on its replay host, and sends https links to the system browser', () => {
    const replays = new ReplayWindows();
    replays.open('stream-1', 'https://replay.nanocosmos.de/live-replay/demo/?streamname=a-b');
    const window = created[0] as FakeWindow;
    expect(window.options.webPreferences['preload']).toBeUndefined();
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(navigate(window.webContents, 'https://replay.nanocosmos.de/live-replay/other')).toBe(true);
    expect(navigate(window.webContents, 'https://elsewhere.example/page')).toBe(false);
    expect(openExternal).toHaveBeenCalledWith('https://elsewhere.example/page');
    expect(navigate(window.webContents, 'http://plain.example/')).toBe(false);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(window.webContents.openHandler?.({ url: 'http://plain.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('one replay window per stream: a second click focuses it', () => {
    const replays = new ReplayWindows();
    replays.open('stream-1', 'https://replay.example/a');
    replays.open('stream-1', 'https://replay.example/a');
    replays.open('stream-2', 'https://replay.example/b');
    expect(created).toHaveLength(2);
    expect(created[0]?.focused).toBe(1);
  });

  it('refuses a replay page that is not https (loopback simulator aside)', () => {
    const replays = new ReplayWindows();
    expect(() => replays.open('s', 'http://replay.example/a')).toThrow(/https/);
    expect(() => replays.open('s', 'http://127.0.0.1:9000/live-replay/')).not.toThrow();
  });
});
