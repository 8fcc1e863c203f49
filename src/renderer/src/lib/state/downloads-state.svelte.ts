import type { AppErrorData, Result } from '../../../../shared/errors';
import type { WallBridge } from '../../../../shared/ipc-contract';
import type { DownloadView } from '../../../../shared/download-view';
import { settle } from '../bridge';
import { MainMirror } from './main-mirror.svelte';

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
 * Recording downloads as main runs them (see `MainMirror`): the list is replaced wholesale on
 * `downloads:changed`. The page starts them by recording id only; main resolves the address and
 * the folder.
 */
export class DownloadsState {
  readonly #bridge: WallBridge;
  readonly #mirror: MainMirror<readonly DownloadView[]>;
  #failure = $state.raw<DownloadFailure | null>(null);
  #actionError = $state.raw<AppErrorData | null>(null);

  // `.by`: the mirror is built in the constructor, which field initialisers run before.
  readonly #sorted = $derived.by(() => [...(this.#mirror.stored ?? [])].sort((a, b) => b.createdAt - a.createdAt));
  readonly #activeCount = $derived.by(() => (this.#mirror.stored ?? []).filter(isActive).length);

  constructor(bridge: WallBridge) {
    this.#bridge = bridge;
    this.#mirror = new MainMirror<readonly DownloadView[]>({
      fetch: () => bridge.invoke('downloads:list'),
      listen: (listener) => bridge.on('downloads:changed', listener),
    });
  }

  /** Every download, newest first. */
  get list(): readonly DownloadView[] {
    this.#mirror.track();
    return this.#sorted;
  }

  /** How many are queued or running. */
  get activeCount(): number {
    this.#mirror.track();
    return this.#activeCount;
  }

  /** Why the list could not be read from main, while nothing arrived. */
  get loadError(): AppErrorData | null {
    return this.#mirror.loadError;
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
    const running = (this.#mirror.stored ?? []).find((download) => download.recordingId === recordingId && isActive(download));
    if (running !== undefined) return { ok: true, value: running };
    this.#failure = null;
    const result = await settle(this.#bridge.invoke('downloads:start', { streamId, recordingId }));
    if (result.ok) {
      const value = result.value;
      // Shown at once; the next `downloads:changed` replaces the whole list anyway.
      const list = this.#mirror.stored ?? [];
      if (!list.some((download) => download.id === value.id)) this.#mirror.set([...list, value]);
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
