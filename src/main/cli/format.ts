import type { Stream } from '../../shared/domain';

/** A plain-text table of streams for a terminal: id, state, name, qualities, tags. */
export function formatStreamTable(streams: readonly Stream[]): string {
  if (streams.length === 0) return 'No streams.';
  const rows = streams.map((s) => [s.id, s.state === 'unknown' ? `?${s.rawState}` : s.state, s.streamname ?? '-', String(s.variants.length), s.tags.join(', ')]);
  const header = ['ID', 'STATE', 'NAME', 'QUALITIES', 'TAGS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line), `${streams.length} stream(s)`].join('\n');
}
