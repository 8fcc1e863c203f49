import { z } from 'zod';
import { checkApiBase, type ApiBaseProblem } from './api-base';

/** What is wrong with an update feed's address, for the page to say in the operator's language. */
export type UpdateFeedProblem = Exclude<ApiBaseProblem, 'empty'>;

/** The outcome of checking an update feed's address: empty is "updates off". */
export type UpdateFeedCheck = { ok: true; url: string } | { ok: false; problem: UpdateFeedProblem; message: string };

const MESSAGES: Record<UpdateFeedProblem, string> = {
  invalid: 'The update feed is not a valid web address.',
  scheme: 'The update feed must start with https://.',
  insecure: 'The update feed must use https://; plain http:// is only allowed for this computer (localhost, 127.0.0.1, ::1).',
  credentials: 'The update feed must not contain a user name or password.',
  query: 'The update feed must not contain a query (the part after "?").',
  fragment: 'The update feed must not contain a fragment (the part after "#").',
};

/**
 * Checks the address of a generic update feed (the folder holding latest.yml) with the API base's
 * rules: https, plain http only on loopback, no sign-in, query or fragment. Empty means no feed:
 * updates are off, as they are by default (control rooms are often off the internet).
 */
export function checkUpdateFeed(input: string): UpdateFeedCheck {
  if (input.trim() === '') return { ok: true, url: '' };
  const checked = checkApiBase(input);
  if (checked.ok) return checked;
  const problem = checked.problem === 'empty' ? 'invalid' : checked.problem;
  return { ok: false, problem, message: MESSAGES[problem] };
}

/** The update feed as stored in Settings or pinned by a policy: a checked address, or '' (off). */
export const updateFeedSchema = z
  .string()
  .trim()
  .max(500)
  .refine((text) => checkUpdateFeed(text).ok, {
    message: 'enter the update feed as https://host/path (plain http:// only for this computer), or leave it empty to turn updates off',
  })
  .transform((text) => {
    const checked = checkUpdateFeed(text);
    return checked.ok ? checked.url : text;
  });

/** Why a check or download failed: the page says it in the operator's language. */
export const updateErrorReasonSchema = z.enum(['unreachable', 'not-found', 'server', 'refused', 'certificate', 'invalid-feed', 'checksum', 'signature', 'wrong-kind', 'other']);
export type UpdateErrorReason = z.infer<typeof updateErrorReasonSchema>;

/** A failed check or download: its reason, the HTTP status when the server answered one, and main's plain English. */
export const updateErrorSchema = z.object({
  reason: updateErrorReasonSchema,
  httpStatus: z.number().int().optional(),
  /** What to do, in English (the log and the CLI); never a stack trace or the server's answer. */
  message: z.string().max(1000),
});
export type UpdateError = z.infer<typeof updateErrorSchema>;

/**
 * Where updating stands, for Settings to say in plain words. `off`: no feed is set;
 * `unsupported`: this copy cannot replace itself (not installed from an installer, or a kind of
 * installation the updater does not handle); the rest follow one check and its download.
 */
export const updateStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('off') }),
  z.object({ status: z.literal('unsupported') }),
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('checking') }),
  z.object({ status: z.literal('up-to-date') }),
  z.object({ status: z.literal('available'), version: z.string().max(100) }),
  z.object({ status: z.literal('downloading'), version: z.string().max(100), percent: z.number().min(0).max(100) }),
  z.object({ status: z.literal('ready'), version: z.string().max(100) }),
  z.object({ status: z.literal('error'), error: updateErrorSchema }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;

/** What the page may know of updating: the running version and where updating stands. */
export const updateViewSchema = z.object({ currentVersion: z.string().max(100), state: updateStateSchema });
export type UpdateView = z.infer<typeof updateViewSchema>;
