import type { SnoozeRequest } from '../../../shared/alarms';

/** Until when a stream is snoozed: a clock reading (ms), or until its faults are gone. */
export type SnoozeUntil = number | 'recovery';

const CHOICE_MS = { '15m': 15 * 60_000, '1h': 60 * 60_000 } as const;

/** Turns the operator's choice into an end: `15m` and `1h` from now, or `recovery`. */
export function snoozeEnd(choice: SnoozeRequest['for'], now: number): SnoozeUntil {
  return choice === 'recovery' ? 'recovery' : now + CHOICE_MS[choice];
}

/** Which streams are snoozed and until when; expiry is checked against the caller's clock. */
export class SnoozeBook {
  private readonly until = new Map<string, SnoozeUntil>();

  /** Snoozes a stream (replacing an earlier snooze). */
  set(streamId: string, until: SnoozeUntil): void {
    this.until.set(streamId, until);
  }

  /** Ends a stream's snooze; returns whether it was snoozed. */
  clear(streamId: string): boolean {
    return this.until.delete(streamId);
  }

  /** Until when a stream is snoozed, or null; a time in the past counts as not snoozed. */
  get(streamId: string, at: number): SnoozeUntil | null {
    const until = this.until.get(streamId);
    if (until === undefined) return null;
    return until === 'recovery' || until > at ? until : null;
  }

  /** Ends the snoozes whose time has come and returns their streams. */
  expire(at: number): string[] {
    const ended: string[] = [];
    for (const [streamId, until] of this.until) {
      if (until !== 'recovery' && until <= at) ended.push(streamId);
    }
    for (const streamId of ended) this.until.delete(streamId);
    return ended;
  }
}
