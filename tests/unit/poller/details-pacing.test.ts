import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Stream } from '../../../src/shared/domain';
import { AssetStore } from '../../../src/main/core/assets/asset-store';
import { normaliseStream } from '../../../src/main/core/bintu/normalise';
import { HttpClient } from '../../../src/main/core/http/http-client';
import { Poller, type StreamSource } from '../../../src/main/core/poller/poller';

/** A bintu whose list has `n` streams without assets, counting details requests in flight. */
function pacedSource(n: number, listed = n) {
  let inFlight = 0;
  let most = 0;
  let answered = 0;
  const source: StreamSource = {
    apiBase: 'https://bintu.example',
    async listStreams() {
      return Array.from({ length: listed }, (_, i) => normaliseStream({ id: `s${i}`, state: 'live' })!);
    },
    async getStream(id): Promise<Stream> {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      answered++;
      return normaliseStream({ id, state: 'live', playout: { thumbnails: [{ url: `https://vod.example/${id}.jpg` }] } })!;
    },
  };
  return { source, most: () => most, answered: () => answered };
}

async function until(probe: () => boolean): Promise<void> {
  while (!probe()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('details pacing', () => {
  it('asks for every stream, never more at once than the per-host cap', async () => {
    const http = new HttpClient({ maxSocketsPerHost: 4 });
    const fake = pacedSource(300);
    const poller = new Poller({ source: fake.source, http, store: new AssetStore(mkdtempSync(join(tmpdir(), 'wall-pace-'))), listIntervalMs: 60_000, detailsIntervalMs: 600_000, quantity: 300, assetLimit: 10 });
    poller.setVisible(new Set());
    poller.start();
    await until(() => fake.answered() >= 300);
    expect(fake.most()).toBe(4);
    expect(poller.model().streams.every((s) => s.variants.length === 1)).toBe(true);
    poller.dispose();
    http.dispose();
  });

  it('keeps no more streams than asked for, whatever the source sends', async () => {
    const http = new HttpClient();
    const fake = pacedSource(0, 500);
    const poller = new Poller({ source: fake.source, http, store: new AssetStore(mkdtempSync(join(tmpdir(), 'wall-pace-'))), listIntervalMs: 60_000, detailsIntervalMs: 600_000, quantity: 50, assetLimit: 10 });
    poller.setVisible(new Set());
    poller.start();
    await until(() => poller.model().streams.length > 0);
    expect(poller.model().streams).toHaveLength(50);
    expect(poller.model().truncated).toBe(true);
    poller.dispose();
    http.dispose();
  });
});
