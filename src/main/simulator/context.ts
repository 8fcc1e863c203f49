/**
 * Everything a route handler needs, built once per simulator by `startSimulator`.
 */
import type { AssetRenderer } from './asset-renderer';
import type { Catalogue } from './catalogue';
import type { FaultBook } from './faults';
import type { MediaLibrary } from './media';
import type { Schedule } from './schedule';
import type { RequestLog } from './request-log';
import type { StatsCounter } from './stats';
import type { SimControl, SimCredential } from './types';

/** The simulator's shared state. */
export interface SimContext {
  catalogue: Catalogue;
  schedule: Schedule;
  faults: FaultBook;
  renderer: AssetRenderer;
  stats: StatsCounter;
  media: MediaLibrary;
  credentials: SimCredential[];
  /** Secrets refused from now on (`Simulator.revokeCredential`). */
  revoked: Set<string>;
  /** List items never carry asset arrays (`SimulatorOptions.listWithoutAssets`). */
  listWithoutAssets: boolean;
  requestLog: RequestLog;
  control: SimControl;
  now: () => number;
  seed: number;
  /** Filled in once both listeners are bound. */
  urls: { api: string; assets: string };
}
