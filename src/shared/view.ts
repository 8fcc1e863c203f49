import { z } from 'zod';
import { appErrorDataSchema } from './errors';
import { credentialKindSchema, processingSettingsSchema, streamCutSchema, streamStateSchema } from './domain';

/** A cached asset as the page sees it: a `wall-asset:` address, never a bintu URL. */
export const assetViewSchema = z.object({
  src: z.string(),
  /** When main last confirmed this picture with the server (ms epoch). */
  fetchedAt: z.number(),
  /** When the picture's content last changed (ms epoch): the age the operator sees. */
  changedAt: z.number(),
});
export type AssetView = z.infer<typeof assetViewSchema>;

/** One quality of a stream, as shown in the tile and the focus view. */
export const variantViewSchema = z.object({
  id: z.string(),
  index: z.number(),
  label: z.string(),
  streamname: z.string().nullable(),
  processing: processingSettingsSchema,
  thumbnail: assetViewSchema.nullable(),
  motionclip: assetViewSchema.nullable(),
  hasReplay: z.boolean(),
});
export type VariantView = z.infer<typeof variantViewSchema>;

/** A recording the operator can download, named by id. */
export const recordingViewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  createdAt: z.string().nullable(),
  /** The quality (variant id) it was recorded from, when bintu said. */
  variantId: z.string().nullable(),
});
export type RecordingView = z.infer<typeof recordingViewSchema>;

/** A tile on the wall: one stream with everything the page needs and no URL. */
export const tileViewSchema = z.object({
  /** The stream's wall key (`profileId/streamId`, see `wall-key.ts`): what the page keys it by. */
  id: z.string(),
  /** The stream's id at bintu: shown and copied, never a key (two organisations may share it). */
  streamId: z.string(),
  /** The profile (organisation) the stream belongs to. */
  profileId: z.string(),
  name: z.string(),
  state: streamStateSchema,
  rawState: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string().nullable(),
  variants: z.array(variantViewSchema),
  recordings: z.array(recordingViewSchema),
  hasReplay: z.boolean(),
  /** The stream left bintu's list: its tile keeps its slot, with its last picture, until dismissed. */
  gone: z.boolean(),
  /**
   * What main cut from bintu's data to keep within its bounds (more tags, qualities or recordings
   * than it keeps; text cut, ending in "…"). Missing when nothing was.
   */
  cut: z.array(streamCutSchema).max(4).optional(),
});
export type TileView = z.infer<typeof tileViewSchema>;

/** How well main reaches bintu right now. */
export const connectionStatusSchema = z.enum([
  'idle',
  'connecting',
  'online',
  'degraded',
  'offline',
  'credential-rejected',
  /** The proxy in the way is down, refused the connection or wants a sign-in. */
  'proxy-failed',
]);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/** The connection summary in the status bar. */
export const connectionViewSchema = z.object({
  status: connectionStatusSchema,
  lastPollAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  /** Since when nothing got through, when offline (ms epoch). */
  offlineSince: z.number().nullable(),
  error: appErrorDataSchema.nullable(),
  requests: z.number(),
  bytes: z.number(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

/** One organisation on the wall: its own connection, and whether its tiles come from its cache. */
export const organisationViewSchema = z.object({
  profileId: z.string(),
  name: z.string(),
  connection: connectionViewSchema,
  fromCache: z.boolean(),
  truncated: z.boolean(),
  quantity: z.number(),
});
export type OrganisationView = z.infer<typeof organisationViewSchema>;

/**
 * The whole wall, pushed wholesale with `wall:changed`: the tiles of every organisation on it.
 * `connection`, `truncated` and `fromCache` sum the organisations up (with one, they are its own);
 * `organisations` has each one's, in the order they joined the wall.
 */
export const wallViewSchema = z.object({
  connection: connectionViewSchema,
  organisations: z.array(organisationViewSchema),
  streams: z.array(tileViewSchema),
  /** The list came back with exactly `quantity` items: there may be more streams. */
  truncated: z.boolean(),
  quantity: z.number(),
  /** The streams come from the cache, not yet confirmed by bintu since start. */
  fromCache: z.boolean(),
});
export type WallView = z.infer<typeof wallViewSchema>;

/** A stored profile. Only whether a credential exists is visible, never the credential. */
export const profileViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  apiBase: z.string(),
  credentialKind: credentialKindSchema,
  hasCredential: z.boolean(),
  /** The profile has a connection on the wall now (the active one, or one switched on beside it). */
  onWall: z.boolean(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

/** Which profile is in use, whether it is the demo, and whether the keychain works. */
export const sessionViewSchema = z.object({
  profiles: z.array(profileViewSchema),
  activeProfileId: z.string().nullable(),
  demo: z.boolean(),
  keychain: z.object({
    available: z.boolean(),
    /** Shown as a warning when credentials can only be held for this session. */
    message: z.string().nullable(),
  }),
});
export type SessionView = z.infer<typeof sessionViewSchema>;
