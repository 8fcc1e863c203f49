/**
 * The replay page bintu links from `playout.replay[]`: a self-contained HTML player (no external
 * scripts) for the stream's most recent recording, with a "back 30 s" button.
 */
import { recordingName, type VariantRef } from './catalogue';
import type { SimContext } from './context';
import type { Outgoing } from './transmit';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Path of the newest recording of the variant's stream, preferring the variant itself. */
export function latestRecordingPath(ctx: SimContext, ref: VariantRef): string | null {
  const session = ctx.schedule.sessions(ref.stream, ctx.now(), 1)[0];
  const variant = ref.variant.rec ? ref.variant : ref.stream.variants.find((v) => v.rec);
  if (!session || !variant) return null;
  return `/vod/${encodeURIComponent(recordingName(variant, session.n))}.mp4`;
}

const SCRIPT = `
const video = document.getElementById('replay');
const status = document.getElementById('status');
const show = () => { status.textContent = video.readyState > 0 ? 'At ' + video.currentTime.toFixed(1) + ' s of ' + video.duration.toFixed(1) + ' s' : 'Loading'; };
document.getElementById('back30').addEventListener('click', () => { video.currentTime = Math.max(0, video.currentTime - 30); show(); });
document.getElementById('latest').addEventListener('click', () => { if (Number.isFinite(video.duration)) video.currentTime = Math.max(0, video.duration - 1); show(); });
video.addEventListener('timeupdate', show);
video.addEventListener('loadedmetadata', show);
`;

/** The page for `streamname` (ref undefined: unknown stream). */
export function replayPage(ctx: SimContext, streamname: string, ref: VariantRef | undefined): Outgoing {
  const name = escapeHtml(streamname);
  const src = ref ? latestRecordingPath(ctx, ref) : null;
  const player = src
    ? `<video id="replay" src="${src}" controls autoplay muted playsinline></video>
<div class="bar"><button id="back30" type="button">Back 30 s</button><button id="latest" type="button">Latest</button></div>
<p id="status" aria-live="polite">Loading</p>
<script>${SCRIPT}</script>`
    : `<p id="status">No recording is available for ${name || 'this stream'}.</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Replay ${name}</title>
<style>body{margin:0;background:#111;color:#eee;font:14px system-ui,sans-serif}main{max-width:960px;margin:0 auto;padding:12px}
video{width:100%;background:#000}button{font:inherit;padding:6px 14px;margin:8px 8px 0 0}</style></head>
<body><main><h1>Replay: ${name}</h1>
${player}
</main></body></html>
`;
  return {
    status: ref ? 200 : 404,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
    },
    body: Buffer.from(html),
  };
}
