import type { DisplayView, LoginItemView, WallWindow, WindowBounds } from '../../shared/settings-view';
import type { Disposable } from './lifecycle';
import type { SettingsService } from './settings/settings';

/** Window state the page mirrors (fullscreen, kiosk). */
export interface WindowState {
  fullscreen: boolean;
  kiosk: boolean;
}

/** What a wall window tells the core about itself. */
export interface WallWindowEvents {
  /** The operator closed it (not the app quitting): it is not to come back. */
  closed(): void;
  /** It settled somewhere new: where to open it next time. */
  moved(bounds: WindowBounds): void;
}

/**
 * What the core asks of the desktop: windows, dialogs, the file manager, the clipboard. Electron
 * implements it in `platform/`; the test harness records the calls instead.
 */
export interface DesktopPort {
  /** Opens (or focuses) the replay window of one stream at the URL bintu gave. */
  openReplay(streamId: string, url: string): void;
  /** Shows a file in the system's file manager. */
  revealFile(path: string): void;
  /** Asks the operator for a folder; null when they cancel. */
  chooseFolder(current: string | null): Promise<string | null>;
  copyText(text: string): void;
  windowState(): WindowState;
  setFullscreen(on: boolean): void;
  /** Enters or leaves kiosk, on `displayId` when given (the command line's), else the display the settings name. */
  setKiosk(on: boolean, displayId?: number): void;
  displays(): DisplayView[];
  /**
   * Opens a wall window besides the main one: where it was (`bounds`) when that still lies on a
   * connected display, else on its display, else beside the main window. Its page loads with
   * `?wall=<id>` and is as trusted as the main window's. In kiosk it covers its display too.
   */
  openWallWindow(window: WallWindow, events: WallWindowEvents): void;
  /** Closes a wall window (no `closed` event: the core asked). */
  closeWallWindow(id: string): void;
  /** Whether start at login can work on this computer, and if not, why. */
  loginItem(): LoginItemView;
  /**
   * Follows the settings the desktop owns (start at login, the kiosk display) for as long as the
   * returned disposable lives.
   */
  followSettings(settings: SettingsService): Disposable;
  onDidChangeWindow(listener: (state: WindowState) => void): Disposable;
  /** Whether the operator window has the focus (desktop notifications only when it has not). */
  isFocused(): boolean;
  /** Shows a desktop notification; a click brings the window forward and calls `onClick`. */
  notify(notification: { title: string; body: string; critical: boolean }, onClick: () => void): void;
  /**
   * The system's proxy answer for a URL, as Chromium resolves it (OS settings, PAC script, WPAD):
   * `DIRECT`, `PROXY host:port; DIRECT` and the like.
   */
  resolveProxy(url: string): Promise<string>;
  /** Asks the operator where to save a file; null when they cancel. */
  chooseSaveFile(defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
}
