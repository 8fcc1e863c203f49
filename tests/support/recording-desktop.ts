import type { DesktopPort, WallWindowEvents, WindowState } from '../../src/main/core/desktop-port';
import { Emitter, type Disposable } from '../../src/main/core/lifecycle';
import type { SettingsService } from '../../src/main/core/settings/settings';
import type { LoginItemView, WallWindow } from '../../src/shared/settings-view';

/** One call the core made to the desktop. */
export type DesktopCall = { method: keyof DesktopPort | 'setStartAtLogin'; args: unknown[] };

/**
 * The desktop at the platform boundary, for tests: it records what the core asked for (a replay
 * window, a folder dialog, fullscreen) and answers like a desktop would.
 */
export class RecordingDesktop implements DesktopPort {
  readonly calls: DesktopCall[] = [];
  /** What the folder dialog answers next (null: the operator cancels). */
  nextFolder: string | null = null;
  clipboard = '';
  readonly window: WindowState = { fullscreen: false, kiosk: false };
  private readonly changes = new Emitter<WindowState>();
  readonly onDidChangeWindow = this.changes.event;

  private record(method: DesktopCall['method'], ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  openReplay(streamId: string, url: string): void {
    this.record('openReplay', streamId, url);
  }
  revealFile(path: string): void {
    this.record('revealFile', path);
  }
  async chooseFolder(current: string | null): Promise<string | null> {
    this.record('chooseFolder', current);
    return this.nextFolder;
  }
  copyText(text: string): void {
    this.record('copyText', text);
    this.clipboard = text;
  }
  windowState(): WindowState {
    return { ...this.window };
  }
  setFullscreen(on: boolean): void {
    this.record('setFullscreen', on);
    this.window.fullscreen = on;
    this.changes.fire({ ...this.window });
  }
  /** The kiosk display the settings named when kiosk was last asked for. */
  kioskDisplay: number | null = null;
  private settings: SettingsService | null = null;
  setKiosk(on: boolean): void {
    this.kioskDisplay = this.settings?.get().kiosk.displayId ?? null;
    this.record('setKiosk', on);
    this.window.kiosk = on;
    this.changes.fire({ ...this.window });
  }
  /**
   * The wall windows open now, as the core asked for them, with what each could tell the core
   * (an end-to-end test opens a page of its own at the window's address for each).
   */
  readonly wallWindows = new Map<string, { window: WallWindow; events: WallWindowEvents }>();
  openWallWindow(window: WallWindow, events: WallWindowEvents): void {
    this.record('openWallWindow', window);
    this.wallWindows.set(window.id, { window, events });
  }
  closeWallWindow(id: string): void {
    this.record('closeWallWindow', id);
    this.wallWindows.delete(id);
  }
  displays() {
    return [
      { id: 1, label: 'Display 1 (1920x1080)', primary: true },
      { id: 2, label: 'Display 2 (3840x2160)', primary: false },
    ];
  }
  /** Whether the window has the focus (a test may pretend the operator looks elsewhere). */
  focused = true;
  /** Where the save dialog answers next (null: the operator cancels). */
  nextSaveFile: string | null = null;
  /** Each notification shown, with the click the operator could make. */
  readonly notifications: { title: string; body: string; critical: boolean; click: () => void }[] = [];
  isFocused(): boolean {
    return this.focused;
  }
  notify(notification: { title: string; body: string; critical: boolean }, onClick: () => void): void {
    this.record('notify', notification);
    this.notifications.push({ ...notification, click: onClick });
  }
  /** What the system's proxy resolution answers, per URL (Chromium's PAC result format). */
  proxyAnswer: (url: string) => string = () => 'DIRECT';
  async resolveProxy(url: string): Promise<string> {
    this.record('resolveProxy', url);
    return this.proxyAnswer(url);
  }
  async chooseSaveFile(defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null> {
    this.record('chooseSaveFile', defaultName, filter);
    return this.nextSaveFile;
  }
  loginItem(): LoginItemView {
    return { available: true, reason: null };
  }
  followSettings(settings: SettingsService): Disposable {
    this.settings = settings;
    // The login item as the OS would receive it: recorded whenever the setting changes.
    return settings.watch((s) => s.kiosk.startAtLogin, (on) => this.record('setStartAtLogin', on), { initial: false });
  }
}
