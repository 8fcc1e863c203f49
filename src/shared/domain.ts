import { z } from 'zod';

/** The states bintu documents; anything else is kept as `unknown` with its raw text. */
export const KNOWN_STREAM_STATES = ['created', 'live', 'ended', 'locked', 'deleted'] as const;
export const streamStateSchema = z.enum([...KNOWN_STREAM_STATES, 'unknown']);
/** A stream's normalised state. */
export type StreamState = z.infer<typeof streamStateSchema>;

/** Seconds between thumbnails (bintu allows 10 to 3600). */
export const thumbsSettingsSchema = z.object({ interval: z.number() });
/** Seconds between motion clips and seconds per clip. */
export const motionClipSettingsSchema = z.object({ interval: z.number(), duration: z.number() });
/** Recording or replay length in seconds; null means the entire stream. */
export const durationSettingsSchema = z.object({ duration: z.number().nullable() });

/** Live Processing settings of one variant; null means the process is off. */
export const processingSettingsSchema = z.object({
  thumbs: thumbsSettingsSchema.nullable(),
  motionclip: motionClipSettingsSchema.nullable(),
  rec: durationSettingsSchema.nullable(),
  replay: durationSettingsSchema.nullable(),
});
export type ProcessingSettings = z.infer<typeof processingSettingsSchema>;

/** A link to an asset bintu produced (thumbnail, motion clip, replay page). URLs stay in main. */
export const assetLinkSchema = z.object({
  url: z.string(),
  streamId: z.string().nullable(),
  streamname: z.string().nullable(),
});
export type AssetLink = z.infer<typeof assetLinkSchema>;

/** A recording (VOD MP4). `id` is derived by main from the URL; the page asks for downloads by it. */
export const recordingSchema = z.object({
  id: z.string(),
  url: z.string(),
  streamId: z.string().nullable(),
  createdAt: z.string().nullable(),
  index: z.number().nullable(),
  fileName: z.string(),
});
export type Recording = z.infer<typeof recordingSchema>;

/** One quality of a stream: the passthrough (index 0) or a transcode (1..). */
export const variantSchema = z.object({
  id: z.string(),
  index: z.number(),
  label: z.string(),
  tags: z.array(z.string()),
  streamname: z.string().nullable(),
  processing: processingSettingsSchema,
  thumbnail: assetLinkSchema.nullable(),
  motionclip: assetLinkSchema.nullable(),
  replay: assetLinkSchema.nullable(),
});
export type Variant = z.infer<typeof variantSchema>;

/** What main cut from a stream to keep it within its bounds (see `bounds.ts` in main). */
export const streamCutSchema = z.enum(['tags', 'variants', 'recordings', 'text']);
export type StreamCut = z.infer<typeof streamCutSchema>;

/** A bintu stream, normalised: variants sorted by index, recordings from wherever bintu put them. */
export const streamSchema = z.object({
  id: z.string(),
  streamgroup: z.string().nullable(),
  state: streamStateSchema,
  /** bintu's own state text, shown when the state is unknown. */
  rawState: z.string(),
  type: z.string().nullable(),
  createdAt: z.string().nullable(),
  tags: z.array(z.string()),
  /** The ingest stream name (`XXXXX-YYYYY`), when bintu gave one. */
  streamname: z.string().nullable(),
  variants: z.array(variantSchema),
  recordings: z.array(recordingSchema),
  /** Whether the object carried any asset arrays (then a details request can be skipped). */
  hasAssets: z.boolean(),
  /** What was cut to keep the stream within the app's bounds; missing or empty when nothing was. */
  cut: z.array(streamCutSchema).max(4).optional(),
});
export type Stream = z.infer<typeof streamSchema>;

/** The two credential kinds bintu accepts: the organisation API key or a role-scoped token. */
export const credentialKindSchema = z.enum(['apiKey', 'token']);
export type CredentialKind = z.infer<typeof credentialKindSchema>;

/** Where nanoStream Cloud's API lives unless a profile says otherwise. */
export const DEFAULT_API_BASE = 'https://bintu.nanocosmos.de';

/** bintu's lower bound for processing intervals; also the app's floor for asset refreshes. */
export const MIN_ASSET_INTERVAL_S = 10;
