// The only way chart helpers read data: rows of a PublishedTable, with hidden cells as null.
import { checkPublishedTable, scopeText, type PublishedTable } from '../privacy/index.js';

/** Who is counted and the period of the table each row list came from (issue 14), for the note. */
const scopes = new WeakMap<ChartRow[], string>();

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
  scopes.set(rows, scopeText(pt));
  return rows;
}

/**
 * A footnote for a chart: who is counted and the period of its table (CellSpec.who / when), then how
 * many of its values are hidden; '' when there is nothing to say.
 * @example suppressedNote(chartRows(published, 'barChart'), 'leaver_rate_pct')
 */
export function suppressedNote(rows: ChartRow[], measure: string): string {
  const hidden = rows.filter((r) => r.suppressed.includes(measure)).length;
  const note =
    hidden === 0
      ? ''
      : `${hidden} value${hidden === 1 ? '' : 's'} hidden to protect privacy ([c]).`;
  return [scopes.get(rows) ?? '', note].filter(Boolean).join(' ');
}

/**
 * A chart's description: the caller's text, then the footnote of suppressedNote(rows, measure).
 * @example chartDescription('Leavers / average headcount.', chartRows(published, 'barChart'), 'leaver_rate_pct')
 */
export function chartDescription(
  description: string | undefined,
  rows: ChartRow[],
  measure: string,
): string {
  return [description, suppressedNote(rows, measure)].filter(Boolean).join(' ');
}

/**
 * The rows as a spec embeds them: without `suppressed`, with `hidden` = "[c]" where `measure` is
 * hidden in the row and '' elsewhere (for a text mark that shows the hidden cells).
 * @example markHidden(chartRows(published, 'barChart'), 'headcount')[0].hidden // '' or '[c]'
 */
export function markHidden(rows: ChartRow[], measure: string): Record<string, unknown>[] {
  return rows.map(({ suppressed, ...r }) => ({
    ...r,
    hidden: suppressed.includes(measure) ? '[c]' : '',
  }));
}
