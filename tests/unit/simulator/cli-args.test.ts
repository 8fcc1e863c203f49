import { describe, expect, it } from 'vitest';
import { credentialLine, parseCliArgs } from '../../../src/main/simulator/cli-args';

describe('simulator CLI arguments', () => {
  it('parses the documented command line', () => {
    const o = parseCliArgs('--streams 200 --groups 40 --latency 40 --jitter 10 --error-rate 0.02 --seed 7 --port 8787'.split(' '));
    expect(o).toEqual({ streams: 200, groups: 40, latencyMs: 40, jitterMs: 10, errorRate: 0.02, seed: 7, port: 8787 });
  });

  it('accepts --flag=value, ranges and switches, and rejects unknown or bad flags', () => {
    expect(parseCliArgs(['--', '--streams=5', '--thumb-interval', '10,30', '--no-lifecycle', '--demo'])).toEqual({
      streams: 5, thumbIntervalRange: [10, 30], lifecycle: false, demo: true,
    });
    expect(() => parseCliArgs(['--bogus'])).toThrow(/unknown flag/);
    expect(() => parseCliArgs(['--streams'])).toThrow(/needs a value/);
    expect(() => parseCliArgs(['--latency', 'fast'])).toThrow(/number/);
    expect(() => parseCliArgs(['--thumb-interval', '10'])).toThrow(/MIN,MAX/);
  });

  it('folds --fault flags into checked global and per-stream fault specs', () => {
    const o = parseCliArgs(['--fault', '0:frozen', '--fault=0:flapping={"periodS":20,"mode":"black"}', '--fault', 'latencyMs=40', '--fault', 'abc-def:uniform=#204080']);
    expect(o.faults).toEqual({ latencyMs: 40 });
    expect(o.streamFaults).toEqual([
      { stream: 0, spec: { frozen: true, flapping: { periodS: 20, mode: 'black' } } },
      { stream: 'abc-def', spec: { uniform: '#204080' } },
    ]);
    expect(() => parseCliArgs(['--fault', '0:frozn'])).toThrow(/--fault/);
    expect(() => parseCliArgs(['--fault', '1:unreadable=maybe'])).toThrow(/unreadable/);
  });

  it('prints each credential as "api key (ROLE): SECRET" or "token (ROLE): SECRET"', () => {
    const base = { organisation: 'o', liveProcessing: true, secret: 's3cr3t' };
    expect(credentialLine({ ...base, kind: 'apiKey', role: 'nanoAdmin' })).toBe('api key (nanoAdmin): s3cr3t');
    expect(credentialLine({ ...base, kind: 'token', role: 'nanoReadOnly' })).toBe('token (nanoReadOnly): s3cr3t');
    expect(credentialLine({ ...base, kind: 'apiKey', role: 'nanoAdmin', liveProcessing: false })).not.toMatch(/^api key \(\w+\):/);
  });
});
