import { describe, expect, it } from 'vitest';
import { parseBenchFlags } from '../../../bench/flags';
import { multiRefreshBound } from '../../../bench/multi-run';

describe('npm run bench: the multi-organisation run', () => {
  it('runs both parts by default, only one with --multi or --single, other flags unchanged', () => {
    expect(parseBenchFlags([]).runs).toBe('both');
    expect(parseBenchFlags(['--', '--multi', '--window', '30'])).toMatchObject({ runs: 'multi', windowS: 30 });
    expect(parseBenchFlags(['--single']).runs).toBe('single');
    expect(() => parseBenchFlags(['--multy'])).toThrow(/unknown flag/);
  });

  it('bounds a refresh by the busiest host: its organisations share its connection cap', () => {
    // Two organisations of 51 requests on each host, 6 connections per host, 40 ms a request.
    expect(multiRefreshBound([102, 102], 40, 6)).toBe(680);
    // Not 4 x 51 spread over two hosts' 12 connections as if they were one pool: the busier host decides.
    expect(multiRefreshBound([153, 51], 40, 6)).toBe(1020);
  });
});
