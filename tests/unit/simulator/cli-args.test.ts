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

  it('prints each credential as "api key (ROLE): SECRET" or "token (ROLE): SECRET"', () => {
    const base = { organisation: 'o', liveProcessing: true, secret: 's3cr3t' };
    expect(credentialLine({ ...base, kind: 'apiKey', role: 'nanoAdmin' })).toBe('api key (nanoAdmin): s3cr3t');
    expect(credentialLine({ ...base, kind: 'token', role: 'nanoReadOnly' })).toBe('token (nanoReadOnly): s3cr3t');
    expect(credentialLine({ ...base, kind: 'apiKey', role: 'nanoAdmin', liveProcessing: false })).not.toMatch(/^api key \(\w+\):/);
  });
});
