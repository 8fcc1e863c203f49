import { createSubscriber } from 'svelte/reactivity';
import type { AppErrorData, Result } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { DownloadView } from '../../../../shared/download-view';
import { settle } from '../bridge';

/** A download that could not start: what was asked and why main refused. */
export interface DownloadFailure {
  readonly streamId: string;
  readonly recordingId: string;
  readonly error: AppErrorData;
}

/** Whether a download is still moving (counted on the toolbar badge). */
export function isActive(download: DownloadView): boolean {
  return download.state === 'queued' || download.state === 'downloading';
}

/**
 * Recording downloads as main runs them: the list is replaced wholesale on `downloads:changed`.
 * The page starts them by recording id only; main resolves the address and the folder.
 */
export class DownloadsState {
  readonly #bridge: WallBridge;
  readonly #subscribe: () => void;
  #list = $state.raw<readonly DownloadView[]>([]);
  #failure = $state.raw<DownloadFailure | null>(null);
  #actionError = $state.raw<AppErrorData | null>(null);

  readonly #sorted = $derived([...this.#list].sort((a, b) => b.createdAt - a.createdAt));
  readonly #activeCount = $derived(this.#list.filter(isActive).length);

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.#subscribe = createSubscriber(() => {
      let pushed = false;
      const off = bridge.on('downloads:changed', (list) => {
        pushed = true;
        this.#list = list;
      });
      void settle(bridge.invoke('downloads:list')).then((result) => {
        if (result.ok && !pushed) this.#list = result.value;
      });
      return off;
    });
  }

  /** Every download, newest first. */
  get list(): readonly DownloadView[] {
    this.#subscribe();
    return this.#sorted;
  }

  /** How many are queued or running. */
  get activeCount(): number {
    this.#subscribe();
    return this.#activeCount;
  }

  /** The last download that could not start, until dismissed or retried. */
  get failure(): DownloadFailure | null {
    return this.#failure;
  }

  /** Why the last cancel, retry or reveal failed. */
  get actionError(): AppErrorData | null {
    return this.#actionError;
  }

  /** The newest download of a recording, if any. */
  forRecording(recordingId: string): DownloadView | undefined {
    return this.list.find((download) => download.recordingId === recordingId);
  }

  /**
   * Downloads a recording. A recording already queued or downloading is not fetched twice; the
   * running download is returned instead.
   */
  async start(streamId: string, recordingId: string): Promise<Result<DownloadView>> {
    const running = this.#list.find((download) => download.recordingId === recordingId && isActive(download));
    if (running !== undefined) return { ok: true, value: running };
    this.#failure = null;
    const result = await settle(this.#bridge.invoke('downloads:start', { streamId, recordingId }));
    if (result.ok) {
      const value = result.value;
      // Shown at once; the next `downloads:changed` replaces the whole list anyway.
      if (!this.#list.some((download) => download.id === value.id)) this.#list = [...this.#list, value];
    } else {
      this.#failure = { streamId, recordingId, error: result.error };
    }
    return result;
  }

  /** Starts the failed request again (after a download folder was chosen). */
  retryFailed(): Promise<Result<DownloadView>> | null {
    const failure = this.#failure;
    return failure === null ? null : this.start(failure.streamId, failure.recordingId);
  }

  /** Forgets the start failure. */
  dismissFailure(): void {
    this.#failure = null;
  }

  /** Stops a download; its partial file is removed by main. */
  cancel(downloadId: string): Promise<void> {
    return this.#act(this.#bridge.invoke('downloads:cancel', { downloadId }));
  }

  /** Runs a failed or cancelled download again (resuming where main can). */
  retry(downloadId: string): Promise<void> {
    return this.#act(this.#bridge.invoke('downloads:retry', { downloadId }));
  }

  /** Shows the file in the system's file manager. */
  reveal(downloadId: string): Promise<void> {
    return this.#act(this.#bridge.invoke('downloads:reveal', { downloadId }));
  }

  async #act(call: Promise<Result<null>>): Promise<void> {
    this.#actionError = null;
    const result = await settle(call);
    if (!result.ok) this.#actionError = result.error;
  }
}
