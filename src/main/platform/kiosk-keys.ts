/** The keys of a keyboard event, as Electron's `before-input-event` gives them. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Shortcuts that would take a kiosk wall off the screen without the PIN: the menu's close and
 * quit (Ctrl/Cmd+W, Ctrl/Cmd+Q, Ctrl+F4, Alt+F4 where the window sees it), leaving full screen
 * (F11, Ctrl+Cmd+F) and reloading the page (F5, Ctrl/Cmd+R, a blank wall until it is back).
 * Blocked in `before-input-event`, which runs before the menu's accelerators.
 */
export function leavesKiosk(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'f11' || key === 'f5') return true;
  if (key === 'f4' && (input.alt || input.control)) return true;
  if (command && (key === 'w' || key === 'q' || key === 'r')) return true;
  return input.control && input.meta && key === 'f';
}

/** A window whose keys are watched: what `guardKiosk` needs of a BrowserWindow. */
interface KioskWindow {
  isKiosk(): boolean;
  setKiosk(on: boolean): void;
  webContents: { on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: KeyInput) => void): unknown };
}

/**
 * Guards a wall window in kiosk: no shortcut but Ctrl+Shift+K leaves it (see `leavesKiosk`), and
 * that one works even when the page does not answer. `exit` is the core's way out (which asks for
 * the PIN when one is set), or null while the core is not up: then the window simply leaves
 * kiosk, since no PIN can be checked and a hanging start-up must not shut the operator in.
 */
export function guardKiosk(window: KioskWindow, exit: () => (() => void) | null): void {
  window.webContents.on('before-input-event', (event, input) => {
    if (!window.isKiosk()) return;
    if (leavesKiosk(input)) {
      event.preventDefault();
      return;
    }
    if (input.type === 'keyDown' && input.control && input.shift && input.key.toLowerCase() === 'k') {
      event.preventDefault();
      const leave = exit();
      if (leave) leave();
      else window.setKiosk(false);
    }
  });
}
