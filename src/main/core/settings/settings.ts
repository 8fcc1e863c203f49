import { z } from 'zod';
import { credentialKindSchema } from '../../../shared/domain';
import { heroesSchema, layoutSchema, MAX_WALL_WINDOWS, settingsViewSchema, wallWindowSchema, type SettingsView } from '../../../shared/settings-view';
import { alarmSettingsSchema, DEFAULT_ALARM_SETTINGS, watchListSchema } from '../../../shared/alarms';
import { DEFAULT_PROXY_SETTING } from '../../../shared/proxy-url';
import { fsError } from '../fs/fs-errors';
import { Emitter, type Disposable } from '../lifecycle';
import { AppError } from '../errors';
import { applyPolicy, NO_POLICY, pinnedSettings, type LoadedPolicy } from './policy';
import { migrateStreamKeys } from './stream-keys';

/** A stored profile: an organisation's API base and credential kind. Never the credential. */
export const profileSchema = z.object({
  // No "/": a stream's wall key is `profileId/streamId`, split at the first one.
  id: z.string().min(1).regex(/^[^/]+$/),
  name: z.string().min(1),
  apiBase: z.string().min(1),
  /** Profiles stored before tokens existed carry no kind: they were API keys, and keep working as such. */
  credentialKind: credentialKindSchema.catch('apiKey'),
});
export type Profile = z.infer<typeof profileSchema>;

const shape = settingsViewSchema.shape;
const DEFAULT_WALL = { grid: 'auto', filter: { search: '', states: [], tags: [], profiles: [] }, sort: 'slot', heroes: {} } as const;
/** Hero tiles as stored: a bad map costs only the hero sizes, never the layout or the wall around it. */
const storedHeroes = heroesSchema.catch({});
const DEFAULT_KIOSK = { displayId: null, startInKiosk: false, startAtLogin: false, hideCursorAfterS: 5 };
const DEFAULT_DISPLAY = { textSize: 'medium', overflow: 'pages', rotateS: 20, rotateInKiosk: true, rotateOnDesk: false } as const;

/** Keeps the items of a stored list that still parse; one bad entry never costs the others. */
function tolerantArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((items) => items.flatMap((value) => {
      const parsed = item.safeParse(value);
      return parsed.success ? [parsed.data as z.infer<T>] : [];
    }));
}

/**
 * Every stored setting with its default. A bad stored value falls back to its default alone, so
 * a hand-edited or half-written file never stops the app nor loses the profiles.
 */
export const settingsSchema = z
  .object({
    profiles: tolerantArray(profileSchema),
    activeProfileId: z.string().nullable().catch(null),
    listIntervalS: shape.listIntervalS.catch(5),
    detailsIntervalS: shape.detailsIntervalS.catch(120),
    quantity: shape.quantity.catch(50),
    assetLimit: z.number().int().min(1).max(100).catch(10),
    cacheMaxMb: shape.cacheMaxMb.catch(500),
    maxConnectionsPerHost: shape.maxConnectionsPerHost.catch(6),
    downloadDir: shape.downloadDir.catch(null),
    language: shape.language.catch('system'),
    theme: shape.theme.catch('system'),
    variantTiles: shape.variantTiles.catch('group'),
    pauseHiddenTiles: shape.pauseHiddenTiles.catch(false),
    display: shape.display.catch({ ...DEFAULT_DISPLAY }),
    slots: shape.slots.catch([]),
    labels: shape.labels.catch({}),
    kiosk: shape.kiosk.catch(DEFAULT_KIOSK),
    layouts: tolerantArray(layoutSchema.extend({ heroes: storedHeroes })),
    activeLayout: shape.activeLayout.catch(null),
    wall: shape.wall.extend({ heroes: storedHeroes }).catch({ ...DEFAULT_WALL, filter: { ...DEFAULT_WALL.filter, states: [], tags: [], profiles: [] }, heroes: {} }),
    alarms: alarmSettingsSchema.catch(DEFAULT_ALARM_SETTINGS),
    watch: watchListSchema.catch({ streamIds: [], tags: [] }),
    proxy: shape.proxy.catch({ ...DEFAULT_PROXY_SETTING }),
    updateFeed: shape.updateFeed.catch(''),
    keyWarningDismissed: shape.keyWarningDismissed.catch([]),
    wallWindows: tolerantArray(wallWindowSchema).transform((windows) => windows.slice(0, MAX_WALL_WINDOWS)),
    wallProfiles: shape.wallProfiles.catch([]),
    organisations: shape.organisations.catch({}),
    streamKeys: z.literal(2).optional().catch(undefined),
  })
  .transform(migrateStreamKeys);
export type Settings = z.infer<typeof settingsSchema>;

/** The settings the page sees: everything but profiles, which reach it through the session view. */
export function toSettingsView(settings: Settings): SettingsView {
  const { profiles: _profiles, activeProfileId: _active, assetLimit: _limit, streamKeys: _keys, ...view } = settings;
  return view;
}

/** The poll timings in the units the poller works in: the one place seconds become milliseconds. */
export function pollTimings(settings: Settings): { listIntervalMs: number; detailsIntervalMs: number; quantity: number } {
  return { listIntervalMs: settings.listIntervalS * 1000, detailsIntervalMs: settings.detailsIntervalS * 1000, quantity: settings.quantity };
}

/** Where settings persist: electron-store in the app, a plain file or memory in tests. */
export interface SettingsStore {
  read(): unknown;
  write(settings: Settings): void;
}

/**
 * Settings with validation on read, so a hand-edited or half-written file never stops the app.
 * The organisation's policy lies on top: `get()` answers with its pinned values, the stored ones
 * stay underneath (and come back if the policy goes), and a change to a pinned field is refused.
 */
export class SettingsService {
  private readonly changes = new Emitter<Settings>();
  /** Fires after every successful update. */
  readonly onDidChange = this.changes.event;
  /** What the store holds, without the policy. */
  private stored: Settings;
  private current: Settings;

  constructor(
    private readonly store: SettingsStore,
    /** The policy in force (read once at start; a changed file takes effect at the next start). */
    readonly policy: LoadedPolicy = NO_POLICY,
  ) {
    this.stored = settingsSchema.parse(store.read() ?? {});
    this.current = applyPolicy(this.stored, policy.policy);
  }

  /** The fields the policy pins: shown as managed, refused by `refusePinned`. */
  pinned(): Array<keyof Settings> {
    return pinnedSettings(this.policy.policy);
  }

  /** Throws the managed-setting error when a change names a field the policy pins. */
  refusePinned(fields: readonly string[], label: (field: string) => string = (field) => field): void {
    const pinned = new Set<string>(this.pinned());
    const hit = fields.filter((field) => pinned.has(field));
    if (hit.length === 0) return;
    const names = hit.map(label).join(', ');
    throw new AppError('policy-managed', `${names} ${hit.length === 1 ? 'is' : 'are'} managed by your organisation and cannot be changed here. Ask your IT department to change the policy.`);
  }

  /** How many services follow the settings now (leak checks). */
  get followers(): number {
    return this.changes.listenerCount;
  }

  /** The current settings. */
  get(): Settings {
    return this.current;
  }

  /**
   * Follows the settings a service owns: `apply` runs now (unless `initial` is false) and after
   * every update that changed the selected value (compared as JSON, so a new object with the same
   * contents is no change). The service keeps the returned disposable in its own store.
   */
  watch<T>(select: (settings: Settings) => T, apply: (value: T) => void, options: { initial?: boolean } = {}): Disposable {
    let last = JSON.stringify(select(this.current));
    if (options.initial !== false) apply(select(this.current));
    return this.onDidChange((next) => {
      const value = select(next);
      const key = JSON.stringify(value);
      if (key === last) return;
      last = key;
      apply(value);
    });
  }

  /**
   * Applies a change, validates the result and persists it. A write that fails (a full disk, no
   * permission) is told in plain words, and the settings stay as they were.
   */
  update(change: (settings: Settings) => Settings): Settings {
    // The change applies to what is stored: the policy's values are never written into the file.
    const next = settingsSchema.parse(change(this.stored));
    try {
      this.store.write(next);
    } catch (error) {
      throw fsError(error, { where: 'the settings file', then: ', then make the change again.', outcome: ' The change was not saved.' });
    }
    this.stored = next;
    this.current = applyPolicy(next, this.policy.policy);
    this.changes.fire(this.current);
    return this.current;
  }
}

/** Keeps settings in memory only (tests, and the CLI when nothing is stored). */
export class MemorySettingsStore implements SettingsStore {
  constructor(private value: unknown = {}) {}
  read(): unknown {
    return this.value;
  }
  write(settings: Settings): void {
    this.value = structuredClone(settings);
  }
}
