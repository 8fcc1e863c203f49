import type { UpdateState, UpdateView } from '../../../shared/update-feed';
import { AppError } from '../errors';
import { DisposableStore, Emitter, type Disposable } from '../lifecycle';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings';
import { updateError } from './update-errors';
import type { Updater } from './updater';

export interface UpdateServiceOptions {
  settings: SettingsService;
  /** The updater; none where the app cannot update itself (the test harness, the CLI). */
  updater: Updater | null;
  currentVersion: string;
  log: Logger;
}

/**
 * Updates, off by default: control rooms are often kept off the internet, so nothing is asked of
 * any server until a feed is set (in Settings or by the policy). With a feed, the app checks once
 * at start and whenever the operator asks; a newer version downloads at once and is installed when
 * the app quits (or at once, on "Restart now"). Where updating stands is one state, said in plain
 * words on the Settings screen; a failure is a plain message and the log keeps the details.
 */
export class UpdateService implements Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changes = this.disposables.add(new Emitter<UpdateView>());
  /** Fires on every change of state. */
  readonly onDidChange = this.changes.event;
  private state: UpdateState;
  private feed: string;
  private checking: Promise<void> | null = null;
  /** The failure last reported: electron-updater both emits a failed check and rejects with it. */
  private lastFailure: unknown = null;

  constructor(private readonly options: UpdateServiceOptions) {
    const { settings, updater } = options;
    this.feed = settings.get().updateFeed;
    this.state = this.resting();
    if (updater) {
      this.disposables.add(
        updater.subscribe({
          checking: () => this.set({ status: 'checking' }),
          available: (version) => this.set({ status: 'available', version }),
          notAvailable: () => this.set({ status: 'up-to-date' }),
          progress: (percent) => {
            const version = 'version' in this.state ? this.state.version : '';
            this.set({ status: 'downloading', version, percent: Math.max(0, Math.min(100, Math.round(percent))) });
          },
          downloaded: (version) => {
            options.log.info(`updates: version ${version} downloaded; it is installed when the app quits`);
            this.set({ status: 'ready', version });
          },
          error: (error) => this.fail(error),
        }),
      );
    }
    this.disposables.add(settings.watch((s) => s.updateFeed, (feed) => this.follow(feed)));
  }

  /** The running version and where updating stands. */
  view(): UpdateView {
    return { currentVersion: this.options.currentVersion, state: this.state };
  }

  /** Checks once at start, when a feed is set; never when none is. */
  start(): void {
    if (this.active()) void this.check();
  }

  /**
   * Asks the feed now (the operator's "Check for updates"); answers once the check is done, with a
   * download going on or ready. Without a feed, or where this copy cannot update itself, nothing
   * is asked and the state says why.
   */
  async check(): Promise<UpdateView> {
    if (!this.active()) return this.view();
    // A downloaded update waits for quit; asking again would only download it again.
    if (this.state.status === 'ready' || this.state.status === 'downloading') return this.view();
    this.checking ??= this.runCheck().finally(() => (this.checking = null));
    await this.checking;
    return this.view();
  }

  /** Installs the downloaded update now and starts the new version. */
  restartNow(): void {
    if (this.state.status !== 'ready' || !this.options.updater) {
      throw new AppError('invalid-input', 'No update is ready to install. Check for updates first.');
    }
    this.options.log.info(`updates: restarting to install version ${this.state.version}`);
    this.options.updater.restartAndInstall();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private async runCheck(): Promise<void> {
    const updater = this.options.updater;
    if (!updater) return;
    this.set({ status: 'checking' });
    try {
      await updater.check();
      // The updater reports the outcome by events; one that said nothing found nothing new.
      if (this.state.status === 'checking') this.set({ status: 'up-to-date' });
    } catch (error) {
      this.fail(error);
    }
  }

  private follow(feed: string): void {
    this.feed = feed;
    if (this.active()) {
      this.options.updater?.setFeed(feed);
      this.options.log.info(`updates: feed ${feed}`);
    }
    // A downloaded update stays ready (it is installed on quit); anything else starts over.
    if (this.state.status !== 'ready') this.set(this.resting());
  }

  private active(): boolean {
    return this.feed !== '' && this.options.updater !== null && this.options.updater.supported();
  }

  /** The state with no check made: off without a feed, unsupported where updating cannot work. */
  private resting(): UpdateState {
    if (this.feed === '') return { status: 'off' };
    return this.active() ? { status: 'idle' } : { status: 'unsupported' };
  }

  private fail(error: unknown): void {
    if (error === this.lastFailure) return;
    this.lastFailure = error;
    this.options.log.error('updates: check or download failed', error);
    // A download that failed after another was ready leaves that one ready.
    if (this.state.status === 'ready') return;
    this.set({ status: 'error', error: updateError(error) });
  }

  private set(state: UpdateState): void {
    if (JSON.stringify(state) === JSON.stringify(this.state)) return;
    this.state = state;
    this.changes.fire(this.view());
  }
}
