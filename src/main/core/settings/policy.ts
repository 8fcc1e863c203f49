import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { alarmSettingsSchema } from '../../../shared/alarms';
import { checkApiBase } from '../../../shared/api-base';
import { proxySettingSchema } from '../../../shared/proxy-url';
import { settingsViewSchema } from '../../../shared/settings-view';
import { updateFeedSchema } from '../../../shared/update-feed';
import type { Settings } from './settings';

const view = settingsViewSchema.shape;

/**
 * What an organisation may pin for its workstations, field by field. Keys are never part of it:
 * a policy file is readable by every user of the machine.
 */
const FIELDS = {
  /** Only this API base may be connected to. */
  apiBase: z.string().refine((text) => checkApiBase(text).ok, { message: 'must be an https address such as https://bintu.nanocosmos.de' }),
  /** No demo on this workstation. */
  disableDemo: z.boolean(),
  /** Start in kiosk, on this display (null: the primary). */
  kiosk: z.strictObject({ force: z.boolean(), displayId: z.number().int().nullable().default(null) }),
  listIntervalS: view.listIntervalS,
  detailsIntervalS: view.detailsIntervalS,
  quantity: view.quantity,
  maxConnectionsPerHost: view.maxConnectionsPerHost,
  alarms: alarmSettingsSchema,
  proxy: proxySettingSchema,
  /** Where updates come from; empty keeps updates off whatever the operator sets. */
  updateFeed: updateFeedSchema,
} as const;

type Fields = typeof FIELDS;
/** The policy in force: only the fields that were given and valid. */
export type Policy = { -readonly [K in keyof Fields]?: z.infer<Fields[K]> };

/** A policy as read: what is in force, and what was wrong with the file, in plain words. */
export interface LoadedPolicy {
  /** The file read, or null when there is none. */
  path: string | null;
  policy: Policy;
  problems: string[];
}

export const NO_POLICY: LoadedPolicy = Object.freeze({ path: null, policy: {}, problems: [] });

/** The most a policy file may weigh; a real one is a few hundred bytes. */
const MAX_POLICY_BYTES = 256 * 1024;

/** Where an organisation puts the policy on each system; `BINTU_WALL_POLICY` names another file (tests, trials). */
export function policyPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['BINTU_WALL_POLICY'];
  if (override) return override;
  if (platform === 'win32') return join(env['ProgramData'] ?? 'C:\\ProgramData', 'Bintu Wall', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Bintu Wall/policy.json';
  return '/etc/bintu-wall/policy.json';
}

/**
 * Reads the policy file. It never throws: a missing file is no policy; an unreadable or broken
 * one, or a wrong field, is reported in plain words and left out (field by field, so one typo
 * does not cost the rest of the policy).
 */
export function loadPolicy(path: string): LoadedPolicy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path: null, policy: {}, problems: [] };
    return { path, policy: {}, problems: [`The policy file ${path} could not be read (${code ?? 'unknown error'}); no setting is managed.`] };
  }
  return parsePolicy(text, path);
}

/** Validates a policy's text field by field; see `loadPolicy`. */
export function parsePolicy(text: string, path: string): LoadedPolicy {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) return { path, policy: {}, problems: [`The policy file ${path} is larger than ${MAX_POLICY_BYTES / 1024} KB; no setting is managed.`] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { path, policy: {}, problems: [`The policy file ${path} is not valid JSON; no setting is managed. Check it with a JSON validator.`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { path, policy: {}, problems: [`The policy file ${path} must hold one JSON object; no setting is managed.`] };
  }
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (!Object.hasOwn(FIELDS, name)) {
      const hint = /key|token|secret|password/i.test(name) ? ' Keys and passwords never belong in a policy: enter them on each workstation.' : '';
      problems.push(`The policy field "${name.slice(0, 60)}" is not known and was ignored.${hint}`);
      continue;
    }
    const parsed = FIELDS[name as keyof Fields].safeParse(value);
    if (parsed.success) policy[name] = parsed.data;
    else problems.push(`The policy field "${name}" was ignored: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}.`);
  }
  return { path, policy: policy as Policy, problems };
}

/** The settings fields a policy pins (what `settings:update` refuses and Settings shows as managed). */
export function pinnedSettings(policy: Policy): Array<keyof Settings> {
  const pinned: Array<keyof Settings> = [];
  for (const key of ['listIntervalS', 'detailsIntervalS', 'quantity', 'maxConnectionsPerHost', 'alarms', 'proxy', 'updateFeed'] as const) {
    if (policy[key] !== undefined) pinned.push(key);
  }
  if (policy.kiosk !== undefined) pinned.push('kiosk');
  return pinned;
}

/** The settings with the policy's values in place of the stored ones. */
export function applyPolicy(settings: Settings, policy: Policy): Settings {
  const next: Settings = { ...settings };
  if (policy.listIntervalS !== undefined) next.listIntervalS = policy.listIntervalS;
  if (policy.detailsIntervalS !== undefined) next.detailsIntervalS = policy.detailsIntervalS;
  if (policy.quantity !== undefined) next.quantity = policy.quantity;
  if (policy.maxConnectionsPerHost !== undefined) next.maxConnectionsPerHost = policy.maxConnectionsPerHost;
  if (policy.alarms !== undefined) next.alarms = policy.alarms;
  if (policy.proxy !== undefined) next.proxy = policy.proxy;
  if (policy.updateFeed !== undefined) next.updateFeed = policy.updateFeed;
  if (policy.kiosk !== undefined) next.kiosk = { ...next.kiosk, startInKiosk: policy.kiosk.force, displayId: policy.kiosk.displayId };
  return next;
}
