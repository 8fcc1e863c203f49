// Child process for the alarm-log crash test: appends numbered events until killed.
import { AlarmLog } from '../../../src/main/core/alarms/alarm-log';

const [folder, first] = process.argv.slice(2) as [string, string];
const log = new AlarmLog({ folder, maxBytes: 8 * 1024, keepFiles: 3 });
const asset = (n: number) => `${n.toString(16).padStart(64, '0')}.jpg`;
let seq = Number(first);
let told = false;
for (;;) {
  await log.append({
    id: `e${seq}`, alarmId: `a${seq}`, at: new Date(Date.UTC(2025, 0, 1) + seq * 1000).toISOString(), streamId: 's', streamName: 'Lobby, "east" = cam',
    type: 'frozen', state: 'alarm', severity: 'critical', detail: `sequence ${seq} `.repeat(1 + (seq % 7)), evidence: { lastGood: asset(seq), firstBad: asset(seq + 1) },
  });
  seq++;
  if (!told) {
    told = true;
    process.send?.('ready');
  }
}
