// PublishedTable: the only form in which aggregated data may reach a chart, an export or a report.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { escapeHtml } from '../shared/html.js';
import { suppressionSummaryHtml, type SuppressionLog } from './log.js';
import type { DisclosurePolicy } from './policy.js';
import type { RateSpec, RestOf } from './spec.js';

declare const publishedBrand: unique symbol;

/** Status of one published cell, in the `<column>_status` columns. */
export type CellStatus = 'shown' | 'rounded' | 'suppressed' | 'empty';

/**
 * A table that went through publishTable: hidden cells are null, each published measure column has a
 * `<column>_status` column ('shown' | 'rounded' | 'suppressed' | 'empty' for a rate over zero), and
 * the log says what was hidden and why. Only publishTable creates one (checked by isPublishedTable),
 * so a function typed to take a PublishedTable never sees unsuppressed data.
 */
export interface PublishedTable {
  readonly [publishedBrand]: true;
  /** The publishable table: dimension columns, measure columns, then their status columns. */
  readonly table: ColumnTable;
  readonly by: readonly string[];
  /** Published measure columns (population, counts, rates, means), in table order. */
  readonly columns: readonly string[];
  /** The published columns that count people (population and counts): what thresholds apply to. */
  readonly countColumns: readonly string[];
  /** The spec's total marker (a row with this value in a dimension is the sum over it), if declared. */
  readonly total?: string;
  /** The spec's hierarchy (child value → parent value in one dimension), if declared. */
  readonly hierarchy?: Readonly<{ column: string; parent: Readonly<Record<string, string>> }>;
  /** The spec's period label (the period every row is about when the period is not a dimension). */
  readonly period?: string;
  /** In a unit's report, the label of the rows that count everyone outside the unit (CellSpec.rest). */
  readonly rest?: Readonly<RestOf>;
  /** The spec's relations within rows (total column = sum of part columns), if declared. */
  readonly rates?: readonly Readonly<RateSpec>[];
  readonly relations?: readonly Readonly<{ total: string; parts: readonly string[] }>[];
  /** The spec's figures repeated down dimensions (CellSpec.sameAcross), if declared. */
  readonly sameAcross?: Readonly<Record<string, readonly string[]>>;
  /** Who is counted and from when to when, in words (CellSpec.who / when; issue 14). */
  readonly who?: string;
  readonly when?: string;
  readonly log: SuppressionLog;
  readonly policy: Readonly<DisclosurePolicy>;
  /** True in analyst mode: nothing was hidden; the output must not leave the analyst's hands. */
  readonly notForCirculation: boolean;
}

const issued = new WeakSet<object>();

/**
 * Returns true when `value` is a PublishedTable made by publishTable in this process (a look-alike
 * object built by hand, or a cast, is rejected).
 * @example if (!isPublishedTable(data)) throw new Error('publish the table first');
 */
export function isPublishedTable(value: unknown): value is PublishedTable {
  return typeof value === 'object' && value !== null && issued.has(value);
}

/**
 * Returns `value` when it is a PublishedTable; otherwise throws, naming the caller and the fix.
 * Chart helpers and exports call this first.
 * @example const data = checkPublishedTable(input, 'attritionTrendChart');
 */
export function checkPublishedTable(value: unknown, where: string): PublishedTable {
  if (!isPublishedTable(value)) {
    throw new Error(
      `${where}: expected a PublishedTable. Pass the aggregated table through publishTable(table, spec) ` +
        '(or publishTable(..., { mode: "analyst" }) for a not-for-circulation view) first.',
    );
  }
  return value;
}

/**
 * Returns the HTML banner that marks analyst-mode output.
 * @example analystBannerHtml() // '<div class="wbk-analyst-banner" …>Analyst mode — not for circulation</div>'
 */
export function analystBannerHtml(): string {
  return (
    '<div class="wbk-analyst-banner" role="note" style="border:2px solid #b00020;background:#fdecea;' +
    'color:#6d0010;padding:4px 8px;font-weight:bold">Analyst mode — not for circulation</div>'
  );
}

/**
 * Returns an HTML rendering of a published table: the analyst banner when not for circulation, the
 * table with hidden cells shown as "[c]", and the suppression summary under it.
 * @example display.html(publishedTableHtml(published))
 */
export function publishedTableHtml(published: PublishedTable): string {
  const pt = checkPublishedTable(published, 'publishedTableHtml');
  const names = [...pt.by, ...pt.columns];
  const head = names.map((n) => `<th>${escapeHtml(n)}</th>`).join('');
  const rows: string[] = [];
  for (let row = 0; row < pt.table.numRows(); row++) {
    const cells = names.map((name) => {
      const status = pt.columns.includes(name)
        ? (pt.table.get(`${name}_status`, row) as CellStatus)
        : 'shown';
      if (status === 'suppressed')
        return '<td class="wbk-suppressed" title="hidden to protect privacy">[c]</td>';
      return `<td>${escapeHtml(formatValue(pt.table.get(name, row)))}</td>`;
    });
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return [
    pt.notForCirculation ? analystBannerHtml() : '',
    `<table class="wbk-published"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    suppressionSummaryHtml(pt.log),
  ].join('');
}

/** Creates a PublishedTable (publishTable only). */
export function issuePublishedTable(
  fields: Omit<PublishedTable, typeof publishedBrand>,
): PublishedTable {
  const published = Object.freeze({ ...fields }) as PublishedTable;
  issued.add(published);
  return published;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return String(value);
}

/**
 * Returns a PublishedTable holding only the rows that `keep` accepts (e.g. the total rows for a
 * chart). Taking rows away from a published table reveals nothing new, so the result stays
 * publishable; the log is carried over.
 * @example const totals = selectPublishedRows(published, (row) => row.worker_type === 'All');
 */
export function selectPublishedRows(
  published: PublishedTable,
  keep: (row: Record<string, unknown>) => boolean,
): PublishedTable {
  const pt = checkPublishedTable(published, 'selectPublishedRows');
  const rows: number[] = [];
  for (let i = 0; i < pt.table.numRows(); i++) {
    const row: Record<string, unknown> = {};
    for (const name of pt.table.columnNames()) row[name] = pt.table.get(name, i);
    if (keep(row)) rows.push(i);
  }
  const names = pt.table.columnNames();
  const table = aq.table(
    Object.fromEntries(names.map((name) => [name, rows.map((i) => pt.table.get(name, i))])),
  );
  return issuePublishedTable({ ...pt, table });
}
