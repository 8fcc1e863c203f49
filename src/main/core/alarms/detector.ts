import { randomUUID } from 'node:crypto';
import type { AlarmEvent, AlarmSettings, AlarmType, AlarmsView, ConnectionHealth, SnoozeRequest, StreamHealth } from '../../../shared/alarms';
import { type Disposable, DisposableStore, Emitter } from '../lifecycle';
import { AlarmBook, type EventDraft, type Subject } from './alarm-book';
import { type ConnectionObservation, ConnectionRule } from './connection-rule';
import { byUrgency, connectionHealth, iso, streamHealth } from './health-view';
import type { AlarmDetectorOptions, PictureObservation } from './detector-types';
import { PictureRules } from './picture-rules';
import { markGone, newPresence, type Presence, recordRefresh, relist, type StreamInput } from './presence-rules';
import { raisesFirst, streamFaults } from './stream-faults';
import { SnoozeBook, snoozeEnd, type SnoozeUntil } from './snooze-book';
import { NOTHING_WATCHED, type WatchPredicate } from './watch';

const MAX_NAME = 400;
const MAX_DETAIL = 1000;

/**
 * Turns observations of one profile (its stream list, thumbnail refreshes, the bintu connection)
 * into alarm states and events. Holds no timer: the owner calls `tick` (every second or so) so
 * time-based thresholds and snooze expiry happen on its clock, which makes a fake clock trivial.
 */
export class AlarmDetector implements Disposable {
  private readonly disposables = new DisposableStore();
  private readonly events = this.disposables.add(new Emitter<AlarmEvent>());
  private readonly changes = this.disposables.add(new Emitter<void>());
  private readonly streams = new Map<string, { presence: Presence; pictures: PictureRules }>();
  private readonly connection = new ConnectionRule();
  private readonly snoozes = new SnoozeBook();
  private readonly book: AlarmBook;
  private settings: AlarmSettings;
  private isWatched: WatchPredicate;
  private changed = false;

  /** Every pending, raise, acknowledge, snooze, clear and note, in order. */
  readonly onDidEvent = this.events.event;
  /** Health changed (fires once per call that changed it); read `view()` then. */
  readonly onDidChange = this.changes.event;

  constructor(private readonly options: AlarmDetectorOptions) {
    this.settings = options.settings;
    this.isWatched = options.isWatched ?? NOTHING_WATCHED;
    this.book = new AlarmBook((draft) => this.send(draft), options.newId ?? randomUUID, () => this.settings);
  }

  /** Takes bintu's stream list. `complete: false` (a truncated list) keeps absent streams instead of calling them gone. */
  observeStreams(streams: readonly StreamInput[], at: number, options: { complete?: boolean } = {}): void {
    const listed = new Set<string>();
    for (const input of streams) {
      listed.add(input.id);
      const known = this.streams.get(input.id);
      const watched = this.isWatched(input);
      if (!known) {
        this.streams.set(input.id, { presence: newPresence(input, watched, at), pictures: new PictureRules() });
        this.changed = true;
        continue;
      }
      const change = relist(known.presence, input, watched, at);
      if (change.changed) this.changed = true;
      if (change.sessionStarted) known.pictures.reset();
      if (change.endedQuietly && this.settings.down.enabled) this.note(known.presence, 'down', 'stream ended', at);
    }
    if (options.complete ?? true) {
      for (const { presence } of this.streams.values()) {
        if (listed.has(presence.input.id) || presence.goneAt !== null) continue;
        this.changed = true;
        if (!markGone(presence, at) && this.settings.gone.enabled) this.note(presence, 'gone', 'stream left the list', at);
      }
    }
    this.evaluateAll(at);
  }

  /** Takes one thumbnail refresh of a listed stream (unknown streams are ignored). */
  observePicture(streamId: string, observation: PictureObservation): void {
    const entry = this.streams.get(streamId);
    if (!entry) return;
    const { at, outcome } = observation;
    recordRefresh(entry.presence, at, outcome, observation.error);
    entry.pictures.observe(at, outcome, this.settings, observation.analysis, observation.assetName);
    this.evaluate(entry.presence, entry.pictures, at);
    this.flush();
  }

  /** Takes how the last bintu request went (list or details). */
  observeConnection(observation: ConnectionObservation): void {
    this.connection.observe(observation);
    this.evaluateAll(observation.at);
  }

  /** Advances time: thresholds that need no new observation, flapping calm-down, snooze expiry. */
  tick(at: number): void {
    for (const streamId of this.snoozes.expire(at)) {
      const entry = this.streams.get(streamId);
      this.changed = true;
      if (!entry) continue;
      this.evaluate(entry.presence, entry.pictures, at);
      this.book.announce(this.subject(entry.presence, at), at);
    }
    this.evaluateAll(at);
  }

  /** Acknowledges an alarm by its id, or every raised alarm of a stream by the stream's id; returns how many. */
  acknowledge(alarmOrStreamId: string): number {
    const count = this.book.acknowledge((e) => e.id === alarmOrStreamId || e.streamId === alarmOrStreamId, (e) => this.subjectOf(e.streamId), this.options.now());
    this.flush();
    return count;
  }

  /** Acknowledges every raised alarm; returns how many. */
  acknowledgeAll(): number {
    const count = this.book.acknowledge(() => true, (e) => this.subjectOf(e.streamId), this.options.now());
    this.flush();
    return count;
  }

  /** Snoozes a stream: for 15 min, 1 h, until a time, or until it recovers. Returns false for an unknown stream. */
  snooze(streamId: string, until: SnoozeRequest['for'] | SnoozeUntil): boolean {
    const entry = this.streams.get(streamId);
    if (!entry) return false;
    const now = this.options.now();
    const end = typeof until === 'number' || until === 'recovery' ? until : snoozeEnd(until, now);
    this.snoozes.set(streamId, end);
    this.changed = true;
    const top = this.book.of(streamId).sort(byUrgency)[0];
    this.sendNote(entry.presence, top?.type ?? null, 'snoozed', end === 'recovery' ? 'snoozed until it recovers' : `snoozed until ${iso(end)}`, now);
    this.evaluate(entry.presence, entry.pictures, now);
    this.flush();
    return true;
  }

  /** Ends a stream's snooze early; what it held back is announced now. */
  unsnooze(streamId: string): void {
    const entry = this.streams.get(streamId);
    if (!entry || !this.snoozes.clear(streamId)) return;
    this.changed = true;
    this.book.announce(this.subject(entry.presence, this.options.now()), this.options.now());
    this.flush();
  }

  /** Removes a gone stream's tile and closes its alarms (the operator dismissed it); false if it is not gone. */
  dismissGone(streamId: string): boolean {
    const entry = this.streams.get(streamId);
    if (!entry || entry.presence.goneAt === null) return false;
    const now = this.options.now();
    this.book.drop(this.subject(entry.presence, now), now, 'dismissed by the operator');
    this.streams.delete(streamId);
    this.snoozes.clear(streamId);
    this.changed = true;
    this.flush();
    return true;
  }

  /** Applies changed thresholds at once (a disabled type clears its alarms). */
  configure(settings: AlarmSettings): void {
    this.settings = settings;
    this.evaluateAll(this.options.now());
  }

  /** Applies a changed watch list: severities follow at once. */
  setWatched(isWatched: WatchPredicate): void {
    this.isWatched = isWatched;
    for (const { presence } of this.streams.values()) presence.watched = isWatched(presence.input);
    this.evaluateAll(this.options.now());
  }

  /** Every known stream's health, gone tiles included, in the order first seen. */
  health(): StreamHealth[] {
    const now = this.options.now();
    return [...this.streams.values()].map(({ presence }) => streamHealth(presence, this.book.of(presence.input.id), this.snoozes.get(presence.input.id, now), this.options.profileId));
  }

  /** The connection's health. */
  connectionHealth(): ConnectionHealth {
    return connectionHealth(this.book.of(null)[0], this.options.profileId);
  }

  /** Connection and streams together, as the page receives them. */
  view(): AlarmsView {
    return { connection: this.connectionHealth(), streams: this.health() };
  }

  /** Asset names open alarms show as evidence: the cache must keep these files. */
  evidenceAssets(): Set<string> {
    const names = new Set<string>();
    for (const episode of this.book.all()) {
      if (episode.evidence?.lastGood) names.add(episode.evidence.lastGood);
      if (episode.evidence?.firstBad) names.add(episode.evidence.firstBad);
    }
    return names;
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private evaluateAll(at: number): void {
    for (const { presence, pictures } of this.streams.values()) this.evaluate(presence, pictures, at);
    const fault = this.settings.connection.enabled ? this.connection.fault(at, this.settings) : null;
    this.book.reconcile(this.subjectOf(null), 'connection', fault, at);
    this.flush();
  }

  private evaluate(presence: Presence, pictures: PictureRules, at: number): void {
    const faults = streamFaults(presence, pictures, at, this.settings, this.connection.failing());
    const subject = this.subject(presence, at);
    for (const type of raisesFirst(faults)) this.book.reconcile(subject, type, faults[type] ?? null, at);
    const id = presence.input.id;
    if (this.snoozes.get(id, at) === 'recovery' && this.book.of(id).length === 0) {
      this.snoozes.clear(id);
      this.changed = true;
    }
  }

  private subject(presence: Presence, at: number): Subject {
    const id = presence.input.id;
    return { streamId: id, streamName: presence.input.name, severity: presence.watched ? 'critical' : 'warning', muted: this.snoozes.get(id, at) !== null };
  }

  private subjectOf(streamId: string | null): Subject {
    const entry = streamId === null ? undefined : this.streams.get(streamId);
    if (entry) return this.subject(entry.presence, this.options.now());
    return { streamId, streamName: this.options.connectionName ?? this.options.profileId ?? 'bintu', severity: 'critical', muted: false };
  }

  private note(presence: Presence, type: AlarmType, detail: string, at: number): void {
    this.sendNote(presence, type, 'noted', detail, at);
  }

  private sendNote(presence: Presence, type: AlarmType | null, state: 'noted' | 'snoozed', detail: string, at: number): void {
    this.send({ alarmId: null, at, streamId: presence.input.id, streamName: presence.input.name, type, state, severity: 'info', detail });
  }

  private send(draft: EventDraft): void {
    const { at, ...rest } = draft;
    const event: AlarmEvent = { id: (this.options.newId ?? randomUUID)(), ...rest, at: iso(at), ...(this.options.profileId !== undefined ? { profileId: this.options.profileId } : {}) };
    // Names and details come from bintu and error text: clip to what the event schema (and the log reader) accept.
    event.streamName = event.streamName.slice(0, MAX_NAME);
    if (event.detail !== undefined) event.detail = event.detail.slice(0, MAX_DETAIL);
    this.changed = true;
    this.events.fire(event);
  }

  private flush(): void {
    if (!this.changed && !this.book.changed) return;
    this.changed = false;
    this.book.changed = false;
    this.changes.fire();
  }
}
