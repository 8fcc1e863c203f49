import type { LoginItemView } from '../../shared/settings-view';
import type { DesktopPort, WindowState } from '../core/desktop-port';
import type { Disposable } from '../core/lifecycle';
import type { Logger } from '../core/log/logger';
import { redact } from '../core/redact';
import { terminalSafe } from './alarm-format';

const NOTHING: Disposable = { dispose: () => undefined };

/**
 * The desktop of a process without a window: no dialogs, no notifications. It says it has the
 * focus, so the alarm center never asks for a desktop notification; the terminal shows every event.
 */
export class HeadlessDesktop implements DesktopPort {
  openReplay(): void {}
  revealFile(): void {}
  async chooseFolder(): Promise<string | null> {
    return null;
  }
  copyText(): void {}
  windowState(): WindowState {
    return { fullscreen: false, kiosk: false };
  }
  setFullscreen(): void {}
  setKiosk(): void {}
  displays(): [] {
    return [];
  }
  // No windows: the wall windows stay in settings for the app's next start.
  openWallWindow(): void {}
  closeWallWindow(): void {}
  followSettings(): Disposable {
    return NOTHING;
  }
  loginItem(): LoginItemView {
    return { available: false, reason: 'unsupported-system' };
  }
  onDidChangeWindow(): Disposable {
    return NOTHING;
  }
  isFocused(): boolean {
    return true;
  }
  notify(): void {}
  /** The CLI's client reads the proxy from the environment itself (`HTTPS_PROXY`, `NO_PROXY`). */
  async resolveProxy(): Promise<string> {
    return 'DIRECT';
  }
  async chooseSaveFile(): Promise<string | null> {
    return null;
  }
}

/**
 * A logger for the CLI: warnings and errors go to stderr (redacted, control characters escaped),
 * routine notes are dropped so a long `watch` stays quiet apart from its events.
 */
export function stderrLogger(err: (line: string) => void, secrets: readonly string[]): Logger {
  const say = (level: string) => (message: string): void => err(`${level}: ${terminalSafe(redact(message, secrets))}`);
  return { info: () => undefined, warn: say('warning'), error: say('error') };
}
