/**
 * Command-line flags of the simulator CLI, parsed into `SimulatorOptions`, and its output lines.
 */
import type { SimCredential, SimulatorOptions } from './types';

/** Usage text printed for `--help` and on a bad flag. */
export const USAGE = `usage: simulator [--streams N] [--groups N] [--port P] [--asset-port P] [--seed N]
                 [--latency MS] [--jitter MS] [--error-rate 0..1]
                 [--thumb-interval MIN,MAX] [--motion-interval MIN,MAX] [--no-lifecycle] [--demo]`;

const NUMERIC: Record<string, keyof SimulatorOptions> = {
  '--streams': 'streams',
  '--groups': 'groups',
  '--port': 'port',
  '--asset-port': 'assetPort',
  '--seed': 'seed',
  '--latency': 'latencyMs',
  '--jitter': 'jitterMs',
  '--error-rate': 'errorRate',
};

function range(flag: string, value: string): [number, number] {
  const parts = value.split(',').map(Number);
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) throw new Error(`${flag} wants MIN,MAX`);
  return [parts[0]!, parts[1]!];
}

/** Parses argv (without node and script); throws an Error with a message on a bad flag. */
export function parseCliArgs(argv: string[]): SimulatorOptions & { help?: boolean } {
  const out: SimulatorOptions & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--demo') out.demo = true;
    else if (flag === '--no-lifecycle') out.lifecycle = false;
    else if (flag === '--thumb-interval') out.thumbIntervalRange = range(flag, value());
    else if (flag === '--motion-interval') out.motionIntervalRange = range(flag, value());
    else if (flag in NUMERIC) {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} wants a non-negative number`);
      (out as Record<string, unknown>)[NUMERIC[flag]!] = n;
    } else if (flag === '--') continue;
    else throw new Error(`unknown flag ${arg}`);
  }
  return out;
}

/** One printed line per credential, e.g. `api key (nanoAdmin): <secret>`. */
export function credentialLine(c: SimCredential): string {
  const kind = c.kind === 'apiKey' ? 'api key' : 'token';
  // The second organisation's key gets a longer label so `api key (ROLE):` stays unambiguous.
  const role = c.liveProcessing ? c.role : `${c.role}, without Live Processing`;
  return `${kind} (${role}): ${c.secret}`;
}
