/**
 * Command-line flags of the simulator CLI, parsed into `SimulatorOptions`, and its output lines.
 */
import { z } from 'zod';
import { parseFaultSpec } from './fault-schema';
import type { FaultSpec, SimCredential, SimulatorOptions } from './types';

/** Usage text printed for `--help` and on a bad flag. */
export const USAGE = `usage: simulator [--streams N] [--groups N] [--port P] [--asset-port P] [--seed N]
                 [--latency MS] [--jitter MS] [--error-rate 0..1]
                 [--thumb-interval MIN,MAX] [--motion-interval MIN,MAX] [--no-lifecycle] [--demo]
                 [--list-without-assets]
                 [--fault [STREAM:]NAME[=VALUE]]...
  --fault sets one FaultSpec field (see README), for every stream or for STREAM (its index in the
  list, 0 = newest, or its id); VALUE is JSON or a plain word, true when left out. Examples:
  --fault 0:frozen  --fault 1:frozen=identical  --fault 2:uniform=#204080
  --fault '3:flapping={"periodS":20}'  --fault 4:thumbnail404  --fault latencyMs=40`;

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

function faultValue(text: string | undefined): unknown {
  if (text === undefined) return true;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Folds `--fault [STREAM:]NAME[=VALUE]` flags into global and per-stream specs, checked. */
function collectFaults(flags: string[], out: SimulatorOptions): void {
  const global: Record<string, unknown> = {};
  const perStream = new Map<string, Record<string, unknown>>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const left = eq < 0 ? flag : flag.slice(0, eq);
    const colon = left.indexOf(':');
    const target = colon < 0 ? null : left.slice(0, colon);
    const spec = target === null ? global : (perStream.get(target) ?? {});
    spec[left.slice(colon + 1)] = faultValue(eq < 0 ? undefined : flag.slice(eq + 1));
    if (target !== null) perStream.set(target, spec);
  }
  const check = (spec: Record<string, unknown>): FaultSpec => {
    try {
      return parseFaultSpec(spec);
    } catch (e) {
      const issues = e instanceof z.ZodError ? e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') : String(e);
      throw new Error(`--fault: ${issues}`, { cause: e });
    }
  };
  if (Object.keys(global).length > 0) out.faults = check(global);
  if (perStream.size > 0) {
    out.streamFaults = [...perStream].map(([target, spec]) => ({ stream: /^\d+$/.test(target) ? Number(target) : target, spec: check(spec) }));
  }
}

/** Parses argv (without node and script); throws an Error with a message on a bad flag. */
export function parseCliArgs(argv: string[]): SimulatorOptions & { help?: boolean } {
  const out: SimulatorOptions & { help?: boolean } = {};
  const faults: string[] = [];
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
    else if (flag === '--list-without-assets') out.listWithoutAssets = true;
    else if (flag === '--thumb-interval') out.thumbIntervalRange = range(flag, value());
    else if (flag === '--motion-interval') out.motionIntervalRange = range(flag, value());
    else if (flag === '--fault') faults.push(value());
    else if (flag in NUMERIC) {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} wants a non-negative number`);
      (out as Record<string, unknown>)[NUMERIC[flag]!] = n;
    } else if (flag === '--') continue;
    else throw new Error(`unknown flag ${arg}`);
  }
  collectFaults(faults, out);
  return out;
}

/** One printed line per credential, e.g. `api key (nanoAdmin): <secret>`. */
export function credentialLine(c: SimCredential): string {
  const kind = c.kind === 'apiKey' ? 'api key' : 'token';
  // The second organisation's key gets a longer label so `api key (ROLE):` stays unambiguous.
  const role = c.liveProcessing ? c.role : `${c.role}, without Live Processing`;
  return `${kind} (${role}): ${c.secret}`;
}
