/**
 * `npm run bench:scaling`: how a full details pass grows with the number of streams. For each
 * size, a poller (the app's own) lists an in-memory bintu (`scaling-source.ts`) and asks every
 * stream's details through its per-host pacing, merging each answer and building the page's view
 * on every wall update, as the app does. Pictures are paused, so only the poller's work counts.
 * Target: the pass for 16,000 streams takes at most 16 times the pass for 1,000.
 *
 *   npm run bench:scaling -- [--sizes 1000,2000,4000,8000,16000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetStore } from '../src/main/core/assets/asset-store';
import { HttpClient } from '../src/main/core/http/http-client';
import { Poller } from '../src/main/core/poller/poller';
import { WallViewBuilder } from '../src/main/core/poller/wall-view';
import { heapAfterGcMb } from './heap';
import { checkTarget, mergeResults } from './results-file';
import { ScalingSource } from './scaling-source';
import { formatTable, formatTargets } from './table';

interface Pass {
  streams: number;
  /** Wall-clock time of the pass. */
  ms: number;
  /** CPU time this process spent in it: on a shared machine the steadier measure of the work. */
  cpuMs: number;
  views: number;
  viewMs: number;
}

async function pass(n: number, dir: string): Promise<Pass> {
  heapAfterGcMb();
  const http = new HttpClient();
  const source = new ScalingSource(n);
  const poller = new Poller({ source, http, store: new AssetStore(dir), listIntervalMs: 3_600_000, detailsIntervalMs: 3_600_000, quantity: n, assetLimit: 10 });
  poller.setVisible(new Set());
  const views = new WallViewBuilder((name) => `wall-asset://cache/${name}`, { profileId: 'p1', name: 'Org' });
  let built = 0;
  let viewMs = 0;
  poller.onDidChange(() => {
    const at = performance.now();
    views.build(poller.model(), http.stats());
    viewMs += performance.now() - at;
    built++;
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  poller.start();
  await source.answeredAll();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  poller.dispose();
  http.dispose();
  return { streams: n, ms, cpuMs: (used.user + used.system) / 1000, views: built, viewMs };
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--sizes');
  const sizes = (flag >= 0 ? (process.argv[flag + 1] ?? '') : '1000,2000,4000,8000,16000').split(',').map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(join(tmpdir(), 'bintu-wall-scaling-'));
  try {
    // One unmeasured pass compiles the code paths first.
    await pass(sizes[0] ?? 1000, dir);
    const passes: Pass[] = [];
    for (const n of sizes) {
      passes.push(await pass(n, dir));
      const last = passes.at(-1)!;
      console.log(`  ${n} streams: ${Math.round(last.ms)} ms, ${Math.round(last.cpuMs)} ms CPU (${last.views} view builds, ${Math.round(last.viewMs)} ms of them)`);
    }
    const base = passes.find((p) => p.streams === 1000) ?? passes[0]!;
    const top = passes.find((p) => p.streams === 16_000) ?? passes.at(-1)!;
    const ratio = Math.round((top.ms / base.ms) * 100) / 100;
    const cpuRatio = Math.round((top.cpuMs / base.cpuMs) * 100) / 100;
    const growth = top.streams / base.streams;
    console.log('');
    console.log(formatTable([
      ['streams', 'full details pass', 'CPU', 'CPU per 1,000 streams', 'vs 1,000 (wall / CPU)', 'view builds (ms)'],
      ...passes.map((p) => [
        String(p.streams),
        `${Math.round(p.ms)} ms`,
        `${Math.round(p.cpuMs)} ms`,
        `${Math.round((p.cpuMs / p.streams) * 1000)} ms`,
        `${(p.ms / base.ms).toFixed(2)}x / ${(p.cpuMs / base.cpuMs).toFixed(2)}x`,
        `${p.views} (${Math.round(p.viewMs)})`,
      ]),
    ]));
    const targets = { scaling_ratio: checkTarget(ratio, '<=', growth), scaling_cpu_ratio: checkTarget(cpuRatio, '<=', growth) };
    console.log('');
    console.log(formatTargets(targets, {}));
    mergeResults({
      scaling_passes_ms: Object.fromEntries(passes.map((p) => [p.streams, Math.round(p.ms)])),
      scaling_passes_cpu_ms: Object.fromEntries(passes.map((p) => [p.streams, Math.round(p.cpuMs)])),
      scaling_ratio: ratio,
      scaling_cpu_ratio: cpuRatio,
      scaling_measured_at: new Date().toISOString(),
    }, targets);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
