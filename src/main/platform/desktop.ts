import { app, clipboard, dialog, Notification, screen, session, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { DesktopPort, WindowState } from '../core/desktop-port';
import { DisposableStore, Emitter } from '../core/lifecycle';
import type { SettingsService } from '../core/settings/settings';
import type { LoginItem } from './login-item';
import type { ReplayWindows } from './replay-windows';
import type { WallWindowSet } from './wall-window-set';

/** The desktop as Electron provides it, around the operator window and the other wall windows. */
export function createElectronDesktop(window: BrowserWindow, replays: ReplayWindows, loginItem: LoginItem, walls: WallWindowSet): DesktopPort {
  const changes = new Emitter<WindowState>();
  let settings: SettingsService | null = null;
  const state = (): WindowState => ({ fullscreen: window.isFullScreen(), kiosk: window.isKiosk() });
  window.on('enter-full-screen', () => changes.fire(state()));
  window.on('leave-full-screen', () => changes.fire(state()));
  return {
    openReplay: (streamId, url) => replays.open(streamId, url),
    revealFile: (path) => shell.showItemInFolder(path),
    async chooseFolder(current) {
      const result = await dialog.showOpenDialog(window, {
        title: 'Download folder for recordings',
        properties: ['openDirectory', 'createDirectory'],
        ...(current ? { defaultPath: current } : {}),
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    copyText: (text) => clipboard.writeText(text),
    windowState: state,
    setFullscreen(on) {
      window.setFullScreen(on);
    },
    setKiosk(on, chosen) {
      const displayId = chosen ?? settings?.get().kiosk.displayId ?? null;
      const display = screen.getAllDisplays().find((d) => d.id === displayId);
      // Kiosk goes to the chosen monitor: move there first, then cover it.
      if (on && display) window.setBounds(display.bounds);
      window.setKiosk(on);
      // Every wall window with it, each on its own display: kiosk covers every display with a wall.
      walls.setKiosk(on);
      changes.fire(state());
    },
    displays() {
      const primary = screen.getPrimaryDisplay().id;
      return screen.getAllDisplays().map((d, i) => ({
        id: d.id,
        label: d.label || `Display ${i + 1} (${d.size.width}x${d.size.height})`,
        primary: d.id === primary,
      }));
    },
    openWallWindow: (spec, events) => walls.open(spec, events),
    closeWallWindow: (id) => walls.close(id),
    loginItem: () => loginItem.availability(),
    followSettings(source) {
      settings = source;
      const subs = new DisposableStore();
      // An entry made by an earlier start may name a path that has moved since (an AppImage, a
      // source folder): refresh it when the setting is on.
      if (source.get().kiosk.startAtLogin) loginItem.set(true);
      subs.add(source.watch((s) => s.kiosk.startAtLogin, (on) => loginItem.set(on), { initial: false }));
      subs.add({ dispose: () => (settings = null) });
      return subs;
    },
    onDidChangeWindow: changes.event,
    isFocused: () => window.isFocused(),
    notify({ title, body, critical }, onClick) {
      if (!Notification.isSupported()) return;
      const note = new Notification({ title, body, urgency: critical ? 'critical' : 'normal', silent: true });
      note.on('click', () => {
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
        onClick();
      });
      note.show();
    },
    // The default session follows the OS proxy settings and PAC scripts; `--proxy-server` and
    // `--proxy-pac-url` on the command line override them, as in Chromium.
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
    async chooseSaveFile(defaultName, filter) {
      const result = await dialog.showSaveDialog(window, { defaultPath: join(app.getPath('documents'), defaultName), filters: [filter] });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
