// The only way chart helpers read data: rows of a PublishedTable, with hidden cells as null.
import { checkPublishedTable, type PublishedTable } from '../privacy/index.js';

/** One chart row: dimension and measure values; `suppressed` lists the measures hidden in this row. */
export type ChartRow = Record<string, string | number | boolean | null | string[]> & {
  suppressed: string[];
};

/**
 * The rows a chart may embed: every dimension and published measure, with hidden cells null (their
 * values never leave the PublishedTable) and the names of hidden measures in `suppressed`.
 * Throws when given anything but a PublishedTable.
 * @example const rows = chartRows(published, 'leaverRateChart')
 */
export function chartRows(published: PublishedTable, where: string): ChartRow[] {
  const pt = checkPublishedTable(published, where);
  const rows: ChartRow[] = [];
  for (let i = 0; i < pt.table.numRows(); i++) {
    const row: ChartRow = { suppressed: [] };
    for (const d of pt.by) row[d] = pt.table.get(d, i) as string | number | null;
    for (const m of pt.columns) {
      if (pt.table.get(`${m}_status`, i) === 'suppressed') {
        row[m] = null;
        row.suppressed.push(m);
      } else {
        row[m] = pt.table.get(m, i) as number | null;
      }
    }
    rows.push(row);
  }
  return rows;
}

/** A footnote for a chart: how many of its values are hidden, or '' when none. */
export function suppressedNote(rows: ChartRow[], measure: string): string {
  const hidden = rows.filter((r) => r.suppressed.includes(measure)).length;
  return hidden === 0
    ? ''
    : `${hidden} value${hidden === 1 ? '' : 's'} hidden to protect privacy ([c]).`;
}
