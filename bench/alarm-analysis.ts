/**
 * What the alarm analysis of one picture costs: `analysePicture` on the simulator's 320 x 180
 * JPEG thumbnails, one at a time, as the poller would call it. Prints wall-clock median and p90,
 * CPU per picture (libvips threads included), and for scale the cost of the smallest sharp
 * pipeline there is (an 8 x 8 raw image), which no picture analysis can undercut, and how long the
 * event loop itself was busy per picture.
 *
 *   npx tsx bench/alarm-analysis.ts [--runs 500] [--vips-threads 1]
 */
import sharp from 'sharp';
import { compareMeasures } from '../src/main/core/alarms/picture-compare';
import { analysePicture, type PictureMeasure } from '../src/main/core/alarms/picture-measure';
import { encodeJpeg } from '../src/main/simulator/encode';
import { drawThumbnail } from '../src/main/simulator/picture';
import { DEFAULT_ALARM_SETTINGS } from '../src/shared/alarms';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 500;
const threadsFlag = process.argv.indexOf('--vips-threads');
if (threadsFlag > 0) sharp.concurrency(Number(process.argv[threadsFlag + 1]));

async function timed(label: string, job: (i: number) => Promise<unknown> | unknown): Promise<void> {
  for (let i = 0; i < 50; i++) await job(i);
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await job(i);
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  // Time the event loop was busy: what an Electron main process would feel (decoding runs on libuv's pool).
  // Under CPU contention this also counts moments the thread was preempted, so it reads high on a loaded machine.
  const mainMs = (performance.eventLoopUtilization(loopBefore).active / RUNS).toFixed(2);
  times.sort((a, b) => a - b);
  const at = (q: number): string => (times[Math.floor(q * (times.length - 1))] as number).toFixed(2);
  const cpuMs = ((cpu.user + cpu.system) / 1000 / RUNS).toFixed(2);
  console.log(`${label.padEnd(34)} median ${at(0.5)} ms  p90 ${at(0.9)} ms  cpu ${cpuMs} ms/op  loop busy ${mainMs} ms/op`);
}

const pictures: Buffer[] = [];
for (let i = 0; i < 20; i++) {
  const scene = { streamname: `bench-${i}`, label: 'main 720p', version: 1, hue: (i * 37) % 360, look: 'card' as const };
  pictures.push(await encodeJpeg(drawThumbnail(scene, Date.UTC(2025, 0, 1, 10, 0, i * 10))));
}
const measures = (await Promise.all(pictures.map((p) => analysePicture(p)))) as PictureMeasure[];
const tiny = Buffer.alloc(8 * 8 * 3);

console.log(`alarm analysis, ${RUNS} runs, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips} (${sharp.concurrency()} threads), ${pictures[0]?.length} byte JPEGs`);
await timed('analysePicture (320 x 180 JPEG)', (i) => analysePicture(pictures[i % pictures.length] as Buffer));
await timed('compareMeasures (two measures)', (i) => compareMeasures(measures[i % 20] as PictureMeasure, measures[(i + 1) % 20] as PictureMeasure, DEFAULT_ALARM_SETTINGS.frozen));
await timed('sharp decode alone (no resize)', (i) => sharp(pictures[i % pictures.length] as Buffer).raw().toBuffer());
await timed('sharp floor (8 x 8 raw, no decode)', () => sharp(tiny, { raw: { width: 8, height: 8, channels: 3 } }).raw().toBuffer());
