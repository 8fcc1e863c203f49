import type { AlarmSettings } from '../../../shared/alarms';
import type { StreamState } from '../../../shared/domain';
import type { PictureOutcome } from './picture-rules';
import { type Fault, secondsBetween } from './fault';

/** One stream as the detector needs it from bintu's list. */
export interface StreamInput {
  id: string;
  /** What the log and the page call it (the ingest name, or the id). */
  name: string;
  state: StreamState;
  tags: readonly string[];
  /** The thumbnail processing interval; null when the stream makes no thumbnails (no picture rules then). */
  thumbnailIntervalS: number | null;
}

/** What the detector remembers about a stream's presence: its state, its pictures' timing, whether it left. */
export interface Presence {
  input: StreamInput;
  watched: boolean;
  /** Seen live since it was last judged ended (the `down` rule looks for a live stream that stopped). */
  wasLive: boolean;
  /**
   * Since when pictures are expected: it became live with a thumbnail interval (a stream whose
   * refreshes the owner paused, given as interval null, starts afresh when they resume).
   */
  expectingSince: number | null;
  /** When it stopped being live. */
  downSince: number | null;
  /** When the last new picture version arrived. */
  lastVersionAt: number | null;
  /** When refreshes began failing (reset by any answer from the asset host). */
  failingSince: number | null;
  lastError: string | null;
  /** When it left bintu's list; null while listed. */
  goneAt: number | null;
  /** Whether leaving the list deserves an alarm (watched, or live when it went) rather than a note. */
  goneAlarms: boolean;
}

/** A fresh presence record for a stream first seen at `at`. */
export function newPresence(input: StreamInput, watched: boolean, at: number): Presence {
  const live = input.state === 'live';
  return { input, watched, wasLive: live, expectingSince: expectsPictures(input) ? at : null, downSince: live ? null : at, lastVersionAt: null, failingSince: null, lastError: null, goneAt: null, goneAlarms: false };
}

function expectsPictures(input: StreamInput): boolean {
  return input.state === 'live' && input.thumbnailIntervalS !== null && input.thumbnailIntervalS > 0;
}

/** Notes a thumbnail refresh: any answer ends a failing streak; only new versions reset the overdue clock. */
export function recordRefresh(p: Presence, at: number, outcome: PictureOutcome, error: string | undefined): void {
  if (outcome === 'failed') {
    p.failingSince ??= at;
    p.lastError = error ?? null;
    return;
  }
  p.failingSince = null;
  p.lastError = null;
  if (outcome !== 'not-modified') p.lastVersionAt = at;
}

/** What a new listing changed for a stream. */
export interface Relisting {
  /** Health-relevant fields changed (state, watched, name, back from gone). */
  changed: boolean;
  /** A new live session began: old pictures and old failures say nothing about it. */
  sessionStarted: boolean;
  /** An unwatched stream ended: routine, worth a log line and no alarm. */
  endedQuietly: boolean;
}

/** Applies a stream's new listing to its record and says what that meant. */
export function relist(p: Presence, input: StreamInput, watched: boolean, at: number): Relisting {
  const before = p.input.state;
  const returned = p.goneAt !== null;
  const changed = before !== input.state || returned || p.watched !== watched || p.input.name !== input.name;
  if (!expectsPictures(input)) p.expectingSince = null;
  else if (p.expectingSince === null || returned) p.expectingSince = at;
  p.input = input;
  p.watched = watched;
  p.goneAt = null;
  p.goneAlarms = false;
  const live = input.state === 'live';
  if (live && (before !== 'live' || returned)) {
    Object.assign(p, { wasLive: true, downSince: null, failingSince: null, lastError: null });
    return { changed, sessionStarted: true, endedQuietly: false };
  }
  if (!live && before === 'live') {
    p.downSince = at;
    const quiet = !watched && input.state === 'ended';
    if (quiet) p.wasLive = false;
    return { changed, sessionStarted: false, endedQuietly: quiet };
  }
  return { changed, sessionStarted: false, endedQuietly: false };
}

/** Marks a stream that left a complete list; returns whether that deserves an alarm (else a note). */
export function markGone(p: Presence, at: number): boolean {
  p.goneAt = at;
  p.goneAlarms = p.watched || p.input.state === 'live';
  return p.goneAlarms;
}

/**
 * Overdue: a live stream with no new picture for `intervals` x its interval + grace. Pending from
 * the first failed refresh or once 1.5 intervals pass, so a picture a little late costs nothing.
 * `capAtPending` holds it below alarm while the connection alarm already speaks for every stream.
 */
export function overdueFault(p: Presence, at: number, settings: AlarmSettings, capAtPending: boolean): Fault | null {
  const interval = p.input.thumbnailIntervalS;
  if (p.goneAt !== null || p.expectingSince === null || interval === null) return null;
  const base = Math.max(p.lastVersionAt ?? 0, p.expectingSince);
  const elapsedMs = at - base;
  const thresholdMs = (settings.overdue.intervals * interval + settings.overdue.graceSeconds) * 1000;
  const failing = p.failingSince !== null;
  if (!failing && elapsedMs <= interval * 1500) return null;
  const why = p.lastError ? `; last refresh failed: ${p.lastError}` : '';
  const detail = `no new picture for ${secondsBetween(base, at)} s${why}`;
  return { level: elapsedMs >= thresholdMs && !capAtPending ? 'present' : 'pending', since: base, detail };
}

/** Down: a stream that was live (or, if watched and expected live, any watched stream) is not live. */
export function downFault(p: Presence, settings: AlarmSettings): Fault | null {
  if (p.goneAt !== null || p.input.state === 'live') return null;
  if (!p.wasLive && !(p.watched && settings.down.expectWatchedLive)) return null;
  const since = p.downSince ?? 0;
  return { level: 'present', since, detail: `stream is ${p.input.state}` };
}

/** Gone: the stream left bintu's list; an alarm when watched or live when it went, else only a note. */
export function goneFault(p: Presence): Fault | null {
  if (p.goneAt === null || !p.goneAlarms) return null;
  return { level: 'present', since: p.goneAt, detail: 'stream left the list' };
}
