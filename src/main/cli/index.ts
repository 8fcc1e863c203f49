import { parseArgs } from 'node:util';
import type { StreamState } from '../../shared/domain';
import { checkApiBase } from '../../shared/api-base';
import { BintuClient, MAX_QUANTITY } from '../core/bintu/bintu-client';
import { HttpClient } from '../core/http/http-client';
import { envProxyRoute, envProxySecrets } from '../core/http/env-proxy';
import { proxyResolver } from '../core/http/proxy-choice';
import { UrlRules } from '../core/http/url-rules';
import { AppError, toErrorData } from '../core/errors';
import { redact, secretForms } from '../core/redact';
import { parseQuantity } from './args';
import { resolveConnection } from './config';
import { DOWNLOAD_USAGE, runDownloadCommand } from './download';
import { formatStreamTable } from './format';
import { CLI_RETRY_DELAYS_MS, withRetries, type RetryOptions } from './retry';
import { escapeJson, escapeLines } from './terminal';
import { ALARMS_USAGE, runAlarmsCommand } from './alarms';
import { runWatchCommand, WATCH_USAGE } from './watch';
import { DIAGNOSTICS_USAGE, runDiagnosticsCommand } from './diagnostics';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  streams [--json] [--state live|created|ended] [--tag T]... [--quantity N]
          List the organisation's streams, normalised (N from 1 to ${MAX_QUANTITY}, default 50).
  check   Validate the credential against bintu (exit code 0 when accepted, 1 otherwise).
${DOWNLOAD_USAGE}
${ALARMS_USAGE}
${WATCH_USAGE}
${DIAGNOSTICS_USAGE}

Transient failures (network, timeouts, 5xx, 429) are tried again a few times before a command gives up.

Exit codes: 0 done, 1 failed (the reason on stderr).
Environment: BINTU_API_URL (default https://bintu.nanocosmos.de), BINTU_API_KEY or BINTU_TOKEN.
Behind a proxy: HTTPS_PROXY and HTTP_PROXY (http://host:port, a sign-in as http://user:pass@host:port),
NO_PROXY for hosts that go direct; this computer itself is always reached directly.
Without them the app's active profile and its keychain entry are used. BINTU_WALL_USER_DATA
names the app's user-data folder (settings, alarm log, picture cache).`;

/** Test hooks: how long the CLI waits between attempts. */
export interface CliOptions {
  retryDelaysMs?: readonly number[];
  /** Resolves (with the signal's name) when `watch` should end. */
  stop?: Promise<string>;
}

/**
 * Runs one CLI command and returns the process exit code. Plain output is made inert for the
 * terminal (bintu's strings cannot move the cursor or forge lines); `--json` stays exact JSON.
 * No line ever holds the credential, in any case or encoding.
 */
export async function runCli(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
  options: CliOptions = {},
): Promise<number> {
  const secrets: string[] = [];
  const print = (line: string): void => out(escapeLines(redact(line, secrets)));
  const warn = (line: string): void => err(escapeLines(redact(line, secrets)));
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    print(USAGE);
    return command ? 0 : 1;
  }
  // Behind a proxy the CLI follows HTTPS_PROXY, HTTP_PROXY and NO_PROXY, as curl does.
  secrets.push(...envProxySecrets(process.env));
  const system = async (url: URL) => envProxyRoute(url, process.env);
  const http = new HttpClient({ proxy: proxyResolver({ setting: { mode: 'system', url: '' }, system, signIn: null }) });
  try {
    // The alarm log is local: reading it needs no credential.
    // Its table escapes bintu's strings itself; CSV and JSON must reach the file exactly.
    if (command === 'alarms') return await runAlarmsCommand(rest, { out });
    // So is the diagnostics archive, which removes every secret itself.
    if (command === 'diagnostics') return await runDiagnosticsCommand(rest, { out: print });
    const connection = await resolveConnection();
    const { apiBase, credential, source } = connection;
    secrets.push(...secretForms(credential.secret));
    const base = checkApiBase(apiBase);
    if (!base.ok) throw new AppError('insecure-api-base', base.message);
    const client = new BintuClient({ apiBase: base.url, credential, http });
    const retry: RetryOptions = { delaysMs: options.retryDelaysMs ?? CLI_RETRY_DELAYS_MS, note: warn };
    switch (command) {
      case 'check':
        await withRetries('the check', () => client.check(), retry);
        print(`ok: bintu at ${base.url} accepts the ${credential.kind === 'apiKey' ? 'API key' : 'token'} from ${source}`);
        return 0;
      case 'streams': {
        const { values } = parseArgs({
          args: rest,
          options: { json: { type: 'boolean' }, state: { type: 'string' }, tag: { type: 'string', multiple: true }, quantity: { type: 'string' } },
        });
        const state = values.state as Extract<StreamState, 'live' | 'created' | 'ended'> | undefined;
        if (state && !['live', 'created', 'ended'].includes(state)) throw new AppError('invalid-input', `--state must be live, created or ended, not "${state}".`);
        const quantity = parseQuantity(values.quantity);
        const list = { quantity, ...(state ? { state } : {}), ...(values.tag ? { tags: values.tag } : {}) };
        const streams = await withRetries('the list', () => client.listStreams(list), retry);
        const truncated = streams.length >= quantity || client.lastListCut;
        if (values.json) out(redact(escapeJson(JSON.stringify({ apiBase: base.url, truncated, streams }, null, 2)), secrets));
        else print(formatStreamTable(streams));
        return 0;
      }
      case 'download':
        return await runDownloadCommand(rest, { client, http, rules: new UrlRules(base.url), retry, out: print, err: warn });
      case 'watch':
        await startCheck(client);
        return await runWatchCommand(rest, { connection: { ...connection, apiBase: base.url }, http, out: print, err: warn, stop: options.stop ?? new Promise<string>(() => undefined) });
      default:
        warn(`Unknown command "${command}".\n\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    const data = toErrorData(error);
    warn(`error (${data.code}${data.bintuCode ? `, bintu ${data.bintuCode}` : ''}): ${data.message}`);
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
