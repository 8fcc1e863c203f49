import { parseArgs } from 'node:util';
import type { StreamState } from '../../shared/domain';
import { checkApiBase } from '../../shared/api-base';
import { BintuClient } from '../core/bintu/bintu-client';
import { HttpClient } from '../core/http/http-client';
import { AppError, toErrorData } from '../core/errors';
import { ALARMS_USAGE, runAlarmsCommand } from './alarms';
import { resolveConnection } from './config';
import { DOWNLOAD_USAGE, runDownloadCommand } from './download';
import { formatStreamTable } from './format';
import { runWatchCommand, WATCH_USAGE } from './watch';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  streams [--json] [--state live|created|ended] [--tag T]... [--quantity N]
          List the organisation's streams, normalised.
  check   Validate the credential against bintu (exit code 0 when accepted, 1 otherwise).
${DOWNLOAD_USAGE}
${ALARMS_USAGE}
${WATCH_USAGE}

Exit codes: 0 done, 1 failed (the reason on stderr).
Environment: BINTU_API_URL (default https://bintu.nanocosmos.de), BINTU_API_KEY or BINTU_TOKEN.
Without them the app's active profile and its keychain entry are used. BINTU_WALL_USER_DATA
names the app's user-data folder (settings, alarm log, picture cache).`;

/** Runs one CLI command and returns the process exit code; `stop` resolves when `watch` should end. */
export async function runCli(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error, stop?: Promise<string>): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return command ? 0 : 1;
  }
  const http = new HttpClient();
  try {
    // The alarm log is local: reading it needs no credential.
    if (command === 'alarms') return await runAlarmsCommand(rest, { out });
    const connection = await resolveConnection();
    const { credential, source } = connection;
    const base = checkApiBase(connection.apiBase);
    if (!base.ok) throw new AppError('insecure-api-base', base.message);
    const client = new BintuClient({ apiBase: base.url, credential, http });
    switch (command) {
      case 'check':
        await client.check();
        out(`ok: bintu at ${base.url} accepts the ${credential.kind === 'apiKey' ? 'API key' : 'token'} from ${source}`);
        return 0;
      case 'streams': {
        const { values } = parseArgs({
          args: rest,
          options: { json: { type: 'boolean' }, state: { type: 'string' }, tag: { type: 'string', multiple: true }, quantity: { type: 'string' } },
        });
        const state = values.state as Extract<StreamState, 'live' | 'created' | 'ended'> | undefined;
        if (state && !['live', 'created', 'ended'].includes(state)) throw new AppError('invalid-input', `--state must be live, created or ended, not "${state}".`);
        const quantity = values.quantity ? Number(values.quantity) : 50;
        if (!Number.isInteger(quantity) || quantity < 1) throw new AppError('invalid-input', '--quantity must be a positive whole number.');
        const streams = await client.listStreams({ quantity, ...(state ? { state } : {}), ...(values.tag ? { tags: values.tag } : {}) });
        if (values.json) out(JSON.stringify({ apiBase: base.url, truncated: streams.length >= quantity, streams }, null, 2));
        else out(formatStreamTable(streams));
        return 0;
      }
      case 'download':
        return await runDownloadCommand(rest, { client, http, out, err });
      case 'watch':
        await startCheck(client);
        return await runWatchCommand(rest, { connection: { ...connection, apiBase: base.url }, http, out, err, stop: stop ?? new Promise<string>(() => undefined) });
      default:
        err(`Unknown command "${command}".\n\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    const data = toErrorData(error);
    err(`error (${data.code}${data.bintuCode ? `, bintu ${data.bintuCode}` : ''}): ${data.message}`);
    return 1;
  } finally {
    http.dispose();
  }
}

/**
 * A rejected credential will not heal by waiting, so `watch` refuses to start with one. bintu
 * unreachable at start is different: that is what the connection alarm is for.
 */
async function startCheck(client: BintuClient): Promise<void> {
  try {
    await client.check();
  } catch (error) {
    if (toErrorData(error).code === 'credential-rejected') throw error;
  }
}
