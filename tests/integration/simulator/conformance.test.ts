import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { adminKey, getJson } from './helpers';

// Every documented response body (tests/fixtures/bintu-examples, a copy of bintu-examples) has a simulator counterpart with at
// least the example's fields, each of the same JSON type, checked recursively.
const EXAMPLES = join(__dirname, '../../fixtures/bintu-examples');
const example = (file: string): unknown => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));

type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean';
const typeOf = (v: unknown): JsonType =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType);

/**
 * Lists where `actual` fails to have what `expected` has. Arrays: each example element must be
 * matched by some element of the simulator's array (bintu's arrays are not positional).
 */
function mismatches(expected: unknown, actual: unknown, path = '$'): string[] {
  const te = typeOf(expected);
  const ta = typeOf(actual);
  if (te !== ta) return [`${path}: expected ${te}, got ${ta}`];
  if (te === 'object') {
    const a = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) =>
      k in a ? mismatches(v, a[k], `${path}.${k}`) : [`${path}.${k}: missing`],
    );
  }
  if (te === 'array') {
    const a = actual as unknown[];
    return (expected as unknown[]).flatMap((e, i) =>
      a.some((x) => mismatches(e, x).length === 0) ? [] : [`${path}[${i}]: no element of ${a.length} matches`],
    );
  }
  return [];
}

describe('conformance with the documented bintu examples', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ streams: 24, groups: 5, seed: 3, lifecycle: false });
  });
  afterAll(() => sim.close());

  it('the walker itself catches a missing field and a changed type', () => {
    expect(mismatches({ a: { b: 1 } }, { a: {} })).toEqual(['$.a.b: missing']);
    expect(mismatches({ a: [{ d: null }] }, { a: [{ d: 5 }] })).toEqual(['$.a[0]: no element of 1 matches']);
  });

  it('GET /stream/{id} serves an object with every field of get-stream-live-processing-example.json', async () => {
    const doc = example('get-stream-live-processing-example.json');
    const list = await getJson<{ id: string }[]>(sim, '/stream?quantity=100');
    const results = await Promise.all(
      list.json.map(async (s) => mismatches(doc, (await getJson(sim, `/stream/${s.id}?asset_limit=10`)).json)),
    );
    const best = results.reduce((a, b) => (b.length < a.length ? b : a));
    expect(best).toEqual([]);
  });

  it('list items follow the same shape for the fields they carry', async () => {
    const doc = example('get-stream-live-processing-example.json') as Record<string, unknown>;
    const list = await getJson<Record<string, unknown>[]>(sim, '/stream');
    const { playout: _p, ...top } = doc;
    for (const item of list.json) expect(mismatches(top, item)).toEqual([]);
  });

  const key = (s: Simulator): Record<string, string> => ({ 'X-BINTU-APIKEY': adminKey(s), 'Content-Type': 'application/json' });
  const errorCases: [string, (s: Simulator) => Promise<Response>, number][] = [
    ['error-1002-parameter-required.json', async (s) => {
      const id = s.control.listStreams()[0]!.id;
      return fetch(`${s.baseUrl}/stream/${id}/tag`, { method: 'PUT', headers: key(s), body: '{}' });
    }, 400],
    ['error-1003-parameter-not-unique.json', (s) => fetch(`${s.baseUrl}/stream?quantity=1&quantity=2`, { headers: key(s) }), 400],
    ['error-1004-wrong-data-type.json', (s) => fetch(`${s.baseUrl}/stream?quantity=many`, { headers: key(s) }), 400],
    ['error-2001-access-denied.json', async (s) => {
      const ro = s.credentials.find((c) => c.role === 'nanoReadOnly' && c.kind === 'apiKey')!.secret;
      const id = s.control.listStreams()[0]!.id;
      return fetch(`${s.baseUrl}/stream/${id}/tag`, { method: 'PUT', headers: { 'X-BINTU-APIKEY': ro }, body: '{"tags":[]}' });
    }, 403],
    ['error-3002-stream-type-not-available.json', (s) =>
      fetch(`${s.baseUrl}/stream`, { method: 'POST', headers: key(s), body: '{"type":"hologram"}' }), 400],
    ['error-4002-user-credentials-not-valid.json', (s) => fetch(`${s.baseUrl}/stream`, { headers: { 'X-BINTU-APIKEY': 'wrong' } }), 401],
  ];
  for (const [file, call, status] of errorCases) {
    it(`${file} has a counterpart with status ${status}, the same code and message`, async () => {
      const doc = example(file) as { error: { code: number; message: string } };
      const res = await call(sim);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: { code: number; message: string } };
      expect(mismatches(doc, body)).toEqual([]);
      expect(body.error.code).toBe(doc.error.code);
      expect(body.error.message).toBe(doc.error.message);
    });
  }

  it('the documented create-stream request bodies are accepted', async () => {
    for (const file of ['create-stream-request-processing.json', 'create-stream-request-transcodes.json']) {
      const res = await fetch(`${sim.baseUrl}/stream`, { method: 'POST', headers: key(sim), body: readFileSync(join(EXAMPLES, file), 'utf8') });
      expect(res.status, file).toBe(200);
      const made = (await res.json()) as { id: string; state: string; playout: { h5live: unknown[] } };
      expect(made.state).toBe('created');
      const listed = await getJson<{ id: string }[]>(sim, '/stream?quantity=1');
      expect(listed.json[0]?.id).toBe(made.id);
    }
  });

  it('the documented set-tags request replaces a stream\'s tags', async () => {
    const id = sim.control.listStreams()[1]!.id;
    const body = readFileSync(join(EXAMPLES, 'set-stream-tags-request.json'), 'utf8');
    const res = await fetch(`${sim.baseUrl}/stream/${id}/tag`, { method: 'PUT', headers: key(sim), body });
    expect(res.status).toBe(200);
    const after = await getJson<{ tags: string[] }>(sim, `/stream/${id}`);
    expect(after.json.tags).toEqual(JSON.parse(body).tags);
  });
});
