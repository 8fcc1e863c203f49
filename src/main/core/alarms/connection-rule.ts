import type { AlarmSettings } from '../../../shared/alarms';
import { type Fault, secondsBetween } from './fault';

/** How the last bintu request of a connection went. */
export type ConnectionStatus = 'ok' | 'unreachable' | 'rejected';

/** One observation of a profile's connection to bintu. */
export interface ConnectionObservation {
  at: number;
  status: ConnectionStatus;
  /** Plain words (no secrets) for the log, e.g. the error message shown to the operator. */
  detail?: string;
}

/**
 * The connection rule: bintu unreachable for longer than `unreachableSeconds` is an alarm, a
 * rejected credential is one at once (nothing will work until the operator acts).
 */
export class ConnectionRule {
  private status: ConnectionStatus = 'ok';
  private since: number | null = null;
  private detail: string | undefined;

  /** Takes one observation; the fault's start is kept across repeated failures. */
  observe(observation: ConnectionObservation): void {
    if (observation.status === 'ok') this.since = null;
    else if (this.since === null || observation.status !== this.status) this.since = observation.at;
    this.status = observation.status;
    this.detail = observation.detail;
  }

  /** Whether bintu is failing right now (pending or alarm). */
  failing(): boolean {
    return this.status !== 'ok';
  }

  /** The connection fault at a moment. */
  fault(at: number, settings: AlarmSettings): Fault | null {
    if (this.status === 'ok' || this.since === null) return null;
    const suffix = this.detail ? `: ${this.detail}` : '';
    if (this.status === 'rejected') return { level: 'present', since: this.since, detail: `credential rejected${suffix}` };
    const level = at - this.since >= settings.connection.unreachableSeconds * 1000 ? 'present' : 'pending';
    return { level, since: this.since, detail: `bintu unreachable for ${secondsBetween(this.since, at)} s${suffix}` };
  }
}
