import { BrowserWindow } from 'electron';
import { AppError } from '../core/errors';
import type { NavigationGuard } from './navigation-guard';
import { secureWebPreferences } from './security';

// Plain http is for the simulator on this computer only.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The replay URL when it is https, or http on loopback; anything else is refused. */
function replayUrl(url: string): URL {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // Refused below like any other address that is not a web page.
  }
  const ok = parsed && (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)));
  if (!parsed || !ok) throw new AppError('invalid-input', 'Replay pages must be served over https.');
  return parsed;
}

/**
 * Replay players, one window per stream: no preload, sandboxed, navigation kept to the replay
 * page's own origin by the navigation guard. A second request for the same stream focuses its window.
 */
export class ReplayWindows {
  private readonly windows = new Map<string, BrowserWindow>();

  constructor(private readonly guard: NavigationGuard) {}

  /** Opens or focuses the replay window of a stream. */
  open(streamId: string, url: string): void {
    const existing = this.windows.get(streamId);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return;
    }
    const parsed = replayUrl(url);
    // The scanner does not follow secureWebPreferences(), which sets contextIsolation, sandbox and
    // disableBlinkFeatures: 'Auxclick' (security.ts).
    const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
      width: 960,
      height: 600,
      title: 'Replay',
      backgroundColor: '#000000',
      webPreferences: secureWebPreferences(null),
    });
    this.guard.allow(window.webContents, { kind: 'replay', origin: `${parsed.protocol}//${parsed.host}` });
    window.on('closed', () => this.windows.delete(streamId));
    this.windows.set(streamId, window);
    void window.loadURL(parsed.href);
  }

  /** Closes every replay window (on quit or profile change). */
  closeAll(): void {
    for (const window of this.windows.values()) if (!window.isDestroyed()) window.close();
    this.windows.clear();
  }
}
