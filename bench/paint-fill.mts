import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { CredentialVault } from '../src/main/core/credential-vault';
import { startSimulator } from '../src/main/simulator';
import { startHarness, type Harness } from '../tests/e2e/harness/harness';
import { KEEP_NAMES_SHIM, viewportPictures } from './paint-probe.mjs';

/** The wall the paint bench fills: as `npm run bench` polls it. */
export const PAINT_WALL = { streams: 200, groups: 40, seed: 7, thumbIntervalRange: [10, 60], motionIntervalRange: [30, 120], lifecycle: false } as const;
/** The wall of the page-turn measurement: 500 streams on a 4x4 grid. */
export const PAGED_WALL = { ...PAINT_WALL, streams: 500, groups: 60, seed: 8 } as const;

/** A simulated wall to fill the cache from. */
export type WallSpec = typeof PAINT_WALL | typeof PAGED_WALL;
/** A control-room monitor. */
export const VIEWPORT = { width: 1920, height: 1080 } as const;

/** What the online wall looked like once every picture was cached. */
export interface FilledWall {
  tiles: number;
  tilesWithPicture: number;
  /** Decoded pictures in the viewport at the top of the wall, online: what "fully painted" means offline. */
  visiblePictures: number;
  visibleTiles: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => T | null | Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** Waits until the wall holds every stream and no more pictures arrive for a few seconds. */
async function picturesSettled(harness: Harness, streams: number): Promise<{ tiles: number; withPicture: number; at: number }> {
  let last = -1;
  let since = Date.now();
  return until('every picture to be cached', Math.max(90_000, streams * 400), () => {
    const wall = harness.app.session.wall();
    const withPicture = wall.streams.filter((t) => t.variants.some((v) => v.thumbnail !== null)).length;
    if (withPicture !== last || wall.streams.length < streams) {
      last = withPicture;
      since = Date.now();
      return null;
    }
    return withPicture > 0 && Date.now() - since > 4000 ? { tiles: wall.streams.length, withPicture, at: since } : null;
  });
}

/** The newest wall snapshot's write time in the cache folder, or 0. */
function newestSnapshot(userDataDir: string): number {
  const dir = join(userDataDir, 'cache', 'walls');
  try {
    return Math.max(0, ...readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => statSync(join(dir, f)).mtimeMs));
  } catch {
    return 0;
  }
}

/**
 * Connects a fresh app to a simulator with `wall`'s streams (200 unless given), waits until every
 * picture is cached and a wall snapshot written after that, and counts what the viewport shows
 * online. Stops the simulator and the app before returning: the cache is all that is left.
 * `settings` are stored first (a 4x4 grid, say).
 */
export async function fillCache(browser: Browser, userDataDir: string, vault: CredentialVault, wall: WallSpec = PAINT_WALL, settings: Record<string, unknown> = {}): Promise<FilledWall> {
  // A quantity above the stream count, so the list returns them all (the app's default is 50).
  writeFileSync(join(userDataDir, 'settings.json'), JSON.stringify({ settings: { quantity: wall.streams + 50, ...settings } }));
  const sim = await startSimulator({ ...wall, thumbIntervalRange: [...wall.thumbIntervalRange], motionIntervalRange: [...wall.motionIntervalRange] });
  const harness = await startHarness({ userDataDir, vault });
  try {
    const admin = sim.credentials.find((c) => c.kind === 'apiKey' && c.role === 'nanoAdmin' && c.liveProcessing);
    if (!admin) throw new Error('the simulator offers no admin key');
    await harness.app.session.connect({ name: 'Paint bench', apiBase: sim.baseUrl, credentialKind: 'apiKey', secret: admin.secret });
    const settled = await picturesSettled(harness, wall.streams);
    await until('a wall snapshot with every picture', 30_000, () => (newestSnapshot(userDataDir) > settled.at ? true : null));
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      // A broken page would otherwise only show up as a time-out.
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      await page.addInitScript(KEEP_NAMES_SHIM);
      await harness.attach(page);
      await page.goto(harness.url);
      const seen = await until('the online wall to show its pictures', 30_000, async () => {
        const v = await page.evaluate(viewportPictures);
        return v.decoded > 0 && v.pending === 0 ? v : null;
      });
      return { tiles: settled.tiles, tilesWithPicture: settled.withPicture, visiblePictures: seen.decoded, visibleTiles: seen.tiles };
    } finally {
      await context.close();
    }
  } finally {
    await harness.close();
    await sim.close();
  }
}
