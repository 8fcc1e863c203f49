import type { AlarmEvent, AlarmEvidence, AlarmSettings, AlarmType } from '../../../shared/alarms';
import type { Fault } from './fault';
import { FlapHistory } from './flap-history';

/** Who an alarm belongs to, as the book needs it to word and route events. */
export interface Subject {
  /** Null for the connection. */
  streamId: string | null;
  streamName: string;
  severity: 'critical' | 'warning';
  /** Snoozed: no pending or alarm events, no flap entries; operator actions and clears of announced alarms still go out. */
  muted: boolean;
}

/** One open alarm episode: from the first sight of a fault until it is gone (or dismissed). */
export interface Episode {
  readonly id: string;
  readonly streamId: string | null;
  readonly type: AlarmType;
  state: 'pending' | 'alarm' | 'acknowledged';
  since: number;
  raisedAt: number | null;
  severity: 'critical' | 'warning';
  detail: string;
  evidence?: AlarmEvidence;
  /** Raised too often lately: stays until stable for `stableSeconds`. */
  flapping: boolean;
  /** While flapping, since when the fault has been absent. */
  stableSince: number | null;
  /** The last state the outside world was told about; a muted episode is told later or never. */
  announced: 'none' | 'pending' | 'alarm';
}

/** An event before the detector stamps its id, time, and profile. */
export type EventDraft = Omit<AlarmEvent, 'id' | 'at' | 'profileId'> & { at: number };

/**
 * The alarm state machine for every (stream, type): pending, alarm, acknowledged, cleared, with
 * flapping held in alarm. Rules decide whether a fault is there; the book decides what that means
 * and which events go out.
 */
export class AlarmBook {
  private readonly episodes = new Map<string, Episode>();
  private readonly flaps = new FlapHistory();
  /** Set by every change; the detector reads it to know whether health changed. */
  changed = false;

  constructor(
    private readonly emit: (draft: EventDraft) => void,
    private readonly newId: () => string,
    private readonly settings: () => AlarmSettings,
  ) {}

  /** Brings one (subject, type) in line with what its rule sees now. */
  reconcile(subject: Subject, type: AlarmType, fault: Fault | null, at: number): void {
    const key = keyOf(subject.streamId, type);
    const episode = this.episodes.get(key);
    if (!fault) {
      if (episode) this.absent(episode, subject, at);
      return;
    }
    if (!episode) {
      const fresh: Episode = { id: this.newId(), streamId: subject.streamId, type, state: 'pending', since: fault.since, raisedAt: null, severity: subject.severity, detail: fault.detail, flapping: false, stableSince: null, announced: 'none', ...(fault.evidence ? { evidence: fault.evidence } : {}) };
      this.episodes.set(key, fresh);
      this.changed = true;
      return this.present(fresh, subject, fault, at);
    }
    return this.present(episode, subject, fault, at);
  }

  /** Acknowledges raised alarms that match; returns how many changed. */
  acknowledge(match: (episode: Episode) => boolean, subjectOf: (episode: Episode) => Subject, at: number): number {
    let count = 0;
    for (const episode of this.episodes.values()) {
      if (episode.state !== 'alarm' || !match(episode)) continue;
      episode.state = 'acknowledged';
      episode.announced = 'alarm';
      this.changed = true;
      count++;
      this.send(episode, subjectOf(episode), at, 'acknowledged', episode.detail);
    }
    return count;
  }

  /** Tells what a snooze held back: alarms raised and faults seen while the subject was muted. */
  announce(subject: Subject, at: number): void {
    for (const episode of this.of(subject.streamId)) {
      if (episode.state !== 'pending' && episode.announced !== 'alarm') {
        episode.announced = 'alarm';
        this.send(episode, subject, at, 'alarm', episode.detail);
      } else if (episode.state === 'pending' && episode.announced === 'none') {
        episode.announced = 'pending';
        this.send(episode, subject, at, 'pending', episode.detail);
      }
    }
  }

  /** Closes every episode of a subject (a dismissed stream) and forgets its flap history. */
  drop(subject: Subject, at: number, why: string): void {
    for (const episode of this.of(subject.streamId)) this.close(episode, subject, at, why);
    this.flaps.forget(`${subject.streamId ?? ''}\n`);
  }

  /** The open episodes of one subject (null: the connection). */
  of(streamId: string | null): Episode[] {
    return [...this.episodes.values()].filter((episode) => episode.streamId === streamId);
  }

  /** Every open episode. */
  all(): Episode[] {
    return [...this.episodes.values()];
  }

  private present(episode: Episode, subject: Subject, fault: Fault, at: number): void {
    // Only a new severity counts as a change: details tick with the seconds and would push the view every tick.
    if (episode.severity !== subject.severity) this.changed = true;
    episode.severity = subject.severity;
    episode.detail = fault.detail;
    if (episode.state === 'pending') {
      if (fault.evidence) episode.evidence = fault.evidence;
      if (fault.level === 'present') return this.raise(episode, subject, at);
      if (!subject.muted && episode.announced === 'none') {
        episode.announced = 'pending';
        this.send(episode, subject, at, 'pending', fault.detail);
      }
      return;
    }
    if (episode.stableSince !== null) {
      // A flapping alarm's fault came back: one entry per flap, the alarm itself never left.
      episode.stableSince = null;
      this.changed = true;
      if (!subject.muted) this.send(episode, subject, at, episode.state, `fault returned while flapping: ${fault.detail}`, true);
    }
  }

  private raise(episode: Episode, subject: Subject, at: number): void {
    const { maxRaises, windowSeconds } = this.settings().flapping;
    const raises = this.flaps.record(keyOf(episode.streamId, episode.type), at, windowSeconds * 1000);
    episode.state = 'alarm';
    episode.raisedAt = at;
    episode.flapping = raises > maxRaises;
    this.changed = true;
    if (subject.muted) return;
    episode.announced = 'alarm';
    const detail = episode.flapping ? `${episode.detail}; flapping: raised ${raises} times in ${Math.round(windowSeconds / 60)} min` : episode.detail;
    this.send(episode, subject, at, 'alarm', detail, episode.flapping);
  }

  private absent(episode: Episode, subject: Subject, at: number): void {
    if (episode.state === 'pending') return this.close(episode, subject, at, 'fault gone before its threshold');
    if (!episode.flapping) return this.close(episode, subject, at, 'fault gone');
    if (episode.stableSince === null) {
      episode.stableSince = at;
      this.changed = true;
    }
    const { stableSeconds } = this.settings().flapping;
    if (at - episode.stableSince >= stableSeconds * 1000) this.close(episode, subject, at, `stable for ${Math.round(stableSeconds / 60)} min after flapping`);
  }

  private close(episode: Episode, subject: Subject, at: number, why: string): void {
    this.episodes.delete(keyOf(episode.streamId, episode.type));
    this.changed = true;
    if (episode.announced === 'none') return;
    this.send(episode, subject, at, 'cleared', why, undefined, episode.announced === 'alarm');
  }

  private send(episode: Episode, subject: Subject, at: number, state: EventDraft['state'], detail: string, flapping?: boolean, raised?: boolean): void {
    this.emit({
      alarmId: episode.id, at, streamId: episode.streamId, streamName: subject.streamName, type: episode.type, state,
      severity: episode.severity, detail,
      ...(episode.evidence ? { evidence: episode.evidence } : {}),
      ...(flapping ? { flapping: true } : {}),
      ...(raised !== undefined ? { raised } : {}),
    });
  }
}

function keyOf(streamId: string | null, type: AlarmType): string {
  return `${streamId ?? ''}\n${type}`;
}
