/**
 * The credentials the simulator accepts: API keys and tokens for every role of the simulated
 * organisation, plus one key of a second organisation without the Live Processing package.
 * Derived from the seed, so a restarted simulator accepts the same keys.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createRng, hashSeed, randomHex, randomText } from './rng';
import type { SimCredential, SimRole } from './types';

const ROLES: SimRole[] = ['nanoAdmin', 'nanoUser', 'nanoReadOnly'];
/** Name of the simulated organisation. */
export const ORGANISATION = 'Simulated Control Room';
/** Name of the organisation that has not booked Live Processing. */
export const ORGANISATION_WITHOUT_LP = 'Simulated Org Without Live Processing';

/** Every credential, API keys first; the first one is the demo credential (nanoAdmin key). */
export function buildCredentials(seed: number): SimCredential[] {
  const rng = createRng(hashSeed(seed, 'credentials'));
  const out: SimCredential[] = [];
  for (const role of ROLES) {
    out.push({ kind: 'apiKey', role, secret: randomHex(rng, 64), organisation: ORGANISATION, liveProcessing: true });
  }
  for (const role of ROLES) {
    out.push({ kind: 'token', role, secret: `simtok_${randomText(rng, 40)}`, organisation: ORGANISATION, liveProcessing: true });
  }
  out.push({
    kind: 'apiKey', role: 'nanoAdmin', secret: randomHex(rng, 64),
    organisation: ORGANISATION_WITHOUT_LP, liveProcessing: false,
  });
  return out;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Whether a request carries any bintu credential header (for leak detection on assets). */
export function carriesCredential(headers: IncomingHttpHeaders): boolean {
  return header(headers, 'x-bintu-apikey') !== undefined || header(headers, 'x-bintu-token') !== undefined;
}

/** The credential a request presents, or null when it has none or a wrong one. */
export function authenticate(headers: IncomingHttpHeaders, credentials: SimCredential[]): SimCredential | null {
  const key = header(headers, 'x-bintu-apikey');
  const token = header(headers, 'x-bintu-token');
  if (key !== undefined) return credentials.find((c) => c.kind === 'apiKey' && c.secret === key) ?? null;
  if (token !== undefined) return credentials.find((c) => c.kind === 'token' && c.secret === token) ?? null;
  return null;
}
