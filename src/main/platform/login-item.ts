import { app } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LoginItemView } from '../../shared/settings-view';
import type { Logger } from '../core/log/logger';

// Desktop Entry Specification, "The Exec key": an argument holding any of these is quoted.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** One argument as a desktop entry's Exec key wants it: `%` doubled, quoted and escaped if needed. */
export function execArgument(arg: string): string {
  if (/[\n\r]/.test(arg)) throw new Error('A start command cannot contain a line break.');
  const quoted = RESERVED.test(arg) || arg === '' ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg;
  // The file's string escapes are read before the quoting, so every backslash is written twice.
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The autostart entry that starts `command` at login (XDG Autostart). */
export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Bintu Wall',
    'Comment=Operator wall for live streams on nanoStream Cloud',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Start at login, the way each system allows. Electron's login items exist on macOS and Windows
 * only; Linux gets an XDG autostart entry. Run from the source folder, the executable is Electron
 * itself and needs the app folder as its argument; macOS login items take no arguments, so there
 * it works only for the installed app.
 */
export class LoginItem {
  constructor(private readonly log: Logger) {}

  /** Whether start at login can work here, and if not, why. */
  availability(): LoginItemView {
    const platform = process.platform;
    if (platform === 'linux' || platform === 'win32') return { available: true, reason: null };
    if (platform === 'darwin') return app.isPackaged ? { available: true, reason: null } : { available: false, reason: 'installed-app-only' };
    return { available: false, reason: 'unsupported-system' };
  }

  /** Turns start at login on or off; a failure is logged, never thrown at the settings that asked. */
  set(on: boolean): void {
    if (!this.availability().available) return;
    try {
      if (process.platform === 'linux') this.#autostart(on);
      else if (process.platform === 'win32') app.setLoginItemSettings({ openAtLogin: on, path: process.execPath, args: this.#appArgs().map((arg) => `"${arg}"`) });
      else app.setLoginItemSettings({ openAtLogin: on });
    } catch (error) {
      this.log.error(`start at login could not be turned ${on ? 'on' : 'off'}`, error);
    }
  }

  // Unpackaged, Electron's executable runs whatever folder it is given: this app's.
  #appArgs(): string[] {
    return app.isPackaged ? [] : [app.getAppPath()];
  }

  #autostart(on: boolean): void {
    const dir = join(process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'autostart');
    const file = join(dir, 'bintu-wall.desktop');
    if (!on) return rmSync(file, { force: true });
    // An AppImage runs from a temporary mount; the image itself is what starts next time.
    const executable = (app.isPackaged && process.env['APPIMAGE']) || process.execPath;
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, desktopEntry([executable, ...this.#appArgs()]), { mode: 0o644 });
  }
}
