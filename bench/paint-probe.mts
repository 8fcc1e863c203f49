/**
 * The page side of `npm run bench:paint`. Playwright serialises these functions into the page,
 * so each is self-contained: no imports, no helpers from this module.
 */

/** How the tiles inside the viewport look right now. */
export interface ViewportPictures {
  /** Tiles that intersect the viewport. */
  tiles: number;
  /** Of those, tiles whose thumbnail <img> has decoded pixels. */
  decoded: number;
  /** Tiles still waiting for their picture (placeholder of kind "thumbnail"). */
  pending: number;
}

/** Counts the tiles in the viewport with a decoded picture and those still waiting for one. */
export function viewportPictures(): ViewportPictures {
  const out = { tiles: 0, decoded: 0, pending: 0 };
  for (const tile of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="tile"]'))) {
    const box = tile.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= window.innerHeight || box.right <= 0 || box.left >= window.innerWidth) continue;
    out.tiles++;
    const img = tile.querySelector<HTMLImageElement>('img[data-testid="tile-thumbnail"]');
    if (img !== null && img.complete && img.naturalWidth > 0) out.decoded++;
    else if (tile.querySelector('[data-testid="tile-placeholder"][data-kind="thumbnail"]') !== null) out.pending++;
  }
  return out;
}

/**
 * Init script: from the first frame on, checks every animation frame whether the viewport shows
 * at least `expected` decoded tile pictures and none still pending, and stores the time of the
 * first frame where it does (ms since navigation start) in `window.__benchPaintedAt`; the first
 * frame with any tile in view goes to `window.__benchTilesAt`.
 */
export function installPaintProbe(expected: number): void {
  const state = window as unknown as { __benchPaintedAt?: number; __benchTilesAt?: number };
  const frame = (): void => {
    let decoded = 0;
    let pending = 0;
    for (const tile of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="tile"]'))) {
      const box = tile.getBoundingClientRect();
      if (box.bottom <= 0 || box.top >= window.innerHeight || box.right <= 0 || box.left >= window.innerWidth) continue;
      state.__benchTilesAt ??= performance.now();
      const img = tile.querySelector<HTMLImageElement>('img[data-testid="tile-thumbnail"]');
      if (img !== null && img.complete && img.naturalWidth > 0) decoded++;
      else if (tile.querySelector('[data-testid="tile-placeholder"][data-kind="thumbnail"]') !== null) pending++;
    }
    if (decoded >= expected && pending === 0) state.__benchPaintedAt = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One command the page sent to main, in ms since navigation start. */
export interface InvokeTiming {
  channel: string;
  startMs: number;
  endMs: number;
}

/** Milestones of the load so far, in ms since navigation start. */
export interface LoadMilestones {
  /** The HTML and scripts ran (DOMContentLoaded finished). */
  domReadyMs: number;
  /** The first frame with tiles in the viewport (pictures may still be pending). */
  tilesMs: number;
  /** The first frame with every viewport picture decoded. */
  paintedMs: number;
  /** Every command the page sent through the bridge so far. */
  invokes: InvokeTiming[];
}

/**
 * Init script: times every command the page sends through `window.wall`, by wrapping the bridge
 * as the harness installs it. Behaviour is unchanged; only start and end times are noted.
 */
export function installBridgeTimer(): void {
  const state = window as unknown as { __benchInvokes: { channel: string; startMs: number; endMs: number }[] };
  state.__benchInvokes = [];
  let bridge: unknown;
  Object.defineProperty(window, 'wall', {
    configurable: true,
    get: () => bridge,
    set(value: { invoke: (channel: string, payload?: unknown) => Promise<unknown> }) {
      const invoke = value.invoke.bind(value);
      value.invoke = async (channel, payload) => {
        const startMs = performance.now();
        try {
          return await invoke(channel, payload);
        } finally {
          state.__benchInvokes.push({ channel, startMs, endMs: performance.now() });
        }
      };
      bridge = value;
    },
  });
}

/** Reads the milestones the paint probe, the bridge timer and Navigation Timing recorded. */
export function loadMilestones(): LoadMilestones {
  const state = window as unknown as { __benchPaintedAt?: number; __benchTilesAt?: number; __benchInvokes?: InvokeTiming[] };
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    domReadyMs: nav?.domContentLoadedEventEnd ?? Number.NaN,
    tilesMs: state.__benchTilesAt ?? Number.NaN,
    paintedMs: state.__benchPaintedAt ?? Number.NaN,
    invokes: state.__benchInvokes ?? [],
  };
}

/** Starts recording the time of every animation frame into `window.__benchFrames`. */
export function startFrameRecorder(): void {
  const state = window as unknown as { __benchFrames: number[]; __benchRecording: boolean };
  state.__benchFrames = [];
  state.__benchRecording = true;
  const frame = (at: number): void => {
    state.__benchFrames.push(at);
    if (state.__benchRecording) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Stops the recorder and returns the gaps between consecutive frames, in ms. */
export function stopFrameRecorder(): number[] {
  const state = window as unknown as { __benchFrames: number[]; __benchRecording: boolean };
  state.__benchRecording = false;
  const frames = state.__benchFrames;
  return frames.slice(1).map((at, i) => at - (frames[i] ?? at));
}

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in a `__name(fn, "name")`
 * helper that does not exist in the page; this init script gives the page a harmless one.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';
