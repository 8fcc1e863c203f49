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
