import { createHash } from 'node:crypto';
import type { Simulator } from '../../../src/main/simulator';
import { credential } from './sim-oracle';

/** A stream's recordings as bintu lists them (raw), with the bytes the asset host serves. */
export async function recordingsOf(sim: Simulator, streamId: string): Promise<Array<{ url: string; fileName: string; sha256: string; size: number }>> {
  const res = await fetch(`${sim.baseUrl}/stream/${streamId}?asset_limit=10`, { headers: { 'X-BINTU-APIKEY': credential(sim).secret } });
  const body = (await res.json()) as { playout?: { web?: Array<{ type?: string; url?: string }> } };
  const urls = (body.playout?.web ?? []).filter((w) => w.type === 'vod' && w.url).map((w) => w.url as string);
  return Promise.all(
    urls.map(async (url) => {
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
      return { url, fileName: url.split('/').pop() as string, sha256: sha256(bytes), size: bytes.length };
    }),
  );
}

/** The hex sha256 of some bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
