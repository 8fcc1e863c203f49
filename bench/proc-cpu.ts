import { readFileSync } from 'node:fs';

/** Linux reports process CPU time in clock ticks of 10 ms. */
const CLOCK_TICK_MS = 10;

/**
 * CPU time (user + system) a process has used so far, in ms, from `/proc`; null elsewhere. The
 * bench reads the simulator's, so a simulator starved of CPU on a shared machine shows as such.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return null;
  }
}
