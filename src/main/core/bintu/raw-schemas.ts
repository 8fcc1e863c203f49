import { z } from 'zod';
import { BOUNDS } from './bounds';

/*
 * The bintu stream object as it arrives, described loosely: unknown fields pass, every field is
 * optional, and a field of the wrong type reads as missing (`.catch`) instead of failing the
 * stream. Array entries are parsed one by one, so one bad entry drops only itself.
 */

/** A raw string's head: longer than every bound, so a cut is still seen (and marked) later. */
const head = (value: string): string => (value.length > BOUNDS.rawText ? value.slice(0, BOUNDS.rawText) : value);

/** A string, or a number read as its text (ids sometimes arrive as numbers); else undefined. */
const text = z
  .union([z.string().transform(head), z.number().transform(String)])
  .optional()
  .catch(undefined);

const numericString = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/)
  .transform(Number);

/** A finite number (or numeric text); else undefined. */
const num = z.union([z.number(), numericString]).optional().catch(undefined);

/** Like `num`, but keeps an explicit null: for durations null means "the entire stream". */
const numOrNull = z.union([z.null(), z.number(), numericString]).optional().catch(undefined);

/** A moment as ISO text: strings pass as they are, epoch numbers (s or ms) become ISO. */
const timestamp = z
  .union([
    z.string(),
    z.number().transform((n) => {
      const date = new Date(n < 1e12 ? n * 1000 : n);
      return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
    }),
  ])
  .optional()
  .catch(undefined);

/** Tags: the strings of an array (others dropped), a lone string as one tag, anything else none. */
const stringList = z
  .unknown()
  .transform((value): string[] => {
    if (typeof value === 'string') return value === '' ? [] : [head(value)];
    if (!Array.isArray(value)) return [];
    // Only a bounded head is looked at; more than `BOUNDS.tags` is cut (and marked) later anyway.
    return value
      .slice(0, BOUNDS.rawEntries)
      .filter((item): item is string => typeof item === 'string' && item !== '')
      .map(head);
  })
  // Marks the key optional in the object; a missing key reads as no tags.
  .default(() => []);

/**
 * An array whose entries are parsed one at a time; bad entries are dropped. Undefined when the
 * value is not an array at all, so callers can tell "missing" from "empty".
 */
function entries<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .transform((value): z.output<T>[] | undefined => {
      if (!Array.isArray(value)) return undefined;
      const parsed: z.output<T>[] = [];
      // A bounded head only: parsing a hundred thousand entries would stall the process.
      for (const entry of value.slice(0, BOUNDS.rawEntries)) {
        const result = item.safeParse(entry);
        if (result.success) parsed.push(result.data);
      }
      return parsed;
    })
    .optional();
}

/** An optional nested object; a wrong type reads as missing. */
function nested<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** One entry of a variant's `processing[]`. */
export const rawProcessingEntrySchema = z.looseObject({ id: text, interval: numOrNull, duration: numOrNull });
export type RawProcessingEntry = z.infer<typeof rawProcessingEntrySchema>;

const rawRtmpRef = z.looseObject({ url: text, streamname: text });

/** One quality in `playout.h5live[]` or `playout.rtmp[]`. */
export const rawVariantSchema = z.looseObject({
  id: text,
  index: num,
  type: text,
  label: text,
  profile: text,
  url: text,
  streamname: text,
  tags: stringList,
  processing: entries(rawProcessingEntrySchema),
  rtmp: nested(rawRtmpRef),
  info: nested(z.looseObject({ width: num, height: num, bitrate: num, fps: num })),
});
export type RawVariant = z.infer<typeof rawVariantSchema>;

/** One entry of `thumbnails[]`, `motionclip[]`, `replay[]` or `web[]`, and recording lists. */
export const rawAssetSchema = z.looseObject({
  url: text,
  type: text,
  streamId: text,
  streamname: text,
  index: num,
  createdAt: timestamp,
  created_at: timestamp,
});
export type RawAsset = z.infer<typeof rawAssetSchema>;

/** A recording list entry: an asset object, or just its URL. */
const rawRecordingSchema = z.union([z.string().transform((url): RawAsset => ({ url })), rawAssetSchema]);

/** `playout`: the variant and asset arrays (each undefined when missing or not an array). */
export const rawPlayoutSchema = z.looseObject({
  h5live: entries(rawVariantSchema),
  rtmp: entries(rawVariantSchema),
  hls: entries(rawAssetSchema),
  web: entries(rawAssetSchema),
  thumbnails: entries(rawAssetSchema),
  motionclip: entries(rawAssetSchema),
  replay: entries(rawAssetSchema),
  recordings: entries(rawRecordingSchema),
  vod: entries(rawRecordingSchema),
});
export type RawPlayout = z.infer<typeof rawPlayoutSchema>;

/** The stream object of `GET /stream` and `GET /stream/{id}`. */
export const rawStreamSchema = z.looseObject({
  id: text,
  streamgroup: text,
  state: text,
  type: text,
  created_at: timestamp,
  createdAt: timestamp,
  tags: stringList,
  ingest: nested(z.looseObject({ streamname: text, rtmp: nested(rawRtmpRef) })),
  playout: nested(rawPlayoutSchema),
  recordings: entries(rawRecordingSchema),
  vod: entries(rawRecordingSchema),
});
export type RawStream = z.infer<typeof rawStreamSchema>;

/** bintu's error body: `{"error": {"message", "code", "userinfo"}}`. */
export const rawErrorBodySchema = z.looseObject({
  error: z.looseObject({
    message: text,
    code: num,
    userinfo: z.record(z.string(), z.unknown()).optional().catch(undefined),
  }),
});
export type RawErrorBody = z.infer<typeof rawErrorBodySchema>;
