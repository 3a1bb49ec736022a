// Arquero tables as readable HTML: numbers right-aligned with separators, dates dd/mm/yyyy, a row limit.
import type { ColumnTable } from 'arquero';
import { escapeHtml } from '../shared/html.js';
import { display } from './bundle.js';
import { formatDateGB, formatNumber, isDateColumn } from './format.js';

export interface TableHtmlOptions {
  /** Rows shown before "n more rows" (default 20). */
  limit?: number;
  /** A caption above the table, e.g. what each row is and the period. */
  caption?: string;
  /** Columns to show, in order (default: all). */
  columns?: string[];
  /** Extra HTML under the table (a suppression log, a definition). */
  footer?: string;
  /** Marks a cell hidden by disclosure control: it prints as [c] whatever its value. */
  suppressed?: (column: string, row: number) => boolean;
}

/**
 * An HTML table of the first `limit` rows, with "n more rows" when there are more.
 * Numbers are right-aligned with thousands separators; `date` and `*_date` columns (epoch days)
 * and Date values print as dd/mm/yyyy; null prints empty.
 * @example tableHtml(aq.table({ unit: ['A'], fte: [1234.5] }))
 */
export function tableHtml(table: ColumnTable, options: TableHtmlOptions = {}): string {
  const { limit = 20, caption, footer } = options;
  const columns = options.columns ?? table.columnNames();
  const missing = columns.filter((name) => !table.columnNames().includes(name));
  if (missing.length > 0) {
    throw new Error(
      `tableHtml: column(s) ${missing.join(', ')} not in the table. Found: ${table.columnNames().join(', ')}.`,
    );
  }
  const total = table.numRows();
  const shown = Math.min(total, limit);
  const values = columns.map((name) => table.array(name) as ArrayLike<unknown>);
  const numeric = columns.map(
    (name, j) => !isDateColumn(name) && isNumericColumn(values[j], shown),
  );
  const head = columns
    .map((name, j) => `<th${numeric[j] ? ' class="num"' : ''}>${escapeHtml(name)}</th>`)
    .join('');
  const body: string[] = [];
  for (let i = 0; i < shown; i++) {
    const cells = columns.map((name, j) => {
      if (options.suppressed?.(name, i)) {
        return `<td class="num wbk-suppressed" style="text-align:right;color:#777" title="hidden to protect privacy">[c]</td>`;
      }
      const text = formatCell(name, values[j][i]);
      return `<td${numeric[j] ? ' class="num" style="text-align:right"' : ''}>${escapeHtml(text)}</td>`;
    });
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  const more =
    total > shown
      ? `<p class="wbk-more">${formatNumber(total - shown)} more row${total - shown === 1 ? '' : 's'} (${formatNumber(total)} in all)</p>`
      : '';
  const cap = caption ? `<caption style="text-align:left">${escapeHtml(caption)}</caption>` : '';
  return [
    `<div class="wbk-table-wrap"><table class="wbk-table">${cap}`,
    `<thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>${more}`,
    footer ?? '',
    '</div>',
  ].join('');
}

/**
 * Shows a table in the notebook (HTML, with a plain-text fallback). Returns nothing, so the cell
 * prints nothing more; `tableHtml` gives the HTML itself.
 * @example showTable(people, { limit: 10, caption: 'People in post' })
 */
export function showTable(table: ColumnTable, options: TableHtmlOptions = {}): void {
  display({
    'text/html': tableHtml(table, options),
    'text/plain': `${options.caption ?? 'table'}: ${table.numRows()} rows × ${table.numCols()} columns`,
  });
}

function isNumericColumn(values: ArrayLike<unknown>, rows: number): boolean {
  let seen = false;
  for (let i = 0; i < rows; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' && typeof v !== 'bigint') return false;
    seen = true;
  }
  return seen;
}

function formatCell(name: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDateGB(value);
  if (typeof value === 'number')
    return isDateColumn(name) ? formatDateGB(value) : formatNumber(value);
  if (typeof value === 'bigint') return formatNumber(Number(value));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}
