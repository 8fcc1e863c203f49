import { z } from 'zod';
import { PROCESSING_RANGES } from './processing-ranges';

const { thumbs, motionclip, rec, replay } = PROCESSING_RANGES;

const seconds = (range: { min: number; max: number }) => z.number().int().min(range.min).max(range.max);
const lengthOrEntire = (min: number) => z.number().int().min(min).nullable();

/** One Live Processing setting as bintu accepts it when a stream is created. */
export const processingRequestEntrySchema = z.discriminatedUnion('id', [
  z.strictObject({ id: z.literal('thumbs'), interval: seconds(thumbs.interval) }),
  z.strictObject({
    id: z.literal('motionclip'),
    interval: seconds(motionclip.interval),
    duration: seconds(motionclip.duration),
  }),
  z.strictObject({ id: z.literal('rec'), duration: lengthOrEntire(rec.duration.min) }),
  z.strictObject({ id: z.literal('replay'), duration: lengthOrEntire(replay.duration.min) }),
]);

/**
 * The body of `POST /stream` as documented: tags, transcodes by profile, and processing as one
 * array of settings per variant (passthrough first). Strict, so a typo is caught before bintu.
 */
export const createStreamRequestSchema = z.strictObject({
  tags: z.array(z.string()).optional(),
  transcodes: z.array(z.strictObject({ profile: z.string().min(1), tags: z.array(z.string()).optional() })).optional(),
  processing: z
    .array(z.array(processingRequestEntrySchema))
    .refine((variants) => variants.every((entries) => new Set(entries.map((e) => e.id)).size === entries.length), {
      message: 'each process may appear once per variant',
    })
    .optional(),
});
export type CreateStreamRequest = z.infer<typeof createStreamRequestSchema>;

/** The body of `PUT /stream/{id}/tag`: the complete new tag list. */
export const setTagsRequestSchema = z.strictObject({ tags: z.array(z.string().min(1)) });
export type SetTagsRequest = z.infer<typeof setTagsRequestSchema>;
