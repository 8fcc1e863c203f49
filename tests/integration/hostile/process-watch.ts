import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** What the process went through while watched. */
export interface ProcessFigures {
  peakRssMb: number;
  /**
   * The longest the event loop was blocked by this process's own work: main-thread CPU time
   * between two 10 ms ticks. On a busy machine the wall-clock delay also holds time the process
   * waited for a CPU, which says nothing about the code.
   */
  maxStallMs: number;
  /** The longest event-loop delay by the wall clock (`monitorEventLoopDelay`), for reference. */
  maxWallDelayMs: number;
  /** The 1-minute load average when the watch stopped. */
  load: number;
}

const TICK_MS = 10;
/** Linux reports thread CPU time in clock ticks of 10 ms. */
const CLOCK_TICK_MS = 10;

/** CPU time (user + system) of the main thread so far, in ms; null where /proc is not there. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return null;
  }
}

/**
 * Watches this process: resident memory, and how long its event loop was blocked. Start it once
 * the fixture's own preparation is done, so only the work under test is measured.
 */
export function watchProcess(): { stop(): ProcessFigures } {
  const loop = monitorEventLoopDelay({ resolution: TICK_MS });
  loop.enable();
  let peak = process.memoryUsage.rss();
  let lastCpu = mainThreadCpuMs();
  let lastAt = performance.now();
  let maxStall = 0;
  const ticker = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    const cpu = mainThreadCpuMs();
    const at = performance.now();
    // Without /proc, the wall-clock gap is the best there is.
    const busy = cpu !== null && lastCpu !== null ? cpu - lastCpu : at - lastAt - TICK_MS;
    maxStall = Math.max(maxStall, Math.min(busy, at - lastAt));
    lastCpu = cpu;
    lastAt = at;
  }, TICK_MS);
  return {
    stop() {
      clearInterval(ticker);
      loop.disable();
      peak = Math.max(peak, process.memoryUsage.rss());
      return { peakRssMb: peak / (1024 * 1024), maxStallMs: maxStall, maxWallDelayMs: loop.max / 1e6, load: loadavg()[0] ?? 0 };
    },
  };
}
