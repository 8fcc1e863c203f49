import type { Stream } from '../../shared/domain';
import { escapeTerminal, fitCell } from './terminal';

/** Widest a cell of the stream table grows; longer text is cut with `…`. */
const CELL_MAX = { organisation: 30, id: 40, state: 16, name: 40, tags: 60 } as const;

/**
 * A plain-text table of streams for a terminal: id, state, name, qualities, tags. Every bintu
 * string is escaped (a tag cannot move the cursor, set the title or forge a line) and cut to its
 * column; a stream the app cut to its bounds shows `…` where it was cut. With `organisations`
 * (one name per stream, for `--all-profiles`) each row starts with its organisation.
 */
export function formatStreamTable(streams: readonly Stream[], organisations?: readonly string[]): string {
  if (streams.length === 0) return 'No streams.';
  const cell = (text: string, max: number): string => fitCell(escapeTerminal(text), max);
  const rows = streams.map((s, i) => {
    const cut = new Set(s.cut ?? []);
    return [
      ...(organisations ? [cell(organisations[i] ?? '', CELL_MAX.organisation)] : []),
      cell(s.id, CELL_MAX.id),
      cell(s.state === 'unknown' ? `?${s.rawState}` : s.state, CELL_MAX.state),
      cell(s.streamname ?? '-', CELL_MAX.name),
      `${s.variants.length}${cut.has('variants') ? '…' : ''}`,
      cell(`${s.tags.join(', ')}${cut.has('tags') && !s.tags.at(-1)?.endsWith('…') ? ', …' : ''}`, CELL_MAX.tags),
    ];
  });
  const header = [...(organisations ? ['ORGANISATION'] : []), 'ID', 'STATE', 'NAME', 'QUALITIES', 'TAGS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const cutCount = streams.filter((s) => (s.cut ?? []).length > 0).length;
  const note = cutCount > 0 ? `; ${cutCount} cut to the app's limits (marked …)` : '';
  return [line(header), ...rows.map(line), `${streams.length} stream(s)${note}`].join('\n');
}
