/**
 * The JSON shape of a `FaultSpec`, checked the same way for the `/_sim/` routes and the CLI's
 * `--fault` flags, so a typo is refused rather than silently ignored.
 */
import { z } from 'zod';
import type { FaultSpec } from './types';

const flappingSchema = z.strictObject({
  periodS: z.number().min(1).max(3600).optional(),
  mode: z.enum(['state', 'black']).optional(),
});

/** The JSON a client may send as a FaultSpec. */
export const faultSpecSchema = z.strictObject({
  scope: z.enum(['api', 'assets', 'both']).optional(),
  latencyMs: z.number().min(0).optional(),
  jitterMs: z.number().min(0).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatuses: z.array(z.union([z.literal(500), z.literal(502), z.literal(503)])).optional(),
  rateLimitRate: z.number().min(0).max(1).optional(),
  retryAfterS: z.number().int().min(0).optional(),
  dropAfterBytes: z.number().int().min(0).optional(),
  malformedJson: z.boolean().optional(),
  truncatedJson: z.boolean().optional(),
  slowBodyBytesPerSec: z.number().positive().optional(),
  frozen: z.union([z.boolean(), z.enum(['reencoded', 'identical'])]).optional(),
  stalled: z.boolean().optional(),
  black: z.boolean().optional(),
  uniform: z.union([z.boolean(), z.string().regex(/^#[0-9a-fA-F]{6}$/)]).optional(),
  nearlyStatic: z.boolean().optional(),
  thumbnail404: z.boolean().optional(),
  motionclip404: z.boolean().optional(),
  flapping: z.union([z.boolean(), flappingSchema]).optional(),
  unreadable: z.union([z.boolean(), z.enum(['truncated', 'wrongFormat'])]).optional(),
  gone: z.boolean().optional(),
  times: z.number().int().positive().optional(),
});

/** Checks untrusted JSON as a FaultSpec; throws a ZodError naming the bad field. */
export function parseFaultSpec(json: unknown): FaultSpec {
  return faultSpecSchema.parse(json) as FaultSpec;
}
