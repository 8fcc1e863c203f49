import type { AppErrorData, Result } from '../../../../shared/errors';
import type { WatchList } from '../../../../shared/alarms';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { SettingsPatch, SettingsView, WallWindow } from '../../../../shared/settings-view';
import { settle } from '../bridge';
import { MainMirror } from './main-mirror.svelte';
import { PolicyState } from './policy-state.svelte';
import { ProxySignIn } from './proxy-sign-in.svelte';
import { UpdatesState } from './updates-state.svelte';

/**
 * The settings as main holds them (electron-store): the latest `SettingsView` (see `MainMirror`),
 * replaced wholesale on `settings:changed` and on every answer to an update. The page never edits
 * them in place; it asks main, which validates and may refuse.
 */
export class SettingsState {
  readonly #bridge: WallBridge;
  readonly #mirror: MainMirror<SettingsView>;
  #choosing = $state(false);
  /** What the organisation's policy pins, and what was wrong with it. */
  readonly policy: PolicyState;
  /** Whether a sign-in for the proxy set here is stored (never the sign-in). */
  readonly proxySignIn: ProxySignIn;
  /** Where updating stands (off until an update feed is set). */
  readonly updates: UpdatesState;

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.policy = new PolicyState(bridge);
    this.proxySignIn = new ProxySignIn(bridge);
    this.updates = new UpdatesState(bridge);
    this.#mirror = new MainMirror({
      fetch: () => bridge.invoke('settings:get'),
      listen: (listener) => bridge.on('settings:changed', listener),
    });
  }

  /** The settings, or null until main answered (or when it could not). */
  get view(): SettingsView | null {
    return this.#mirror.value;
  }

  /**
   * The watched streams and tags, without attaching main's listener (the page keeps the settings
   * attached for its whole life): cheap enough for every tile to read.
   */
  get watch(): WatchList | null {
    return this.#mirror.stored?.watch ?? null;
  }

  /** Why the settings could not be read; the page then runs on defaults and says so. */
  get loadError(): AppErrorData | null {
    return this.#mirror.loadError;
  }

  /** Whether the folder dialog is open. */
  get choosing(): boolean {
    return this.#choosing;
  }

  /** Asks main to change some settings; on refusal nothing changed and the error says why. */
  async update(patch: SettingsPatch): Promise<Result<SettingsView>> {
    return this.#mirror.answer(this.#bridge.invoke('settings:update', patch));
  }

  /** Marks a stream (by id) or a tag watched, or not: alarms on watched streams are critical. */
  async setWatched(target: { readonly streamId: string } | { readonly tag: string }, watched: boolean): Promise<Result<SettingsView>> {
    return this.#mirror.answer(this.#bridge.invoke('watch:set', { ...target, watched }));
  }

  /**
   * Asks main for the diagnostics archive: main opens the save dialog, writes the archive and
   * answers where it went (null when the operator cancelled).
   */
  async saveDiagnostics(): Promise<Result<{ path: string | null }>> {
    return settle(this.#bridge.invoke('diagnostics:save'));
  }

  /** Opens another wall window on a display (null: beside this one) with a saved layout (null: the free wall). */
  async openWallWindow(displayId: number | null, layout: string | null): Promise<Result<WallWindow>> {
    return settle(this.#bridge.invoke('window:open-wall', { displayId, layout }));
  }

  /** Closes a wall window for good. */
  async closeWallWindow(id: string): Promise<Result<null>> {
    return settle(this.#bridge.invoke('window:close-wall', { id }));
  }

  /** Shows another saved layout (null: the free wall) in a wall window. */
  async setWallLayout(id: string, layout: string | null): Promise<Result<SettingsView>> {
    const result = await settle(this.#bridge.invoke('window:set-wall-layout', { id, layout }));
    if (result.ok) this.#mirror.set(result.value);
    return result;
  }

  /** Opens the system's folder dialog for the download folder. */
  async chooseDownloadDir(): Promise<Result<SettingsView>> {
    this.#choosing = true;
    try {
      return await this.#mirror.answer(this.#bridge.invoke('settings:choose-download-dir'));
    } finally {
      this.#choosing = false;
    }
  }
}
