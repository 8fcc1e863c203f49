import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The garbage collector: `--expose-gc`'s global, or the same function obtained at run time. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  // Without the flag, V8 still hands out gc() to a context created after the flag is set.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap used after a full garbage collection, in MB. */
export function heapAfterGcMb(): number {
  const gc = collector();
  // Two passes: the first may only queue finalisers that free more on the second.
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** Resident set size of this process, in MB. */
export function rssMb(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}
