/**
 * Test helpers for downloads: a simulator with recordings, the manager under test, a file system
 * that can be made to fail, and small waits.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Recording, Stream } from '../../../src/shared/domain';
import { BintuClient } from '../../../src/main/core/bintu/bintu-client';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { DownloadManager, nodeDownloadFs, type DownloadFs, type DownloadManagerOptions } from '../../../src/main/core/downloads/download-manager';
import type { DownloadRecord } from '../../../src/main/core/downloads/download-types';
import { startSimulator, type Simulator } from '../../../src/main/simulator/index';
import { UrlRules } from '../../../src/main/core/http/url-rules';

/** sha256 of bytes, hex. */
export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A fresh empty folder under the system's temp folder. */
export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** The nanoAdmin API key of the simulated organisation. */
export function adminKey(sim: Simulator): string {
  return sim.credentials.find((c) => c.kind === 'apiKey' && c.role === 'nanoAdmin' && c.liveProcessing)!.secret;
}

/** A running simulator, an HTTP client and every stream with its recordings. */
export interface World {
  sim: Simulator;
  http: HttpClient;
  streams: Stream[];
  /** Streams that have recordings, with their first one. */
  withRecordings: Array<{ stream: Stream; recording: Recording }>;
  close(): Promise<void>;
}

/** Starts a seeded simulator and reads every stream's details. */
export async function startWorld(seed = 5): Promise<World> {
  const sim = await startSimulator({ streams: 12, groups: 2, seed, lifecycle: false });
  const http = new HttpClient();
  const client = new BintuClient({ apiBase: sim.baseUrl, credential: { kind: 'apiKey', secret: adminKey(sim) }, http });
  const listed = await client.listStreams({ quantity: 50 });
  const streams = await Promise.all(listed.map((s) => client.getStream(s.id, { assetLimit: 50 })));
  const withRecordings = streams.filter((s) => s.recordings.length > 0).map((stream) => ({ stream, recording: stream.recordings[0]! }));
  return {
    sim,
    http,
    streams,
    withRecordings,
    close: async () => {
      http.dispose();
      await sim.close();
    },
  };
}

/** The recording's bytes straight from the simulator, for comparing with what landed on disk. */
export async function serverBytes(recording: Recording): Promise<Buffer> {
  const res = await fetch(recording.url);
  if (res.status !== 200) throw new Error(`simulator answered ${res.status} for ${recording.url}`);
  return Buffer.from(await res.arrayBuffer());
}

/** A manager with fast retries and a state file in its own folder; its recordings come from a loopback API (the simulator). */
export function makeManager(http: HttpClient, overrides: Partial<DownloadManagerOptions> = {}): DownloadManager {
  return new DownloadManager({
    http,
    rules: new UrlRules('http://127.0.0.1'),
    stateFile: join(tempDir('dl-state-'), 'downloads.json'),
    retryDelaysMs: [50, 100, 200],
    progressIntervalMs: 50,
    ...overrides,
  });
}

/** Waits until `probe` finds what it looks for in the manager's list (checked on every change). */
export function waitFor<T>(manager: DownloadManager, probe: (list: DownloadRecord[]) => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = probe(manager.list());
      if (!found) return false;
      clearTimeout(timer);
      clearInterval(poll);
      sub.dispose();
      resolve(found);
      return true;
    };
    const timer = setTimeout(() => {
      clearInterval(poll);
      sub.dispose();
      reject(new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(manager.list().map((d) => [d.fileName, d.state, d.bytes, d.error]))}`));
    }, timeoutMs);
    // Changes are events, but a poll also catches a state reached between subscribe and check.
    const poll = setInterval(check, 25);
    const sub = manager.onDidChange(() => check());
    check();
  });
}

/** Waits until the download `id` is in a final state and returns it. */
export function settled(manager: DownloadManager, id: string, timeoutMs?: number): Promise<DownloadRecord> {
  return waitFor(manager, (list) => list.find((d) => d.id === id && ['done', 'failed', 'cancelled'].includes(d.state)), timeoutMs);
}

/** File names in a folder, sorted. */
export async function namesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort();
}

/** A file's sha256. */
export async function fileSha(path: string): Promise<string> {
  return sha256(await readFile(path));
}

/** The real file system with a switch that makes `.part` writes fail with a Node error code. */
export function failingFs(): { fs: DownloadFs; failWith: (code: string | null, afterBytes?: number) => void; writes: () => number } {
  const real = nodeDownloadFs();
  let code: string | null = null;
  let budget = 0;
  let written = 0;
  const fs: DownloadFs = {
    ...real,
    async openPart(path, truncate) {
      const sink = await real.openPart(path, truncate);
      return {
        ...sink,
        async write(data, position) {
          if (code !== null && written + data.length > budget) {
            // Like a real full disk: what fits is written, then the write fails.
            const fits = Math.max(0, budget - written);
            if (fits > 0) await sink.write(data.subarray(0, fits), position);
            written += fits;
            throw Object.assign(new Error(`${code}: simulated`), { code });
          }
          written += data.length;
          await sink.write(data, position);
        },
      };
    },
  };
  return {
    fs,
    failWith: (next, afterBytes = 0) => {
      code = next;
      budget = written + afterBytes;
    },
    writes: () => written,
  };
}
