import { z } from 'zod';
export { MAX_LABEL_LENGTH, MAX_LABELS, MAX_SLOTS, MAX_STREAM_KEY_LENGTH, MAX_WALL_WINDOWS, ORGANISATION_COLOURS, WALL_WINDOW_ID } from './settings-limits';
import { MAX_LABEL_LENGTH, MAX_LABELS, MAX_SLOTS, MAX_STREAM_KEY_LENGTH, MAX_WALL_WINDOWS, ORGANISATION_COLOURS, WALL_WINDOW_ID } from './settings-limits';
import { alarmSettingsSchema, watchListSchema } from './alarms';
import { proxySettingSchema } from './proxy-url';
import { updateFeedSchema } from './update-feed';

/** A stream's wall key (`profileId/streamId`, see `wall-key.ts`); a plain id in settings saved before. */
export const streamKeySchema = z.string().max(MAX_STREAM_KEY_LENGTH);

export const organisationColourSchema = z.enum(ORGANISATION_COLOURS);
export type OrganisationColour = z.infer<typeof organisationColourSchema>;

/** How an organisation's tiles are marked: a short label (its name's start when empty) and a colour. */
export const organisationLookSchema = z.object({
  short: z.string().trim().max(8),
  colour: organisationColourSchema,
});
export type OrganisationLook = z.infer<typeof organisationLookSchema>;

/** Grid layouts of the wall. */
export const gridSchema = z.enum(['auto', '2x2', '3x3', '4x4', '5x5']);
export type Grid = z.infer<typeof gridSchema>;

/** Orders the operator can sort the wall by. */
export const sortSchema = z.enum(['slot', 'name', 'state', 'changed', 'alarms']);
export type Sort = z.infer<typeof sortSchema>;

/** What narrows the wall: search text, states (any of), tags (all of), organisations (any of, by profile id). */
export const wallFilterSchema = z.object({
  search: z.string().max(200),
  states: z.array(z.string().max(40)).max(10),
  tags: z.array(z.string().max(200)).max(20),
  /** Filters saved before several organisations shared the wall have none. */
  profiles: z.array(z.string().max(200)).max(50).default([]),
});
export type WallFilter = z.infer<typeof wallFilterSchema>;

/** The most hero tiles a wall or layout remembers. */
export const MAX_HEROES = 200;

/** How many cells a hero tile spans each way: 2x2 or 3x3 (a tile without an entry spans one). */
export const heroSpanSchema = z.union([z.literal(2), z.literal(3)]);
export type HeroSpan = z.infer<typeof heroSpanSchema>;

/** Hero tiles by stream id: their span. */
export const heroesSchema = z
  .record(z.string().min(1).max(200), heroSpanSchema)
  .refine((heroes) => Object.keys(heroes).length <= MAX_HEROES, { message: `at most ${MAX_HEROES} hero tiles` });
export type Heroes = z.infer<typeof heroesSchema>;

/** A saved, named layout: which streams in which slots, the grid, the filter, the sort and the hero tiles. */
export const layoutSchema = z.object({
  name: z.string().trim().min(1).max(60),
  grid: gridSchema,
  /** Wall keys (`profileId/streamId`) in slot order; empty means "every stream that matches the filter". */
  slots: z.array(streamKeySchema).max(1000),
  filter: wallFilterSchema,
  sort: sortSchema,
  /** Tiles that span 2x2 or 3x3 cells (layouts saved before hero tiles have none). */
  heroes: heroesSchema.default({}),
});
export type Layout = z.infer<typeof layoutSchema>;

/** How tiles show on the wall: text size, what happens when they do not fit, page rotation. */
export const wallDisplaySchema = z.object({
  /** Tile text relative to the tile: small for a desk, medium for a wall, large for a far wall. */
  textSize: z.enum(['small', 'medium', 'large']),
  /** Streams beyond one screen go onto pages, or the wall scrolls. */
  overflow: z.enum(['pages', 'scroll']),
  /** Seconds a page shows before the next one, when rotation is on. */
  rotateS: z.number().int().min(5).max(3600),
  rotateInKiosk: z.boolean(),
  rotateOnDesk: z.boolean(),
});
export type WallDisplay = z.infer<typeof wallDisplaySchema>;


/** Operator labels by wall key, shown instead of the ingest name. */
export const streamLabelsSchema = z
  .record(z.string().min(1).max(MAX_STREAM_KEY_LENGTH), z.string().trim().min(1).max(MAX_LABEL_LENGTH))
  .refine((labels) => Object.keys(labels).length <= MAX_LABELS, { message: `at most ${MAX_LABELS} labels` });
export type StreamLabels = z.infer<typeof streamLabelsSchema>;


/** A wall window's id: main makes it, the window's page finds itself by it (`?wall=` in its address). */
export const wallWindowIdSchema = z.string().regex(WALL_WINDOW_ID);

/** Where a window was on the desktop, in screen pixels. */
export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/** A wall window besides the main one: on a display, showing a saved layout (null: the free wall). */
export const wallWindowSchema = z.object({
  id: wallWindowIdSchema,
  /** The display it opens on; null or a display no longer connected: the main window's display. */
  displayId: z.number().int().nullable(),
  layout: z.string().trim().min(1).max(60).nullable(),
  /** Where it was last, so it comes back there after a restart; null until it moved. */
  bounds: windowBoundsSchema.nullable(),
});
export type WallWindow = z.infer<typeof wallWindowSchema>;

/** Every setting the page may read and change. Credentials are not settings. */
export const settingsViewSchema = z.object({
  listIntervalS: z.number().min(2).max(3600),
  detailsIntervalS: z.number().min(10).max(86_400),
  quantity: z.number().int().min(1).max(1000),
  cacheMaxMb: z.number().min(50).max(100_000),
  maxConnectionsPerHost: z.number().int().min(1).max(32),
  /** Absolute folder for recordings; chosen with a dialog in main, never typed by the page. */
  downloadDir: z.string().nullable(),
  language: z.enum(['system', 'en', 'de']),
  theme: z.enum(['system', 'dark', 'light']),
  /** One tile per ABR group with a quality selector, or one tile per quality. */
  variantTiles: z.enum(['group', 'split']),
  /** Skip picture refreshes for tiles out of view (the operator's choice, never silent). */
  pauseHiddenTiles: z.boolean(),
  /** Text size, pages or scrolling, and page rotation. */
  display: wallDisplaySchema,
  /** The free wall's slot order by wall key, so tiles keep their places across screens and restarts. */
  slots: z.array(streamKeySchema).max(MAX_SLOTS),
  /** Operator labels per stream (stored locally; the ingest name stays in the focus view). */
  labels: streamLabelsSchema,
  kiosk: z.object({
    displayId: z.number().int().nullable(),
    startInKiosk: z.boolean(),
    startAtLogin: z.boolean(),
    hideCursorAfterS: z.number().int().min(0).max(3600),
  }),
  layouts: z.array(layoutSchema).max(50),
  /** The layout in use, by name; null is the free wall. */
  activeLayout: z.string().nullable(),
  /** The current grid, filter, sort and hero tiles of the wall, kept across restarts. */
  wall: z.object({ grid: gridSchema, filter: wallFilterSchema, sort: sortSchema, heroes: heroesSchema.default({}) }),
  /** Alarm thresholds per type, sound and the webhook. */
  alarms: alarmSettingsSchema,
  /** Streams (by wall key) and tags the operator expects live: their alarms are critical. */
  watch: watchListSchema,
  /** The network proxy: the system's, none, or one given here (its sign-in lives in the keychain). */
  proxy: proxySettingSchema,
  /** The generic update feed (the folder holding latest.yml); empty, the default: no updates are looked for. */
  updateFeed: updateFeedSchema,
  /** Profiles (by id) whose operator dismissed the warning that they run on the master API key. */
  keyWarningDismissed: z.array(z.string().min(1).max(200)).max(1000),
  /** More wall windows, each on a display with its own layout; opened again at start-up. */
  wallWindows: z.array(wallWindowSchema).max(MAX_WALL_WINDOWS),
  /**
   * Profiles on the wall besides the active one, each with its own connection. Empty (the
   * default): only the active profile, as when one profile was on the wall at a time.
   */
  wallProfiles: z.array(z.string().max(200)).max(50),
  /** Each organisation's chip on its tiles, by profile id. */
  organisations: z.record(z.string().max(200), organisationLookSchema),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/**
 * A change to settings: any subset, validated whole in main. The download folder comes from a
 * dialog and the wall windows from their own commands, never from a patch.
 */
export const settingsPatchSchema = settingsViewSchema.omit({ downloadDir: true, wallWindows: true }).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * Whether "start at login" can work on this computer, and if not, why: macOS starts only the
 * installed app at login, and some systems offer no way at all.
 */
export const loginItemViewSchema = z.object({
  available: z.boolean(),
  reason: z.enum(['installed-app-only', 'unsupported-system']).nullable(),
});
export type LoginItemView = z.infer<typeof loginItemViewSchema>;

/** A display the kiosk can use. */
export const displayViewSchema = z.object({ id: z.number().int(), label: z.string(), primary: z.boolean() });
export type DisplayView = z.infer<typeof displayViewSchema>;
