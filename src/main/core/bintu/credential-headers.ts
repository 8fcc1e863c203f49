import { AppError } from '../errors';
import { originOf } from '../http/url-parts';
import type { BintuCredential } from './bintu-client';

/** The header that carries each credential kind. */
export const CREDENTIAL_HEADER = { apiKey: 'X-BINTU-APIKEY', token: 'X-BINTU-TOKEN' } as const;

/**
 * The credential header for a request, only when the request goes to the API base's origin.
 * Any other URL is refused outright: the key is a master key, and asset, replay or redirect hosts
 * must never see it, even through a bug elsewhere.
 */
export function credentialHeaders(apiBase: string, credential: BintuCredential, requestUrl: string): Record<string, string> {
  if (originOf(requestUrl) !== originOf(apiBase) || originOf(apiBase) === null) {
    throw new AppError('internal', 'Refused to send the bintu credential to a host other than the API base.');
  }
  return { [CREDENTIAL_HEADER[credential.kind]]: credential.secret };
}
