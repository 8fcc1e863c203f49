import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AlarmLog } from '../core/alarms/alarm-log';
import { toCsv } from '../core/alarms/alarm-csv';
import { AppError } from '../core/errors';
import { formatAlarmTable } from './alarm-format';
import { userDataDir } from './config';
import { parseSince } from './download';

/** What the `alarms` command needs: where to print, and the environment that names the user-data folder. */
export interface AlarmsCommandContext {
  out: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

/** Usage lines of the command, for the CLI's help text. */
export const ALARMS_USAGE = `  alarms [--since 24h] [--csv | --json]
          The alarm log since a while ago (30m, 24h, 7d; default 24h), oldest first: a table,
          CSV (the drawer's export), or one JSON array of events.`;

/** The alarm log's folder in the user-data folder, as the app keeps it. */
export function alarmLogFolder(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'alarms');
}

/** `npm run cli -- alarms ...`: prints the alarm log without bintu (no credential needed). */
export async function runAlarmsCommand(args: string[], ctx: AlarmsCommandContext): Promise<number> {
  const { values } = parseArgs({ args, options: { since: { type: 'string' }, csv: { type: 'boolean' }, json: { type: 'boolean' } } });
  if (values.csv && values.json) throw new AppError('invalid-input', 'Choose one of --csv and --json.');
  const sinceMs = parseSince(values.since ?? '24h');
  const since = new Date((ctx.now ?? Date.now)() - sinceMs);
  // Read only: the log is opened for appending on the first write, which this command never makes.
  const log = new AlarmLog({ folder: alarmLogFolder(ctx.env) });
  try {
    const events = await log.read({ since: since.getTime() });
    if (values.csv) ctx.out(toCsv(events).replace(/\r\n$/, ''));
    else if (values.json) ctx.out(JSON.stringify(events, null, 2));
    else ctx.out(formatAlarmTable(events, since));
    return 0;
  } finally {
    await log.close();
  }
}
