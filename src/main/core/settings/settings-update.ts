import { settingsPatchSchema, settingsViewSchema, type SettingsPatch } from '../../../shared/settings-view';
import { AppError } from '../errors';
import { toSettingsView, type Settings } from './settings';

/** Field names as the Settings screen labels them, for messages an operator understands. */
export const LABELS: Record<string, string> = {
  listIntervalS: 'List poll interval (seconds)',
  quantity: 'Streams to load (quantity)',
  cacheMaxMb: 'Cache size (MB)',
  maxConnectionsPerHost: 'Connections per host',
  layouts: 'Layouts',
  activeLayout: 'Layout',
  kiosk: 'Kiosk',
  language: 'Language',
  theme: 'Theme',
  proxy: 'Network proxy',
  updateFeed: 'Update feed',
  alarms: 'Alarm rules',
  detailsIntervalS: 'Details poll interval (seconds)',
  wallProfiles: 'Organisations on the wall',
  organisations: 'Organisation chips',
};

/**
 * The most the stored settings may weigh, as JSON. The schema alone allows 50 layouts of 1,000
 * slots each (over 10 MB); every later write would then block main. Real settings are a few KB.
 */
export const MAX_SETTINGS_BYTES = 256 * 1024;

/**
 * Applies a change from the page to the settings: the result is validated whole, with messages
 * that name the field and its allowed range; nothing is stored when any value is wrong, or when
 * the result would outgrow `MAX_SETTINGS_BYTES`.
 */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const parsedPatch = settingsPatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw invalid(parsedPatch.error.issues);
  const next = { ...current, ...parsedPatch.data };
  const view = settingsViewSchema.safeParse(toSettingsView(next));
  if (!view.success) throw invalid(view.error.issues);
  const names = next.layouts.map((layout) => layout.name.toLowerCase());
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new AppError('invalid-input', `Layouts: two layouts are named "${duplicate}". Give each a different name.`);
  if (next.activeLayout !== null && !next.layouts.some((layout) => layout.name === next.activeLayout)) {
    throw new AppError('invalid-input', `Layout: there is no saved layout named "${next.activeLayout}".`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(next));
  if (bytes > MAX_SETTINGS_BYTES) {
    const size = `${Math.ceil(bytes / 1024)} KB of at most ${MAX_SETTINGS_BYTES / 1024} KB`;
    throw new AppError('invalid-input', `Layouts: the saved layouts are too large to keep (${size}). Remove some layouts, or streams from their slots.`);
  }
  return next;
}

function invalid(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): AppError {
  const text = issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return `${LABELS[field] ?? field}: ${issue.message}`;
  });
  return new AppError('invalid-input', text.join('; '));
}

/**
 * The fields of a change that would alter a value the policy pins. A field sent back unchanged
 * (the page sends whole groups) is no change; of kiosk only the pinned parts count.
 */
export function changedPinnedFields(effective: Settings, patch: SettingsPatch, pinned: ReadonlyArray<keyof Settings>): string[] {
  return pinned.filter((field) => {
    if (!Object.hasOwn(patch, field)) return false;
    const value = (patch as Record<string, unknown>)[field];
    if (field === 'kiosk') {
      const kiosk = value as Settings['kiosk'] | undefined;
      return kiosk !== undefined && (kiosk.startInKiosk !== effective.kiosk.startInKiosk || kiosk.displayId !== effective.kiosk.displayId);
    }
    return JSON.stringify(value) !== JSON.stringify(effective[field]);
  });
}
