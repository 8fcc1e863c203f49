/** Command-line settings of `npm run bench:alarms`. */
export interface AlarmBenchFlags {
  streams: number;
  groups: number;
  seed: number;
  latencyMs: number;
  /** Seconds before the first injection: every stream has its first pictures judged. */
  warmupS: number;
  /** Seconds over which the injections are spread. */
  spreadS: number;
  /** Seconds after the last injection that false alarms are still looked for, at least. */
  quietS: number;
  /** Thumbnail intervals are drawn per stream from [thumbMinS, thumbMaxS]. */
  thumbMinS: number;
  thumbMaxS: number;
  nearlyStatic: number;
  perType: number;
}

/** Usage line for bad flags. */
export const ALARM_BENCH_USAGE = 'usage: npm run bench:alarms -- [--streams N=200] [--groups N=40] [--seed N=7] [--latency MS=40] [--warmup S=30] [--spread S=30] [--quiet S=30] [--thumb-min S=10] [--thumb-max S=30] [--nearly-static N=40] [--per-type N=10]';

const NAMES: Record<string, keyof AlarmBenchFlags> = {
  '--streams': 'streams',
  '--groups': 'groups',
  '--seed': 'seed',
  '--latency': 'latencyMs',
  '--warmup': 'warmupS',
  '--spread': 'spreadS',
  '--quiet': 'quietS',
  '--thumb-min': 'thumbMinS',
  '--thumb-max': 'thumbMaxS',
  '--nearly-static': 'nearlyStatic',
  '--per-type': 'perType',
};

/** Parses argv (without node and script); throws with a readable message on a bad flag. */
export function parseAlarmBenchFlags(argv: readonly string[]): AlarmBenchFlags {
  const flags: AlarmBenchFlags = { streams: 200, groups: 40, seed: 7, latencyMs: 40, warmupS: 30, spreadS: 30, quietS: 30, thumbMinS: 10, thumbMaxS: 30, nearlyStatic: 40, perType: 10 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = NAMES[flag];
    if (!key) throw new Error(`unknown flag ${arg}`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} wants a non-negative number`);
    flags[key] = value;
  }
  if (flags.thumbMinS < 10 || flags.thumbMaxS < flags.thumbMinS) throw new Error('thumbnail intervals: 10 <= --thumb-min <= --thumb-max (bintu\'s floor is 10 s)');
  return flags;
}
