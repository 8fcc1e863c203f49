import { app, clipboard, dialog, screen, shell, type BrowserWindow } from 'electron';
import type { DesktopPort, WindowState } from '../core/desktop-port';
import { Emitter } from '../core/lifecycle';
import type { ReplayWindows } from './replay-windows';

/** The desktop as Electron provides it, around the operator window. */
export function createElectronDesktop(window: BrowserWindow, replays: ReplayWindows, kioskDisplay: () => number | null): DesktopPort {
  const changes = new Emitter<WindowState>();
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
    setKiosk(on) {
      const displayId = kioskDisplay();
      const display = screen.getAllDisplays().find((d) => d.id === displayId);
      // Kiosk goes to the chosen monitor: move there first, then cover it.
      if (on && display) window.setBounds(display.bounds);
      window.setKiosk(on);
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
    setStartAtLogin(on) {
      app.setLoginItemSettings({ openAtLogin: on });
    },
    onDidChangeWindow: changes.event,
  };
}
