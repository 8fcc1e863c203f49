import { join } from 'node:path';
import type { ComposeOptions } from '../../../src/main/compose';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import type { AppError } from '../../../src/main/core/errors';
import { MemorySettingsStore, SettingsService } from '../../../src/main/core/settings/settings';
import { WallWindows } from '../../../src/main/core/windows/wall-windows';

/** A promise the test settles when it wants to. */
export interface Gate {
  promise: Promise<void>;
  open(): void;
}

/** A gate that is still closed. */
export function gate(): Gate {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * The core as the platform sees it: settings, an asset store, a dispatcher that answers every
 * command, a start the test can hold or fail, and the desktop port it was given.
 */
export class FakeCore {
  readonly settings = new SettingsService(new MemorySettingsStore(fakes.storedSettings));
  readonly store: AssetStore;
  /** The real wall windows, on the desktop the platform built: what start-up restores. */
  readonly wallWindows: WallWindows;
  readonly dispatched: Array<{ channel: string; payload: unknown }> = [];
  started = false;
  shutdowns = 0;
  kioskExits = 0;
  /** The profiles the command line switched to, in turn. */
  readonly activated: string[] = [];
  /** Two profiles, for the command line's --profile. */
  readonly session = {
    view: async () => ({ profiles: [{ id: 'demo', name: 'Demo' }, { id: 'p-1', name: 'Control Room' }] }),
    activate: async (profileId: string) => void this.activated.push(profileId),
  };

  constructor(readonly options: ComposeOptions) {
    this.store = new AssetStore(join(options.userDataDir, 'cache'));
    // composeApp lets the desktop follow the settings it owns (start at login, kiosk display).
    options.desktop.followSettings(this.settings);
    this.wallWindows = new WallWindows(this.settings, options.desktop);
  }

  readonly dispatch = async (channel: string, payload: unknown): Promise<unknown> => {
    this.dispatched.push({ channel, payload });
    return { ok: true, value: `answer to ${channel}` };
  };

  async start(): Promise<void> {
    await fakes.startGate?.promise;
    if (fakes.startFailure) throw fakes.startFailure;
    this.started = true;
  }

  async shutdown(): Promise<void> {
    this.shutdowns += 1;
  }

  async requestKioskExit(): Promise<void> {
    this.kioskExits += 1;
  }

  onEvent(): { dispose(): void } {
    return { dispose: () => undefined };
  }

  dispose(): void {}
}

/** What the start-up's outside world does in this test: keychain, core, stores. */
export class AppFakes {
  /** Held: the keychain probe has not answered yet. */
  vaultGate: Gate | null = null;
  /** The probe found no usable keychain, for this reason. */
  unavailable: AppError | null = null;
  probes = 0;
  /** Held: the core's start has not finished yet. */
  startGate: Gate | null = null;
  startFailure: Error | null = null;
  savedBounds: { bounds: { x: number; y: number; width: number; height: number }; maximized: boolean } | null = null;
  /** What the settings file holds when the core starts. */
  storedSettings: unknown = {};
  core: FakeCore | null = null;

  reset(): void {
    Object.assign(this, { vaultGate: null, unavailable: null, probes: 0, startGate: null, startFailure: null, savedBounds: null, storedSettings: {}, core: null });
  }
}

// On globalThis, so the modules `vi.resetModules()` loads afresh for the app share it with the test.
const KEY = Symbol.for('bintu-wall.platform-test-fakes');
const holder = globalThis as { [KEY]?: AppFakes };
/** The one set of fakes the mocked modules below read. */
export const fakes: AppFakes = (holder[KEY] ??= new AppFakes());

/** Stands in for `src/main/compose`. */
export const composeModule = {
  composeApp: (options: ComposeOptions) => (fakes.core = new FakeCore(options)),
};

/** Stands in for `src/main/platform/keychain`: a probe the test can hold, then a session-only vault. */
export const keychainModule = {
  NO_KEYCHAIN_MESSAGE: 'No system keychain is available.',
  async openKeychainVault(options: { onUnavailable?: (error: AppError) => void }) {
    fakes.probes += 1;
    await fakes.vaultGate?.promise;
    if (fakes.unavailable) {
      options.onUnavailable?.(fakes.unavailable);
      return new MemoryVault(keychainModule.NO_KEYCHAIN_MESSAGE);
    }
    return new MemoryVault(null);
  },
};

/** Stands in for `src/main/platform/settings-store` (electron-store needs the real Electron). */
export const settingsStoreModule = { createElectronSettingsStore: () => new MemorySettingsStore() };

/** Stands in for `src/main/platform/window-bounds` (electron-store again). */
export const windowBoundsModule = { restoredBounds: () => fakes.savedBounds, rememberBounds: () => undefined };
