import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CredentialVault } from '../core/credential-vault';
import { vaultSecrets, writeDiagnostics } from '../core/diagnostics/diagnostics';
import { AppError } from '../core/errors';
import { envProxySecrets } from '../core/http/env-proxy';
import { applyPolicy, loadPolicy, policyPath } from '../core/settings/policy';
import { openKeychainVault } from '../platform/keychain';
import { storedSettings, userDataDir } from './config';

/** What the `diagnostics` command needs; tests hand in their own keychain stand-in. */
export interface DiagnosticsCommandContext {
  out: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  openVault?: () => Promise<CredentialVault>;
}

/** Usage lines of the command, for the CLI's help text. */
export const DIAGNOSTICS_USAGE = `  diagnostics --to FILE
          Write the archive for support (.tar.gz): the logs, the alarm log, the settings and the
          policy in force, versions and the platform. Keys, tokens and passwords are removed.`;

/**
 * `npm run cli -- diagnostics --to FILE`: the same archive as "Save diagnostics" in Settings,
 * from the app's user-data folder, so support can be helped when the app itself will not start.
 * No bintu request and no credential needed; the keychain is read only to know what to remove.
 */
export async function runDiagnosticsCommand(args: string[], ctx: DiagnosticsCommandContext): Promise<number> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' } } });
  if (!values.to) throw new AppError('invalid-input', 'Name the archive to write: diagnostics --to FILE (for example --to bintu-wall-diagnostics.tar.gz).');
  const env = ctx.env ?? process.env;
  const path = resolve(values.to);
  const policy = loadPolicy(policyPath(env));
  const settings = applyPolicy(storedSettings(env), policy.policy);
  const vault = await (ctx.openVault ?? (() => openKeychainVault({ service: 'bintu-wall' })))();
  const fromEnv = [env['BINTU_API_KEY'], env['BINTU_TOKEN']].filter((value): value is string => typeof value === 'string' && value !== '');
  const secrets = [...fromEnv, ...envProxySecrets(env), ...(await vaultSecrets(vault, settings.profiles.map((profile) => profile.id)))];
  await writeDiagnostics(path, { userDataDir: userDataDir(env), settings, policy, secrets, appVersion: env['npm_package_version'] ?? 'unknown', writer: 'cli' });
  ctx.out(`diagnostics written to ${path}`);
  return 0;
}
