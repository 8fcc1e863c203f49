/**
 * Soak benchmark for the bintu simulator: 200 streams (40 ABR groups) in a child process, and a
 * client that hammers the list, details, thumbnails, motion clips and recording ranges for a few
 * minutes. Every 15 s it prints the simulator's RSS, heap, CPU share and picture-cache size, so
 * one can see memory and CPU stay flat.
 *
 *   npx tsx bench/simulator-soak.ts [--minutes 3] [--concurrency 8]
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('minutes', 3);
const CONCURRENCY = arg('concurrency', 8);
const SAMPLE_MS = 15_000;

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; bytes: number; body: string }

function get(url: string, headers: Record<string, string> = {}, keepBody = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (keepBody) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: keepBody ? Buffer.concat(chunks).toString() : '' }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function startChild(): Promise<{ base: string; key: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/simulator/cli.ts', '--streams', '200', '--groups', '40', '--seed', '7'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('control:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const base = /^base url: (\S+)$/m.exec(out)?.[1];
  const key = /^api key \(nanoAdmin\): (\S+)$/m.exec(out)?.[1];
  if (!base || !key) throw new Error('could not read the simulator banner');
  return { base, key, stop: () => child.kill('SIGTERM') };
}

interface Health { rssBytes: number; heapUsedBytes: number; cpuUserMs: number; cpuSystemMs: number; pictureCacheBytes: number }

async function main(): Promise<void> {
  const sim = await startChild();
  const auth = { 'X-BINTU-APIKEY': sim.key };
  const etags = new Map<string, string>();
  let assetUrls: string[] = [];
  let recordingUrls: string[] = [];
  let ids: string[] = [];
  let requests = 0;
  let errors = 0;
  const deadline = Date.now() + MINUTES * 60_000;

  const refreshList = async (): Promise<void> => {
    const list = JSON.parse((await get(`${sim.base}/stream?quantity=200`, auth, true)).body) as { id: string }[];
    ids = list.map((s) => s.id);
  };
  await refreshList();
  const one = async (i: number): Promise<void> => {
    const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
    const r = i % 10;
    if (r === 0) return refreshList();
    if (r < 4) {
      const id = pick(ids);
      if (!id) return;
      const d = JSON.parse((await get(`${sim.base}/stream/${id}?asset_limit=10`, auth, true)).body) as {
        playout?: { thumbnails?: { url: string }[]; motionclip?: { url: string }[]; web?: { type: string; url: string }[] };
      };
      const found = [...(d.playout?.thumbnails ?? []), ...(d.playout?.motionclip ?? [])].map((a) => a.url);
      assetUrls = [...new Set([...assetUrls, ...found])].slice(-600);
      const recs = (d.playout?.web ?? []).filter((w) => w.type === 'vod').map((w) => w.url);
      recordingUrls = [...new Set([...recordingUrls, ...recs])].slice(-300);
      return;
    }
    if (r < 9) {
      const url = pick(assetUrls);
      if (!url) return;
      // Half the asset requests are conditional, as a well-behaved poller's are.
      const etag = etags.get(url);
      const res = await get(url, etag && i % 2 === 0 ? { 'If-None-Match': etag } : {});
      const tag = res.headers.etag;
      if (typeof tag === 'string') etags.set(url, tag);
      return;
    }
    const url = pick(recordingUrls);
    if (url) await get(url, { Range: `bytes=${Math.floor(Math.random() * 4000)}-${4000 + Math.floor(Math.random() * 20000)}` });
  };
  const worker = async (w: number): Promise<void> => {
    for (let i = w; Date.now() < deadline; i += CONCURRENCY) {
      try {
        await one(i);
        requests++;
      } catch {
        errors++;
      }
    }
  };
  const health = async (): Promise<Health> => JSON.parse((await get(`${sim.base}/_sim/health`, {}, true)).body) as Health;
  const mb = (b: number): string => (b / 1048576).toFixed(1).padStart(7);
  let last = await health();
  let lastAt = Date.now();
  let lastRequests = 0;
  const started = Date.now();
  console.log(`soak: 200 streams, ${CONCURRENCY} client workers, ${MINUTES} min`);
  console.log('   t(s)  rss(MB)  heap(MB)  cache(MB)  cpu(%)   req/s  errors');
  const timer = setInterval(() => {
    void health().then((h) => {
      const now = Date.now();
      const cpu = ((h.cpuUserMs + h.cpuSystemMs - last.cpuUserMs - last.cpuSystemMs) / (now - lastAt)) * 100;
      const rate = ((requests - lastRequests) * 1000) / (now - lastAt);
      console.log(`${String(Math.round((now - started) / 1000)).padStart(7)}  ${mb(h.rssBytes)}  ${mb(h.heapUsedBytes)}   ${mb(h.pictureCacheBytes)}  ${cpu.toFixed(1).padStart(6)}  ${rate.toFixed(0).padStart(6)}  ${errors}`);
      last = h;
      lastAt = now;
      lastRequests = requests;
    });
  }, SAMPLE_MS);
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  clearInterval(timer);
  const stats = JSON.parse((await get(`${sim.base}/_sim/stats`, {}, true)).body) as { requests: Record<string, number>; notModified: number; renders: { jpeg: number; gif: number } };
  console.log(`done: ${requests} requests, ${errors} errors; by kind ${JSON.stringify(stats.requests)}; 304s ${stats.notModified}; renders ${JSON.stringify(stats.renders)}`);
  sim.stop();
  agent.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
