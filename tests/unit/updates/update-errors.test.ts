import { describe, expect, it } from 'vitest';
import { updateError } from '../../../src/main/core/updates/update-errors';

/** An error as electron-updater makes them (builder-util-runtime's `newError`: a message and a code). */
const updaterError = (message: string, code: string): Error => Object.assign(new Error(message), { code });

// The loopback tests (tests/unit/platform/updater.test.ts) meet the errors Node's sockets and a
// Linux AppImage produce. In the app, requests go through Electron's `net` (Chromium), whose
// failures read `net::ERR_...`, and Windows checks the installer's signature: those are here.
describe('update failures in plain words', () => {
  it('says a feed Chromium could not reach is unreachable, whatever the net error', () => {
    for (const message of ['net::ERR_CONNECTION_REFUSED', 'net::ERR_NAME_NOT_RESOLVED', 'net::ERR_INTERNET_DISCONNECTED', 'net::ERR_CONNECTION_TIMED_OUT', 'net::ERR_PROXY_CONNECTION_FAILED']) {
      expect(updateError(new Error(message)).reason, message).toBe('unreachable');
    }
  });

  it('says a refused certificate is the server’s certificate, not an unreachable feed', () => {
    expect(updateError(new Error('net::ERR_CERT_AUTHORITY_INVALID')).reason).toBe('certificate');
  });

  it('says an installer with the wrong signature was not installed, and never repeats the updater’s words', () => {
    const error = updaterError('New version 0.2.0 is not signed by the application owner: publisherNames: Bintu Wall\nraw info: {"Status":2,"StatusMessage":"HashMismatch"}', 'ERR_UPDATER_INVALID_SIGNATURE');
    expect(updateError(error)).toEqual({
      reason: 'signature',
      message: 'The downloaded update is not signed by the expected publisher and was not installed. Tell your IT department.',
    });
  });

  it('says a 403 is a refusal with its status, and keeps anything unknown for the log', () => {
    expect(updateError(Object.assign(new Error('403 Forbidden\nHeaders: {}'), { statusCode: 403 }))).toMatchObject({ reason: 'refused', httpStatus: 403 });
    expect(updateError(new TypeError('Cannot read properties of undefined (reading "files")'))).toEqual({
      reason: 'other',
      message: 'The update could not be checked or downloaded. Try again later; details are in the log (Save diagnostics).',
    });
  });
});
