/**
 * bintu's error bodies, shaped exactly like the documented examples
 * (`{"error": {"message", "code", "userinfo"}}`), with their HTTP statuses.
 */

/** A bintu error answer: status plus JSON body. */
export interface BintuError {
  status: number;
  body: { error: { message: string; code: number; userinfo?: Record<string, string> } };
}

function err(status: number, code: number, message: string, userinfo?: Record<string, string>): BintuError {
  return { status, body: { error: userinfo ? { message, code, userinfo } : { message, code } } };
}

/** 400/1002: a required parameter is missing. */
export const parameterRequired = (parameter: string): BintuError =>
  err(400, 1002, 'Parameter required', { required_parameter: parameter });

/** 400/1003: a parameter was given more than once. */
export const parameterNotUnique = (parameter: string): BintuError =>
  err(400, 1003, 'Parameter not unique', { duplicated_parameter: parameter });

/** 400/1004: a parameter has the wrong type or value. */
export const wrongDataType = (parameter: string, type: string): BintuError =>
  err(400, 1004, 'Wrong Data Type', { parameter, type });

/** 401/4002: no credential, or one bintu does not know. The user is never echoed back. */
export const credentialsNotValid = (): BintuError =>
  err(401, 4002, 'User Credentials are not valid', { user: 'unknown' });

/** 403/2001: the role may not do this (e.g. nanoReadOnly changing tags). */
export const accessDenied = (): BintuError => err(403, 2001, 'Access denied');

/**
 * 403: the organisation has not booked the package. bintu documents the message but not the code;
 * 2002 (next to 2001 "Access denied") is this simulator's choice.
 */
export const organisationNotEnabled = (): BintuError =>
  err(403, 2002, 'Organisation not enabled', { package: 'Live Processing' });

/** 404: no such stream. bintu's code for this is not documented; 3001 is this simulator's choice. */
export const streamNotFound = (id: string): BintuError => err(404, 3001, 'Stream not found', { stream_id: id });

/** 404 for a route bintu does not have. */
export const routeNotFound = (): BintuError => err(404, 404, 'Not Found');

/** 405 for a known route with the wrong method. */
export const methodNotAllowed = (): BintuError => err(405, 405, 'Method Not Allowed');

/** 500 from the API itself (fault injection). */
export const internalError = (): BintuError => err(500, 500, 'Internal Server Error');

/** 429 (fault injection; bintu documents no rate limit, a careful client honours it anyway). */
export const tooManyRequests = (): BintuError => err(429, 429, 'Too Many Requests');

/** 400/3002: the requested stream type does not exist. */
export const streamTypeNotAvailable = (streamType: string): BintuError =>
  err(400, 3002, 'Stream Type is not available', { stream_type: streamType });
