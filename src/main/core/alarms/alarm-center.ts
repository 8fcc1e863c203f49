import type { ActiveAlarm, AlarmEvent, AlarmEvidence, AlarmsState, SnoozeRequest } from '../../../shared/alarms';
import type { AssetSrc } from '../poller/wall-view';
import { AppError, toErrorData } from '../errors';
import { DisposableStore, Emitter, type Disposable } from '../lifecycle';
import type { DesktopPort } from '../desktop-port';
import type { HttpClient } from '../http/http-client';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings';
import { writeFileAtomic } from '../fs/atomic-file';
import { AlarmLog, isLoggable } from './alarm-log';
import { toCsv } from './alarm-csv';
import { AlarmWebhook } from './alarm-webhook';
import type { ConnectionAlarms } from './connection-alarms';
import { notificationText } from './notification-text';
import { splitWallKey, wallKey } from '../../../shared/wall-key';

/** The page never gets more of the log at once than this. */
const HISTORY_LIMIT = 2_000;
const CHANGE_THROTTLE_MS = 200;

/** What the alarm center needs from the app. */
export interface AlarmCenterDeps {
  folder: string;
  http: HttpClient;
  settings: SettingsService;
  desktop: DesktopPort;
  log: Logger;
  systemLocale?: () => string;
  now?: () => number;
  /** The page's address of a cached picture, for evidence; without it evidence goes by name only. */
  assetSrc?: AssetSrc;
}

/**
 * Everything alarms do beyond one connection: the alarm log, the webhook, desktop notifications,
 * and the page's view of every attached connection's alarms. Operator actions go to whichever
 * connection knows the stream.
 */
export class AlarmCenter implements Disposable {
  private readonly disposables = new DisposableStore();
  private readonly connections = new Set<ConnectionAlarms>();
  private readonly changes = this.disposables.add(new Emitter<AlarmsState>());
  private readonly events = this.disposables.add(new Emitter<AlarmEvent>());
  private readonly reveals = this.disposables.add(new Emitter<string>());
  /** Fires with the whole state when any alarm, the webhook or the log changed. */
  readonly onDidChange = this.changes.event;
  /** Fires with every alarm event, as it happens and is logged (`keyedEvent` names its stream as the page does). */
  readonly onDidEvent = this.events.event;
  /** Fires with a stream's wall key when the operator clicked its notification. */
  readonly onDidReveal = this.reveals.event;
  readonly log: AlarmLog;
  private readonly webhook: AlarmWebhook;
  private logError: string | null = null;
  private changeTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: AlarmCenterDeps) {
    this.log = this.disposables.add(new AlarmLog({ folder: deps.folder }));
    this.webhook = this.disposables.add(new AlarmWebhook({ http: deps.http, url: () => deps.settings.get().alarms.webhookUrl, log: deps.log }));
    this.disposables.add(this.webhook.onDidChange(() => this.fireChange()));
  }

  /** Adds a connection's alarms to the wall's; dispose the result when the connection goes. */
  attach(alarms: ConnectionAlarms): Disposable {
    this.connections.add(alarms);
    const subs = new DisposableStore();
    subs.add(alarms.detector.onDidEvent((event) => this.take(event)));
    subs.add(alarms.detector.onDidChange(() => this.fireChange()));
    subs.add({
      dispose: () => {
        this.connections.delete(alarms);
        this.fireChange();
      },
    });
    this.fireChange();
    return subs;
  }

  /**
   * The page's view: every attached connection's streams (named by wall key, so two organisations'
   * streams of the same id stay apart), every connection's state with its organisation's name, and
   * the most urgent of them.
   */
  state(): AlarmsState {
    const views = [...this.connections].map((c) => c.detector.view());
    const streams = views
      .flatMap((v) => v.streams.map((s) => (s.profileId === undefined ? s : { ...s, streamId: wallKey(s.profileId, s.streamId) })))
      .map((s) => (s.alarms.some((a) => a.evidence) ? { ...s, alarms: s.alarms.map((a) => this.withSrcs(a)) } : s));
    // Each connection named by its profile, in the order they joined the wall.
    const connections = [...this.connections].map((c, i) => ({ ...(views[i]?.connection ?? { state: 'ok' as const, alarm: null }), profileId: c.target.profileId, name: c.target.name }));
    const connection = connections.find((c) => c.state !== 'ok') ?? connections[0] ?? { state: 'ok' as const, alarm: null };
    const open = [...streams.flatMap((s) => s.alarms), ...connections.flatMap((c) => (c.alarm ? [c.alarm] : []))];
    return {
      connection,
      connections,
      streams,
      unacknowledged: open.filter((a) => a.state === 'alarm' && a.severity !== 'info').length,
      webhook: this.webhook.status(),
      logError: this.logError,
    };
  }

  /** Acknowledges an alarm by its id, or every open alarm of a stream by the stream's wall key. */
  acknowledge(id: string): void {
    const stream = this.owner(id);
    const done = stream ? stream.alarms.detector.acknowledge(stream.streamId) : [...this.connections].reduce((n, c) => n + c.detector.acknowledge(id), 0);
    if (done === 0) throw new AppError('not-found', 'That alarm is no longer open.');
  }

  /** Acknowledges every open alarm. */
  acknowledgeAll(): void {
    for (const c of this.connections) c.detector.acknowledgeAll();
  }

  /** Snoozes a stream for 15 minutes, an hour, or until it recovers. */
  snooze(request: SnoozeRequest): void {
    const stream = this.owner(request.streamId);
    if (!stream?.alarms.detector.snooze(stream.streamId, request.for)) {
      throw new AppError('not-found', 'That stream is not on the wall any more.');
    }
  }

  /** Ends a stream's snooze (by wall key). */
  unsnooze(key: string): void {
    const stream = this.owner(key);
    stream?.alarms.detector.unsnooze(stream.streamId);
  }

  /** Removes a gone stream's tile (by wall key). */
  dismiss(key: string): void {
    const stream = this.owner(key);
    if (!stream?.alarms.detector.dismissGone(stream.streamId)) {
      throw new AppError('not-found', 'That stream is not a gone tile any more.');
    }
  }

  /** The logged events since some hours ago, the newest last, at most the last 2,000 (streams by wall key). */
  async history(sinceHours: number): Promise<AlarmEvent[]> {
    const since = (this.deps.now ?? Date.now)() - sinceHours * 3_600_000;
    return (await this.log.read({ since })).slice(-HISTORY_LIMIT).map((event) => this.withSrcs(keyedEvent(event)));
  }

  /** An alarm or event with its evidence pictures' addresses for the page. */
  private withSrcs<T extends ActiveAlarm | AlarmEvent>(item: T): T {
    const src = this.deps.assetSrc;
    if (!item.evidence || !src) return item;
    const of = (name: AlarmEvidence['lastGood']) => (name === null ? null : src(name));
    return { ...item, evidence: { ...item.evidence, lastGoodSrc: of(item.evidence.lastGood), firstBadSrc: of(item.evidence.firstBad) } };
  }

  /** Saves the log since some hours ago as CSV where the operator chooses. */
  async exportCsv(sinceHours: number): Promise<string | null> {
    const day = new Date((this.deps.now ?? Date.now)()).toISOString().slice(0, 10);
    const path = await this.deps.desktop.chooseSaveFile(`bintu-wall-alarms-${day}.csv`, { name: 'CSV', extensions: ['csv'] });
    if (!path) return null;
    const since = (this.deps.now ?? Date.now)() - sinceHours * 3_600_000;
    await writeFileAtomic(path, toCsv(await this.log.read({ since })));
    return path;
  }

  /** Cached pictures that alarms show or the log keeps as evidence. */
  async pinnedAssets(): Promise<Set<string>> {
    const pinned = await this.log.pinnedAssets();
    for (const c of this.connections) for (const name of c.evidenceAssets()) pinned.add(name);
    return pinned;
  }

  /** Waits until every event so far is on disk, then closes the log. */
  close(): Promise<void> {
    return this.log.close();
  }

  dispose(): void {
    clearTimeout(this.changeTimer);
    this.disposables.dispose();
  }

  /** The connection a wall key's stream belongs to, and the stream's id there. */
  private owner(key: string): { alarms: ConnectionAlarms; streamId: string } | null {
    const split = splitWallKey(key);
    const alarms = split ? [...this.connections].find((c) => c.target.profileId === split.profileId) : undefined;
    return split && alarms ? { alarms, streamId: split.streamId } : null;
  }

  private take(event: AlarmEvent): void {
    this.events.fire(event);
    if (isLoggable(event)) {
      this.log.append(event).then(
        () => this.setLogError(null),
        (error: unknown) => this.setLogError(toErrorData(error).message),
      );
    }
    if (event.state !== 'pending') this.webhook.send(event);
    if (event.state === 'alarm' && event.severity !== 'info' && !this.deps.desktop.isFocused()) this.notify(event);
  }

  private notify(event: AlarmEvent): void {
    const { language } = this.deps.settings.get();
    const text = notificationText(event, language, this.deps.systemLocale?.() ?? 'en');
    const streamId = keyedEvent(event).streamId;
    this.deps.desktop.notify({ ...text, critical: event.severity === 'critical' }, () => {
      if (streamId) this.reveals.fire(streamId);
    });
  }

  private setLogError(message: string | null): void {
    if (message === this.logError) return;
    this.logError = message;
    if (message) this.deps.log.warn(`alarm log: ${message}`);
    this.fireChange();
  }

  /** Coalesces changes: 200 streams' pictures arrive one by one, the page needs a few views a second. */
  private fireChange(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changes.fire(this.state());
    }, CHANGE_THROTTLE_MS);
    this.changeTimer.unref?.();
  }
}

/**
 * An event as the page sees it: its stream named by wall key when it names its profile. The log,
 * the webhook and the CLI keep bintu's id and the profile apart.
 */
export function keyedEvent(event: AlarmEvent): AlarmEvent {
  return event.streamId === null || event.profileId === undefined ? event : { ...event, streamId: wallKey(event.profileId, event.streamId) };
}
