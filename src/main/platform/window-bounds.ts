import { screen, type BrowserWindow, type Rectangle } from 'electron';
import Store from 'electron-store';

/** Where the window was last time, and whether it was maximized. */
export interface SavedBounds {
  bounds: Rectangle;
  maximized: boolean;
}

const store = (): Store<{ window?: SavedBounds }> => new Store({ name: 'window-state', clearInvalidConfig: true });

/** The last window position and size, if it still lies on a connected display. */
export function restoredBounds(): SavedBounds | null {
  const saved = store().get('window');
  if (!saved) return null;
  // A monitor that was unplugged must not leave the wall off screen.
  const visible = screen.getAllDisplays().some((d) => intersects(d.workArea, saved.bounds));
  return visible ? saved : null;
}

/** Remembers position, size and display whenever the window settles. */
export function rememberBounds(window: BrowserWindow): void {
  const s = store();
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed() || window.isKiosk() || window.isFullScreen()) return;
      s.set('window', { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    }, 500);
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('maximize', save);
  window.on('unmaximize', save);
}

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
