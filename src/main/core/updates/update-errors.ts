import type { UpdateError, UpdateErrorReason } from '../../../shared/update-feed';

/**
 * What went wrong with an update, in plain words that say what to do. The updater's own message
 * is never shown: it carries stack traces, response headers and the feed's body. Known causes are
 * recognised by electron-updater's error codes, Node's socket codes and Chromium's net errors
 * (Electron's `net` reports `net::ERR_CONNECTION_REFUSED` and the like as the message).
 */
export function updateError(error: unknown): UpdateError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number((error as { statusCode: unknown }).statusCode) : NaN;
  const message = error instanceof Error ? error.message : '';
  const name = error instanceof Error ? error.name : '';

  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || status === 404) {
    return plain('not-found', 'The update feed has no release information (latest.yml) at that address. Check the update feed address in Settings, or ask your IT department to publish the release there.');
  }
  if (Number.isFinite(status) && status >= 500) {
    return plain('server', `The update server had a problem (HTTP ${status}). Try again later; if it persists, tell your IT department.`, status);
  }
  if (Number.isFinite(status) && status >= 400) {
    return plain('refused', `The update server refused the request (HTTP ${status}). Ask your IT department to check the update feed.`, status);
  }
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'].includes(code) ||
    /net::ERR_(CONNECTION|NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|TIMED_OUT|NETWORK|PROXY|TUNNEL)/.test(message) ||
    /^Request timed out|has been aborted by the server/.test(message)
  ) {
    return plain('unreachable', 'The update feed could not be reached. Check the update feed address in Settings and that this computer can reach it, then check again.');
  }
  if (/net::ERR_(CERT|SSL)/.test(message)) {
    return plain('certificate', 'The update feed’s certificate was not accepted. Ask your IT department to check the update server’s certificate.');
  }
  if (['ERR_UPDATER_INVALID_UPDATE_INFO', 'ERR_UPDATER_INVALID_VERSION', 'ERR_UPDATER_NO_FILES_PROVIDED', 'ERR_UPDATER_NO_CHECKSUM'].includes(code) || name === 'YAMLException') {
    return plain('invalid-feed', 'The update feed’s release information (latest.yml) is not valid. Ask your IT department to publish the release again.');
  }
  if (code === 'ERR_CHECKSUM_MISMATCH') {
    return plain('checksum', 'The downloaded update did not match its checksum and was discarded. Check again later; if it happens again, ask your IT department to publish the release again.');
  }
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') {
    return plain('signature', 'The downloaded update is not signed by the expected publisher and was not installed. Tell your IT department.');
  }
  if (['ERR_UPDATER_OLD_FILE_NOT_FOUND', 'ERR_UPDATER_ZIP_FILE_NOT_FOUND', 'ERR_UPDATER_WEB_INSTALLER_DISABLED'].includes(code)) {
    return plain('wrong-kind', 'The update feed has no update for this kind of installation. Ask your IT department which installer to use.');
  }
  return plain('other', 'The update could not be checked or downloaded. Try again later; details are in the log (Save diagnostics).');
}

function plain(reason: UpdateErrorReason, message: string, httpStatus?: number): UpdateError {
  return httpStatus === undefined ? { reason, message } : { reason, message, httpStatus };
}
