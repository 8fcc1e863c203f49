import { SvelteMap } from 'svelte/reactivity';
import type { CredentialKind } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import type { CommandRequest, WallBridge } from '../../../../shared/ipc-contract';
import { settle } from '../bridge';
import { VisibleStreams } from './visible-streams';

/** The stream (and quality) the focus view shows. */
export interface FocusTarget {
  readonly streamId: string;
  readonly variantId: string | null;
}

/** An operator action that failed, shown in the wall's alert strip until dismissed. */
export interface ActionFailure {
  readonly action: 'replay' | 'copy' | 'window' | 'settings' | 'dismiss';
  readonly error: AppErrorData;
}

/**
 * What the page shows beyond main's data: the focus view, the open panels, the tile with the
 * keyboard focus, each group's chosen quality. Nothing here is saved; a restart starts clean.
 */
export class UiState {
  readonly #bridge: WallBridge;
  /** The focus view's stream, or null for the wall. */
  focus = $state.raw<FocusTarget | null>(null);
  /** Whether the key help is open. */
  helpOpen = $state(false);
  /** Whether the downloads panel is open. */
  downloadsOpen = $state(false);
  /** Whether the alarm drawer is open. */
  alarmsOpen = $state(false);
  /** Whether the wall shows only the streams in alarm, large (the penalty box). */
  alarmsOnly = $state(false);
  /** A stream to bring into view and focus (a clicked notification, a drawer row), until the wall did. */
  reveal = $state.raw<{ readonly streamId: string } | null>(null);
  /** The wall cell (by entry key) that holds the roving tab stop. */
  activeKey = $state<string | null>(null);
  /** The last failed action, until dismissed or replaced. */
  failure = $state.raw<ActionFailure | null>(null);
  /** A profile whose credential the operator chose to replace (the master-key warning): Connect asks for it. */
  replaceCredential = $state.raw<{ readonly profileId: string; readonly kind: CredentialKind } | null>(null);
  /** In kiosk mode, Esc was pressed once with nothing to close: a second one soon leaves kiosk. */
  kioskEscArmed = $state(false);
  #disarm: ReturnType<typeof setTimeout> | undefined;
  /** The quality each stream group shows, by stream id (only where the operator picked one). */
  readonly quality = new SvelteMap<string, string>();
  /** The streams on screen, reported to main for "Pause tiles out of view". */
  readonly visible: VisibleStreams;

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.visible = new VisibleStreams((streamIds) => void settle(bridge.invoke('wall:set-visible', { streamIds })));
  }

  /** Opens the focus view of a stream, at the quality its tile shows. */
  openFocus(streamId: string, variantId: string | null): void {
    this.focus = { streamId, variantId: variantId ?? this.quality.get(streamId) ?? null };
    this.helpOpen = false;
  }

  /** Opens a stream's replay player in its own window (main focuses it when already open). */
  async openReplay(request: CommandRequest<'replay:open'>): Promise<void> {
    const result = await settle(this.#bridge.invoke('replay:open', request));
    if (!result.ok) this.fail('replay', result.error);
  }

  /** Asks the wall to show a stream: its tile scrolled into view and focused, or its focus view. */
  revealStream(streamId: string): void {
    this.helpOpen = false;
    // A new object each time, so asking twice for the same stream shows it twice.
    this.reveal = { streamId };
  }

  /** Copies text (an id) to the clipboard through main; true when it worked. */
  async copy(text: string): Promise<boolean> {
    const result = await settle(this.#bridge.invoke('clipboard:copy', { text }));
    if (!result.ok) this.fail('copy', result.error);
    return result.ok;
  }

  /** Counts an Esc towards leaving kiosk mode: true on the second one within two seconds. */
  escapeKiosk(): boolean {
    clearTimeout(this.#disarm);
    if (this.kioskEscArmed) {
      this.kioskEscArmed = false;
      return true;
    }
    this.kioskEscArmed = true;
    this.#disarm = setTimeout(() => (this.kioskEscArmed = false), 2000);
    return false;
  }

  /** Shows a failed action. */
  fail(action: ActionFailure['action'], error: AppErrorData): void {
    this.failure = { action, error };
  }
}
