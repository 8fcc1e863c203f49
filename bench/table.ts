import type { TargetResult } from './results-file';

/** Formats rows as a left-aligned text table; the first row is the header. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: readonly string[]): string => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('   ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('   ');
  const [header, ...body] = rows;
  return [header ? line(header) : '', rule, ...body.map(line)].join('\n');
}

/** One line per target: name, value, bound, pass or FAIL. */
export function formatTargets(targets: Record<string, TargetResult>, units: Record<string, string> = {}): string {
  const rows = Object.entries(targets).map(([name, t]) => [
    name,
    `${round(t.value)}${units[name] ?? ''}`,
    `${t.op} ${t.limit}${units[name] ?? ''}`,
    t.pass ? 'pass' : 'FAIL',
  ]);
  return formatTable([['target', 'measured', 'wanted', 'result'], ...rows]);
}

/** Bytes as MB with one decimal. */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/** A whole number with thousands separators. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-GB');
}

/** Milliseconds as seconds with two decimals. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Rounds for display and for results.json: three significant decimals at most. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
