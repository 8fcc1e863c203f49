import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `bench/results.json`, shared by `npm run bench` and `npm run bench:paint`. */
export const RESULTS_PATH = fileURLToPath(new URL('./results.json', import.meta.url));

/** One target: the measured value, the bound and whether it was met. */
export interface TargetResult {
  value: number;
  op: '<=' | '<';
  limit: number;
  pass: boolean;
}

/** Checks a value against its bound. */
export function checkTarget(value: number, op: '<=' | '<', limit: number): TargetResult {
  const pass = Number.isFinite(value) && (op === '<=' ? value <= limit : value < limit);
  return { value, op, limit, pass };
}

/**
 * Adds fields to the results file without dropping those the other bench wrote: top-level keys
 * are replaced, `targets` is merged key by key, and `pass` is recomputed over every target.
 */
export function mergeResults(fields: Record<string, unknown>, targets: Record<string, TargetResult>, path = RESULTS_PATH): Record<string, unknown> {
  let previous: Record<string, unknown> = {};
  if (existsSync(path)) {
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) previous = parsed as Record<string, unknown>;
    } catch {
      // A damaged results file is replaced rather than stopping the bench.
    }
  }
  const oldTargets = (previous['targets'] ?? {}) as Record<string, TargetResult>;
  const allTargets = { ...oldTargets, ...targets };
  const merged = { ...previous, ...fields, targets: allTargets, pass: Object.values(allTargets).every((t) => t.pass) };
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(temporary, path);
  return merged;
}
