import { BrowserWindow } from 'electron';
import { lockNavigation, secureWebPreferences } from './security';

/**
 * Replay players, one window per stream: no preload, sandboxed, navigation kept to the replay
 * page's own origin. A second request for the same stream focuses its window.
 */
export class ReplayWindows {
  private readonly windows = new Map<string, BrowserWindow>();

  /** Opens or focuses the replay window of a stream. */
  open(streamId: string, url: string): void {
    const existing = this.windows.get(streamId);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return;
    }
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
      throw new Error('Replay pages must be served over https.');
    }
    const window = new BrowserWindow({
      width: 960,
      height: 600,
      title: 'Replay',
      backgroundColor: '#000000',
      webPreferences: secureWebPreferences(null),
    });
    lockNavigation(window.webContents, parsed.origin);
    window.on('closed', () => this.windows.delete(streamId));
    this.windows.set(streamId, window);
    void window.loadURL(url);
  }

  /** Closes every replay window (on quit or profile change). */
  closeAll(): void {
    for (const window of this.windows.values()) if (!window.isDestroyed()) window.close();
    this.windows.clear();
  }
}
