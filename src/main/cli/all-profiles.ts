import { parseArgs } from 'node:util';
import type { Stream } from '../../shared/domain';
import { checkApiBase } from '../../shared/api-base';
import { wallKey } from '../../shared/wall-key';
import type { BintuClient } from '../core/bintu/bintu-client';
import { AppError, toErrorData } from '../core/errors';
import type { Settings } from '../core/settings/settings';
import { wallProfiles } from '../core/session/wall-profiles';
import type { OpenVault } from './config';
import { formatStreamTable } from './format';
import { listOptions, readStreams, STREAMS_OPTIONS, type StreamsContext } from './streams';

/** Usage lines of `streams --all-profiles`. */
export const ALL_PROFILES_USAGE = `--all-profiles (streams only) lists every organisation on the app's wall (the active profile and
those shown beside it) as one set, each row with its organisation; a stream is known as
PROFILE_ID/STREAM_ID. An organisation that cannot be read (no credential in the keychain, host down,
credential rejected) is named on stderr and the others are printed: exit code 0 while at least
one organisation was read, 1 when none was.`;

/** One organisation's part of the `--all-profiles --json` document. */
export interface OrganisationResult {
  profileId: string;
  name: string;
  /** The short label the operator chose for its tiles, or null. */
  label: string | null;
  apiBase: string;
  truncated: boolean;
  /** Why it could not be read, or null when it was. */
  error: { code: string; message: string } | null;
}

/** A stream of the merged set: bintu's stream, its wall key and its organisation. */
export type OrganisationStream = Stream & { key: string; profileId: string; organisation: string; label: string | null };

/** What `--all-profiles` needs: the stored settings, the keychain, one HTTP client's details. */
export interface AllProfilesContext extends Omit<StreamsContext, 'client' | 'json'> {
  settings: Settings;
  openVault: OpenVault;
  /** Registers a credential so no line can show it. */
  secret: (value: string) => void;
  /** Makes the client of one organisation (sharing the CLI's one HTTP client and its per-host cap). */
  client: (apiBase: string, credential: ConstructorParameters<typeof BintuClient>[0]['credential']) => BintuClient;
  json: (doc: { organisations: OrganisationResult[]; streams: OrganisationStream[] }) => void;
}

/**
 * `streams --all-profiles`: every organisation on the wall, read at once (each as `streams`
 * reads one: the list, then the details of items without assets), printed in the wall's order.
 */
export async function runAllProfilesStreams(args: string[], ctx: AllProfilesContext): Promise<number> {
  const { values } = parseArgs({ args, options: STREAMS_OPTIONS });
  const list = listOptions(values);
  const profiles = wallProfiles(ctx.settings);
  if (profiles.length === 0) throw new AppError('credential-missing', 'No profile is on the wall: connect one in the app first.');
  const vault = await ctx.openVault();
  const results = await Promise.all(profiles.map(async (profile) => {
    const label = ctx.settings.organisations[profile.id]?.short || null;
    const base: Omit<OrganisationResult, 'truncated' | 'error'> = { profileId: profile.id, name: profile.name, label, apiBase: profile.apiBase };
    try {
      const secret = await vault.get(profile.id);
      if (!secret) {
        const kind = profile.credentialKind === 'apiKey' ? 'API key' : 'bintu token';
        throw new AppError('credential-missing', `the keychain holds no ${kind} for it (it may have been removed outside the app); enter it again in the app`);
      }
      ctx.secret(secret);
      const checked = checkApiBase(profile.apiBase);
      if (!checked.ok) throw new AppError('insecure-api-base', checked.message);
      const client = ctx.client(checked.url, { kind: profile.credentialKind, secret });
      const read = await readStreams({ ...ctx, client, warn: (line) => ctx.warn(`${line} (organisation "${profile.name}")`) }, list);
      return { organisation: { ...base, truncated: read.truncated, error: null }, streams: read.streams };
    } catch (error) {
      const data = toErrorData(error);
      ctx.warn(`error: organisation "${profile.name}" (${profile.id}) could not be read (${data.code}): ${data.message}`);
      return { organisation: { ...base, truncated: false, error: { code: data.code, message: data.message } }, streams: [] };
    }
  }));
  const streams = results.flatMap(({ organisation, streams: own }) =>
    own.map((s): OrganisationStream => ({ ...s, key: wallKey(organisation.profileId, s.id), profileId: organisation.profileId, organisation: organisation.name, label: organisation.label })),
  );
  if (values.json) ctx.json({ organisations: results.map((r) => r.organisation), streams });
  else ctx.print(formatStreamTable(streams, streams.map((s) => (s.label ? `${s.label} ${s.organisation}` : s.organisation))));
  return results.some((r) => r.organisation.error === null) ? 0 : 1;
}
