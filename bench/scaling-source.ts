import type { Stream } from '../src/shared/domain';
import { normaliseStream } from '../src/main/core/bintu/normalise';
import type { StreamSource } from '../src/main/core/poller/poller';

/**
 * An in-memory bintu for the scaling bench: `n` streams (every tenth an ABR group of three
 * qualities) whose list items carry no assets, so a full details pass asks for every one. Each
 * answer is a raw stream object normalised as the real client does, one event-loop turn later:
 * no network, so the pass measures the app's own work.
 */
export class ScalingSource implements StreamSource {
  readonly apiBase = 'https://bintu.example';
  /** Details answered so far; the pass is over when this reaches `n`. */
  answered = 0;
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(private readonly n: number) {}

  /** Resolves once `count` details have been answered. */
  answeredAll(count = this.n): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async listStreams(options: { quantity: number }): Promise<Stream[]> {
    await turn();
    const streams: Stream[] = [];
    for (let i = 0; i < Math.min(this.n, options.quantity); i++) {
      const stream = normaliseStream({ id: `s${i}`, state: 'live', tags: [`site:${i % 20}`, 'bench'], ingest: { rtmp: { streamname: `ORG-${i}` } } });
      if (stream) streams.push(stream);
    }
    return streams;
  }

  async getStream(id: string): Promise<Stream> {
    await turn();
    const stream = normaliseStream(rawDetails(Number(id.slice(1))), id);
    if (!stream) throw new Error(`no stream ${id}`);
    this.answered++;
    for (const waiter of this.waiters.splice(0)) {
      if (this.answered >= waiter.count) waiter.resolve();
      else this.waiters.push(waiter);
    }
    return stream;
  }
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function rawDetails(i: number): Record<string, unknown> {
  const qualities = i % 10 === 0 ? 3 : 1;
  const asset = (q: number, kind: string, ext: string) => ({ url: `https://vod.example/vod/thumbnails/ORG-${i}-${q}.${ext}`, type: kind, streamId: `s${i}-${q}`, streamname: `ORG-${i}-${q}` });
  const range = Array.from({ length: qualities }, (_, q) => q);
  return {
    id: `s${i}`, state: 'live', tags: [`site:${i % 20}`, 'bench'], created_at: '2026-01-01T00:00:00Z',
    ingest: { rtmp: { streamname: `ORG-${i}` } },
    playout: {
      h5live: range.map((q) => ({ id: `s${i}-${q}`, index: q, tags: [], processing: [{ id: 'thumbs', interval: 30 }, { id: 'motionclip', interval: 60, duration: 5 }, { id: 'rec' }] })),
      thumbnails: range.map((q) => asset(q, 'image', 'jpg')),
      motionclip: range.map((q) => asset(q, 'gif', 'gif')),
      replay: range.map((q) => ({ ...asset(q, 'playout', 'html'), url: `https://replay.example/live-replay/?streamname=ORG-${i}-${q}` })),
      web: Array.from({ length: 5 }, (_, r) => ({ type: 'vod', url: `https://vod.example/vod/ORG-${i}_${r}.mp4`, createdAt: '2026-01-01T00:00:00Z' })),
    },
  };
}
