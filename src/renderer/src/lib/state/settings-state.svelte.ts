import { createSubscriber } from 'svelte/reactivity';
import type { AppErrorData, Result } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { SettingsPatch, SettingsView } from '../../../../shared/settings-view';
import { settle } from '../bridge';

/**
 * The settings as main holds them (electron-store): the latest `SettingsView`, replaced wholesale
 * on `settings:changed` and on every answer to an update. The page never edits them in place;
 * it asks main, which validates and may refuse.
 */
export class SettingsState {
  readonly #bridge: WallBridge;
  readonly #subscribe: () => void;
  #view = $state.raw<SettingsView | null>(null);
  #loadError = $state.raw<AppErrorData | null>(null);
  #choosing = $state(false);

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.#subscribe = createSubscriber(() => {
      let pushed = false;
      const off = bridge.on('settings:changed', (view) => {
        pushed = true;
        this.#view = view;
      });
      void settle(bridge.invoke('settings:get')).then((result) => {
        if (!result.ok) this.#loadError = result.error;
        else if (!pushed) this.#view = result.value;
      });
      return off;
    });
  }

  /** The settings, or null until main answered (or when it could not). */
  get view(): SettingsView | null {
    this.#subscribe();
    return this.#view;
  }

  /** Why the settings could not be read; the page then runs on defaults and says so. */
  get loadError(): AppErrorData | null {
    this.#subscribe();
    return this.#view === null ? this.#loadError : null;
  }

  /** Whether the folder dialog is open. */
  get choosing(): boolean {
    return this.#choosing;
  }

  /** Asks main to change some settings; on refusal nothing changed and the error says why. */
  async update(patch: SettingsPatch): Promise<Result<SettingsView>> {
    const result = await settle(this.#bridge.invoke('settings:update', patch));
    if (result.ok) this.#view = result.value;
    return result;
  }

  /** Opens the system's folder dialog for the download folder. */
  async chooseDownloadDir(): Promise<Result<SettingsView>> {
    this.#choosing = true;
    try {
      const result = await settle(this.#bridge.invoke('settings:choose-download-dir'));
      if (result.ok) this.#view = result.value;
      return result;
    } finally {
      this.#choosing = false;
    }
  }
}
