import { z } from 'zod';
import { credentialKindSchema } from '../../../shared/domain';
import { Emitter } from '../lifecycle';

/** A stored profile: an organisation's API base and credential kind. Never the credential. */
export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  apiBase: z.string().min(1),
  credentialKind: credentialKindSchema,
});
export type Profile = z.infer<typeof profileSchema>;

/** Every setting with its default; a bad stored value falls back to the default, alone. */
export const settingsSchema = z.object({
  profiles: z
    .array(z.unknown())
    .catch([])
    .transform((items) => items.flatMap((item) => {
      const parsed = profileSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    })),
  activeProfileId: z.string().nullable().catch(null),
  listIntervalS: z.number().min(2).max(3600).catch(5),
  detailsIntervalS: z.number().min(10).max(86_400).catch(120),
  quantity: z.number().int().min(1).max(1000).catch(50),
  assetLimit: z.number().int().min(1).max(100).catch(10),
  cacheMaxMb: z.number().min(50).max(100_000).catch(500),
  maxConnectionsPerHost: z.number().int().min(1).max(32).catch(6),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Where settings persist: electron-store in the app, a plain file or memory in tests. */
export interface SettingsStore {
  read(): unknown;
  write(settings: Settings): void;
}

/** Settings with validation on read, so a hand-edited or half-written file never stops the app. */
export class SettingsService {
  private readonly changes = new Emitter<Settings>();
  /** Fires after every successful update. */
  readonly onDidChange = this.changes.event;
  private current: Settings;

  constructor(private readonly store: SettingsStore) {
    this.current = settingsSchema.parse(store.read() ?? {});
  }

  /** The current settings. */
  get(): Settings {
    return this.current;
  }

  /** Applies a change, validates the result and persists it. */
  update(change: (settings: Settings) => Settings): Settings {
    const next = settingsSchema.parse(change(this.current));
    this.store.write(next);
    this.current = next;
    this.changes.fire(next);
    return next;
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
