/** Command-line settings of `npm run bench`. */
export interface BenchFlags {
  /** Steady-state window in seconds. */
  windowS: number;
  /** Warm-up before the window opens, in seconds. */
  warmupS: number;
  streams: number;
  groups: number;
  seed: number;
  latencyMs: number;
  jitterMs: number;
  /** Seconds between the naive client's rounds; 0 leaves the naive client out. */
  naiveIntervalS: number;
  /** 1: the app's poller feeds the alarm detector, as in the app; 0: polling alone. */
  detection: number;
  /** Which runs: `both` (default: the single organisation, then several), `single` or `multi`. */
  runs: 'both' | 'single' | 'multi';
}

/** Usage line for `--help` and bad flags. */
export const BENCH_USAGE = 'usage: npm run bench -- [--window S=120] [--warmup S=20] [--streams N=200] [--groups N=40] [--seed N=7] [--latency MS=40] [--jitter MS=0] [--naive-interval S=10] [--detection 1|0] [--multi | --single]';

const NAMES: Record<string, Exclude<keyof BenchFlags, 'runs'>> = {
  '--window': 'windowS',
  '--warmup': 'warmupS',
  '--streams': 'streams',
  '--groups': 'groups',
  '--seed': 'seed',
  '--latency': 'latencyMs',
  '--jitter': 'jitterMs',
  '--naive-interval': 'naiveIntervalS',
  '--detection': 'detection',
};

/** Parses argv (without node and script); throws with a readable message on a bad flag. */
export function parseBenchFlags(argv: readonly string[]): BenchFlags {
  const flags: BenchFlags = { windowS: 120, warmupS: 20, streams: 200, groups: 40, seed: 7, latencyMs: 40, jitterMs: 0, naiveIntervalS: 10, detection: 1, runs: 'both' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    // `--multi` runs only the multi-organisation run, `--single` only the single one.
    if (arg === '--multi' || arg === '--single') {
      flags.runs = arg === '--multi' ? 'multi' : 'single';
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = NAMES[flag];
    if (!key) throw new Error(`unknown flag ${arg}`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} wants a non-negative number`);
    flags[key] = value;
  }
  if (flags.windowS < 1) throw new Error('--window must be at least 1 second');
  return flags;
}
