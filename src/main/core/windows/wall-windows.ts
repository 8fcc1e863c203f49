import { randomUUID } from 'node:crypto';
import { MAX_WALL_WINDOWS, type WallWindow } from '../../../shared/settings-view';
import type { DesktopPort } from '../desktop-port';
import { AppError } from '../errors';
import type { SettingsService } from '../settings/settings';

/**
 * The wall windows besides the main one: opened by the operator on a display with a saved layout,
 * kept in settings (display, layout, where the window was) so each comes back after a restart,
 * forgotten when the operator closes it. The desktop makes the windows; this decides which.
 */
export class WallWindows {
  readonly #settings: SettingsService;
  readonly #desktop: DesktopPort;
  /** Ids of the windows open now, so a restore never opens one twice. */
  readonly #open = new Set<string>();

  constructor(settings: SettingsService, desktop: DesktopPort) {
    this.#settings = settings;
    this.#desktop = desktop;
  }

  /** Opens a new wall window on a display (null: beside the main window) with a saved layout (null: the free wall). */
  open(request: { displayId: number | null; layout: string | null }): WallWindow {
    const current = this.#settings.get();
    if (current.wallWindows.length >= MAX_WALL_WINDOWS) {
      throw new AppError('invalid-input', `At most ${MAX_WALL_WINDOWS} more wall windows can be open. Close one first.`);
    }
    this.#checkDisplay(request.displayId);
    this.#checkLayout(request.layout);
    const window: WallWindow = { id: randomUUID(), displayId: request.displayId, layout: request.layout, bounds: null };
    this.#settings.update((s) => ({ ...s, wallWindows: [...s.wallWindows, window] }));
    this.#show(window);
    return window;
  }

  /** Closes a wall window for good: it does not come back at the next start. */
  close(id: string): void {
    this.#find(id);
    this.#open.delete(id);
    this.#forget(id);
    this.#desktop.closeWallWindow(id);
  }

  /** Shows another saved layout (null: the free wall) in a wall window. */
  setLayout(id: string, layout: string | null): void {
    this.#find(id);
    this.#checkLayout(layout);
    this.#settings.update((s) => ({ ...s, wallWindows: s.wallWindows.map((w) => (w.id === id ? { ...w, layout } : w)) }));
  }

  /** Opens every wall window the settings keep, where each was (start-up). */
  restore(): void {
    for (const window of this.#settings.get().wallWindows) {
      if (!this.#open.has(window.id)) this.#show(window);
    }
  }

  #show(window: WallWindow): void {
    this.#open.add(window.id);
    this.#desktop.openWallWindow(window, {
      closed: () => {
        this.#open.delete(window.id);
        this.#forget(window.id);
      },
      moved: (bounds) => {
        if (!this.#settings.get().wallWindows.some((w) => w.id === window.id)) return;
        this.#settings.update((s) => ({ ...s, wallWindows: s.wallWindows.map((w) => (w.id === window.id ? { ...w, bounds } : w)) }));
      },
    });
  }

  #forget(id: string): void {
    if (!this.#settings.get().wallWindows.some((w) => w.id === id)) return;
    this.#settings.update((s) => ({ ...s, wallWindows: s.wallWindows.filter((w) => w.id !== id) }));
  }

  #find(id: string): WallWindow {
    const window = this.#settings.get().wallWindows.find((w) => w.id === id);
    if (!window) throw new AppError('not-found', 'That wall window is no longer open.');
    return window;
  }

  #checkDisplay(displayId: number | null): void {
    if (displayId !== null && !this.#desktop.displays().some((display) => display.id === displayId)) {
      throw new AppError('invalid-input', 'That display is not connected any more. Choose another display.');
    }
  }

  #checkLayout(layout: string | null): void {
    if (layout !== null && !this.#settings.get().layouts.some((saved) => saved.name === layout)) {
      throw new AppError('invalid-input', `There is no saved layout named "${layout}". Choose another layout.`);
    }
  }
}
