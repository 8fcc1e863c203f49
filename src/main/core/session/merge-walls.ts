import type { ConnectionStatus, ConnectionView, WallView } from '../../../shared/view';

const IDLE: ConnectionView = { status: 'idle', lastPollAt: null, lastSuccessAt: null, offlineSince: null, error: null, requests: 0, bytes: 0 };

/** The wall with no organisation on it. */
export const EMPTY_WALL: WallView = { connection: IDLE, organisations: [], streams: [], truncated: false, quantity: 0, fromCache: false };

/** Statuses in which nothing of the organisation's gets through. */
const DOWN: ReadonlySet<ConnectionStatus> = new Set(['offline', 'credential-rejected']);

/**
 * One wall from each organisation's: every tile, every organisation's own connection, and a
 * summary for what speaks of the wall as a whole. With one organisation the wall is exactly its
 * own; with several the summary is "degraded" while some get through and others do not, so one
 * organisation's outage never reads as the whole wall's.
 */
export function mergeWalls(walls: readonly WallView[]): WallView {
  const [first] = walls;
  if (first === undefined) return EMPTY_WALL;
  if (walls.length === 1) return first;
  const connections = walls.map((w) => w.connection);
  return {
    connection: summary(connections),
    organisations: walls.flatMap((w) => w.organisations),
    streams: walls.flatMap((w) => w.streams),
    truncated: walls.some((w) => w.truncated),
    quantity: Math.max(...walls.map((w) => w.quantity)),
    // The whole wall is from the cache only while every organisation's is; each tile's own
    // organisation says whether its picture is.
    fromCache: walls.every((w) => w.fromCache),
  };
}

function summary(connections: readonly ConnectionView[]): ConnectionView {
  const statuses = new Set(connections.map((c) => c.status));
  const [only] = statuses;
  const down = connections.filter((c) => DOWN.has(c.status));
  const status: ConnectionStatus = statuses.size === 1 && only !== undefined ? only : down.length > 0 || statuses.has('degraded') ? 'degraded' : statuses.has('connecting') ? 'connecting' : 'online';
  const since = down.flatMap((c) => (c.offlineSince === null ? [] : [c.offlineSince]));
  const latest = (values: (number | null)[]): number | null => values.reduce<number | null>((a, b) => (b === null ? a : a === null ? b : Math.max(a, b)), null);
  return {
    status,
    lastPollAt: latest(connections.map((c) => c.lastPollAt)),
    lastSuccessAt: latest(connections.map((c) => c.lastSuccessAt)),
    offlineSince: status === 'offline' && since.length > 0 ? Math.min(...since) : null,
    error: connections.find((c) => c.error !== null)?.error ?? null,
    // Every connection counts the one shared HTTP client's traffic: the same two numbers.
    requests: connections[0]?.requests ?? 0,
    bytes: connections[0]?.bytes ?? 0,
  };
}
