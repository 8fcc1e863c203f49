import { z } from 'zod';
import { appErrorDataSchema } from './errors';

/** A download's lifecycle. */
export const downloadStateSchema = z.enum(['queued', 'downloading', 'done', 'failed', 'cancelled']);
export type DownloadState = z.infer<typeof downloadStateSchema>;

/** A recording download as the page shows it: progress, no URL, no path. */
export const downloadViewSchema = z.object({
  id: z.string(),
  recordingId: z.string(),
  streamId: z.string(),
  fileName: z.string(),
  state: downloadStateSchema,
  bytes: z.number(),
  total: z.number().nullable(),
  speedBps: z.number(),
  etaS: z.number().nullable(),
  error: appErrorDataSchema.nullable(),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type DownloadView = z.infer<typeof downloadViewSchema>;
