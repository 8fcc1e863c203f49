import { parseArgs } from 'node:util';
import type { CredentialKind } from '../../shared/domain';
import type { OpenVault } from './config';
import { storedSettings } from './config';
import { escapeTerminal, fitCell } from './terminal';

/** Usage lines of `profiles`. */
export const PROFILES_USAGE = `  profiles [--json]
          The app's stored profiles: name, credential kind (API key or bintu token), whether the
          keychain holds that credential, the API base, the id, and which one is active. Never the
          credential itself.`;

/** One stored profile as `profiles` shows it. */
export interface ProfileRow {
  id: string;
  name: string;
  apiBase: string;
  credentialKind: CredentialKind;
  credentialStored: boolean;
  active: boolean;
}

/** Lists the stored profiles; reads only whether each credential exists, never its value. */
export async function runProfilesCommand(
  args: string[],
  ctx: { out: (line: string) => void; openVault: OpenVault; env?: NodeJS.ProcessEnv },
): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const settings = storedSettings(ctx.env);
  const vault = settings.profiles.length > 0 ? await ctx.openVault() : null;
  const rows: ProfileRow[] = [];
  for (const p of settings.profiles) {
    rows.push({
      id: p.id,
      name: p.name,
      apiBase: p.apiBase,
      credentialKind: p.credentialKind,
      credentialStored: (await vault?.has(p.id)) ?? false,
      active: p.id === settings.activeProfileId,
    });
  }
  if (values.json) ctx.out(JSON.stringify({ profiles: rows }, null, 2));
  else ctx.out(formatProfileTable(rows));
  return 0;
}

const KIND_LABEL: Record<CredentialKind, string> = { apiKey: 'API key (master key)', token: 'bintu token' };

/** The profiles as a table, with a note on names that repeat and on credentials to enter again. */
export function formatProfileTable(rows: readonly ProfileRow[]): string {
  if (rows.length === 0) return 'No profiles stored. Connect one in the app, or set BINTU_TOKEN and BINTU_API_URL.';
  const cell = (text: string, max: number): string => fitCell(escapeTerminal(text), max);
  const header = ['NAME', 'CREDENTIAL', 'STORED', 'ACTIVE', 'API BASE', 'ID'];
  const body = rows.map((r) => [
    cell(r.name, 40),
    KIND_LABEL[r.credentialKind],
    r.credentialStored ? 'yes' : 'no',
    r.active ? 'yes' : '',
    cell(r.apiBase, 60),
    r.id,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const notes: string[] = [];
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.name.toLowerCase(), (counts.get(r.name.toLowerCase()) ?? 0) + 1);
  for (const r of rows) {
    const n = counts.get(r.name.toLowerCase()) ?? 0;
    if (n > 1) {
      notes.push(`${n} profiles are named "${escapeTerminal(r.name)}": pass --profile the id to pick one.`);
      counts.delete(r.name.toLowerCase());
    }
  }
  const missing = rows.filter((r) => !r.credentialStored).length;
  if (missing > 0) notes.push(`${missing} profile(s) have no credential in the keychain: enter it again in the app.`);
  if (rows.some((r) => r.credentialKind === 'apiKey')) {
    notes.push('An API key is the organisation\'s master key; a nanoReadOnly user\'s bintu token reads all the wall needs.');
  }
  return [line(header), ...body.map(line), ...notes].join('\n');
}
