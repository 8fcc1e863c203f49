import type { z } from 'zod';
import { settingsViewSchema } from '../../../../shared/settings-view';

const shape = settingsViewSchema.shape;
const alarm = shape.alarms.shape;
const frozen = alarm.frozen.unwrap().shape;
const black = alarm.black.unwrap().shape;
const uniform = alarm.uniform.unwrap().shape;
const overdue = alarm.overdue.unwrap().shape;
const unreadable = alarm.unreadable.unwrap().shape;
const connection = alarm.connection.unwrap().shape;

/** The number settings the Settings screen edits, each with the schema main validates it with. */
export const NUMBER_SETTINGS = {
  listIntervalS: shape.listIntervalS,
  detailsIntervalS: shape.detailsIntervalS,
  quantity: shape.quantity,
  cacheMaxMb: shape.cacheMaxMb,
  maxConnectionsPerHost: shape.maxConnectionsPerHost,
  hideCursorAfterS: shape.kiosk.shape.hideCursorAfterS,
  // Alarm thresholds: the schemas carry defaults, the ranges are those of the number inside.
  'frozen.minVersions': frozen.minVersions.unwrap(),
  'frozen.minSeconds': frozen.minSeconds.unwrap(),
  'black.minVersions': black.minVersions.unwrap(),
  'black.minSeconds': black.minSeconds.unwrap(),
  'uniform.minVersions': uniform.minVersions.unwrap(),
  'uniform.minSeconds': uniform.minSeconds.unwrap(),
  'overdue.intervals': overdue.intervals.unwrap(),
  'overdue.graceSeconds': overdue.graceSeconds.unwrap(),
  'unreadable.minVersions': unreadable.minVersions.unwrap(),
  'unreadable.minSeconds': unreadable.minSeconds.unwrap(),
  'connection.unreachableSeconds': connection.unreachableSeconds.unwrap(),
  rotateS: shape.display.shape.rotateS,
} as const;

/** A number setting by name. */
export type NumberSetting = keyof typeof NUMBER_SETTINGS;

/** Why a typed value is refused, as a dictionary key and its parameters (the page translates). */
export type FieldProblem =
  | { readonly key: 'settings.invalid.number' }
  | { readonly key: 'settings.invalid.whole' }
  | { readonly key: 'settings.invalid.min'; readonly min: number }
  | { readonly key: 'settings.invalid.max'; readonly max: number }
  | { readonly key: 'settings.invalid.range'; readonly min: number; readonly max: number };

/** The allowed range of a number setting, read from its schema so page and main cannot disagree. */
export function settingRange(field: NumberSetting): { min: number; max: number; whole: boolean } {
  const schema = NUMBER_SETTINGS[field];
  return { min: schema.minValue ?? -Infinity, max: schema.maxValue ?? Infinity, whole: schema.isInt };
}

/**
 * Checks what the operator typed against the same zod schema main applies, for a message while
 * typing; main still validates the saved value and has the last word.
 */
export function checkNumberSetting(field: NumberSetting, input: string): { ok: true; value: number } | { ok: false; problem: FieldProblem } {
  const text = input.trim().replace(',', '.');
  const value = text === '' ? Number.NaN : Number(text);
  const parsed = NUMBER_SETTINGS[field].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: problemOf(field, parsed.error.issues) };
}

function problemOf(field: NumberSetting, issues: readonly z.core.$ZodIssue[]): FieldProblem {
  const { min, max } = settingRange(field);
  const issue = issues[0];
  if (issue?.code === 'invalid_type') {
    return issue.expected === 'int' ? { key: 'settings.invalid.whole' } : { key: 'settings.invalid.number' };
  }
  if (issue?.code === 'too_small' && Number.isFinite(max)) return { key: 'settings.invalid.range', min, max };
  if (issue?.code === 'too_small') return { key: 'settings.invalid.min', min: Number(issue.minimum) };
  if (issue?.code === 'too_big' && Number.isFinite(min)) return { key: 'settings.invalid.range', min, max };
  if (issue?.code === 'too_big') return { key: 'settings.invalid.max', max: Number(issue.maximum) };
  return { key: 'settings.invalid.number' };
}
