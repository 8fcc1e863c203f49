/** Parses a `Retry-After` header (seconds or an HTTP date) into an absolute time, capped at an hour so a broken server cannot park the wall forever. */
export function retryAtFrom(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(seconds)) return undefined;
  return now + Math.min(Math.max(seconds, 0), 3_600_000);
}
