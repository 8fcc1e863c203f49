import { checkApiBase } from '../../shared/api-base';
import { BintuClient, MAX_QUANTITY } from '../core/bintu/bintu-client';
import { HttpClient } from '../core/http/http-client';
import { envProxyRoute, envProxySecrets } from '../core/http/env-proxy';
import { proxyResolver } from '../core/http/proxy-choice';
import { UrlRules } from '../core/http/url-rules';
import { AppError, toErrorData } from '../core/errors';
import { redact, secretForms } from '../core/redact';
import { openAppVault, resolveConnection, storedSettings, type OpenVault } from './config';
import { DOWNLOAD_USAGE, runDownloadCommand } from './download';
import { PROFILES_USAGE, runProfilesCommand } from './profiles';
import { CLI_RETRY_DELAYS_MS, withRetries, type RetryOptions } from './retry';
import { runStreamsCommand } from './streams';
import { ALL_PROFILES_USAGE, runAllProfilesStreams } from './all-profiles';
import { escapeJson, escapeLines } from './terminal';
import { ALARMS_USAGE, runAlarmsCommand } from './alarms';
import { runWatchCommand, WATCH_USAGE } from './watch';
import { DIAGNOSTICS_USAGE, runDiagnosticsCommand } from './diagnostics';

const USAGE = `Usage: npm run cli -- <command> [--profile NAME] [options]

Commands:
  streams [--json] [--state live|created|ended] [--tag T]... [--quantity N]
          List the organisation's streams, normalised (N from 1 to ${MAX_QUANTITY}, default 50),
          with the details the wall reads for streams whose list item carries no assets.
  check   Validate the credential against bintu (exit code 0 when accepted, 1 otherwise).
${DOWNLOAD_USAGE}
${ALARMS_USAGE}
${WATCH_USAGE}
${PROFILES_USAGE}

--profile NAME (or its id) uses that stored profile: its API base and its credential from the
keychain, whatever the environment says.
${ALL_PROFILES_USAGE}

${DIAGNOSTICS_USAGE}

Transient failures (network, timeouts, 5xx, 429) are tried again a few times before a command gives up.
Every request to bintu is a GET: the CLI, like the app, only reads.

Exit codes: 0 done, 1 failed (the reason on stderr). A stream whose details cannot be read, or (with
--all-profiles) an organisation that cannot be read while others are, is named on stderr and the
command still exits 0.
Environment: BINTU_API_URL (default https://bintu.nanocosmos.de), BINTU_TOKEN (recommended: a
nanoReadOnly user's bintu token) or BINTU_API_KEY (the organisation's master key).
Behind a proxy: HTTPS_PROXY and HTTP_PROXY (http://host:port, a sign-in as http://user:pass@host:port),
NO_PROXY for hosts that go direct; this computer itself is always reached directly.
Without them the app's active profile and its keychain entry are used. BINTU_WALL_USER_DATA
names the app's user-data folder (settings, alarm log, picture cache).`;

/** Test hooks: how long the CLI waits between attempts. */
export interface CliOptions {
  retryDelaysMs?: readonly number[];
  /** Resolves (with the signal's name) when `watch` should end. */
  stop?: Promise<string>;
  /** Where stored profiles' credentials are read (default: the app's keychain service). */
  openVault?: OpenVault;
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
  const [command, ...afterCommand] = argv;
  if (!command || command === 'help' || command === '--help') {
    print(USAGE);
    return command ? 0 : 1;
  }
  // Behind a proxy the CLI follows HTTPS_PROXY, HTTP_PROXY and NO_PROXY, as curl does.
  secrets.push(...envProxySecrets(process.env));
  const system = async (url: URL) => envProxyRoute(url, process.env);
  const http = new HttpClient({ proxy: proxyResolver({ setting: { mode: 'system', url: '' }, system, signIn: null }) });
  const openVault = options.openVault ?? openAppVault;
  try {
    const { profile, allProfiles, rest } = takeProfileFlag(afterCommand);
    if (allProfiles && command !== 'streams') throw new AppError('invalid-input', '--all-profiles goes with the streams command only.');
    if (allProfiles && profile !== undefined) throw new AppError('invalid-input', 'Give either --profile or --all-profiles, not both.');
    // The alarm log is local: reading it needs no credential.
    // Its table escapes bintu's strings itself; CSV and JSON must reach the file exactly.
    if (command === 'alarms') return await runAlarmsCommand(rest, { out });
    // Names and ids only: whether a credential is stored, never its value. Names are escaped there.
    if (command === 'profiles') return await runProfilesCommand(rest, { out, openVault });
    // So is the diagnostics archive, which removes every secret itself.
    if (command === 'diagnostics') return await runDiagnosticsCommand(rest, { out: print });
    if (allProfiles) {
      // Every organisation on the wall, each with its own API base and keychain entry; the one
      // HTTP client's per-host cap is shared, as in the app.
      const settings = storedSettings();
      http.setMaxSocketsPerHost(settings.maxConnectionsPerHost);
      return await runAllProfilesStreams(rest, {
        settings,
        openVault,
        secret: (value) => secrets.push(...secretForms(value)),
        client: (apiBase, credential) => new BintuClient({ apiBase, credential, http }),
        assetLimit: settings.assetLimit,
        cap: () => http.maxSocketsPerHost(),
        retry: { delaysMs: options.retryDelaysMs ?? CLI_RETRY_DELAYS_MS, note: warn },
        json: (doc) => out(redact(escapeJson(JSON.stringify(doc, null, 2)), secrets)),
        print,
        warn,
      });
    }
    const connection = await resolveConnection(process.env, { ...(profile !== undefined && { profile }), openVault });
    const { apiBase, credential, source } = connection;
    secrets.push(...secretForms(credential.secret));
    const base = checkApiBase(apiBase);
    if (!base.ok) throw new AppError('insecure-api-base', base.message);
    // The app's per-host cap: details requests go out as many at a time as the poller's do.
    const settings = storedSettings();
    http.setMaxSocketsPerHost(settings.maxConnectionsPerHost);
    const client = new BintuClient({ apiBase: base.url, credential, http });
    const retry: RetryOptions = { delaysMs: options.retryDelaysMs ?? CLI_RETRY_DELAYS_MS, note: warn };
    switch (command) {
      case 'check':
        await withRetries('the check', () => client.check(), retry);
        print(`ok: bintu at ${base.url} accepts the ${credential.kind === 'apiKey' ? 'API key' : 'token'} from ${source}`);
        return 0;
      case 'streams':
        return await runStreamsCommand(rest, {
          client,
          assetLimit: settings.assetLimit,
          cap: () => http.maxSocketsPerHost(),
          retry,
          json: (doc) => out(redact(escapeJson(JSON.stringify(doc, null, 2)), secrets)),
          print,
          warn,
        });
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

/** Takes `--profile NAME` (or `--profile=NAME`) and `--all-profiles` out of a command's arguments, wherever they stand. */
function takeProfileFlag(args: readonly string[]): { profile: string | undefined; allProfiles: boolean; rest: string[] } {
  const rest: string[] = [];
  let profile: string | undefined;
  let allProfiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--all-profiles') {
      allProfiles = true;
    } else if (arg === '--profile' || arg.startsWith('--profile=')) {
      const value = arg === '--profile' ? args[++i] : arg.slice('--profile='.length);
      if (value === undefined || value.trim() === '') throw new AppError('invalid-input', '--profile needs the name or id of a stored profile (see the profiles command).');
      profile = value;
    } else {
      rest.push(arg);
    }
  }
  return { profile, allProfiles, rest };
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
