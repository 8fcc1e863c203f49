/** Whether a string is an absolute http(s) URL: the only kind of asset address main will fetch. */
export function isWebUrl(value: string | undefined): value is string {
  if (value === undefined || value === '') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The path of a URL, or '' when it cannot be parsed. */
export function urlPath(value: string): string {
  try {
    return new URL(value).pathname;
  } catch {
    return '';
  }
}
