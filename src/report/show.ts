// Showing published tables in a notebook: suppressed cells as [c], the log under the table, an
// analyst banner when not for circulation, and the table marked for export as CSV and XLSX.
import { display } from '../display/bundle.js';
import { escapeHtml } from '../shared/html.js';
import { tableHtml } from '../display/table.js';
import {
  analystBannerHtml,
  checkPublishedTable,
  scopeText,
  suppressionSummaryText,
  type PublishedTable,
} from '../privacy/index.js';
import { definitionText, type DefinitionCard } from '../transforms/shared/definition.js';
import { EXPORT_MIME, type ExportTable } from './exports.js';

export interface ShowOptions {
  /** What each row is, and the period: shown above the table. */
  caption?: string;
  /** The definition: a card from the transform, or text (shown under the table). */
  definition?: DefinitionCard | string;
  /** Name of the headline table in the report's CSV/XLSX exports; omit to not export it. */
  exportAs?: string;
  /** Rows shown (default 30). */
  limit?: number;
}

/** The text a suppressed cell carries in displays and exports (the ONS convention for "confidential"). */
export const SUPPRESSED_MARK = '[c]';

/**
 * Shows a published table: values formatted, suppressed cells as [c], its definition, who is counted
 * and the period in words (CellSpec.who / when), and the suppression summary under it; with `exportAs`, the table also travels in the output for the
 * report's CSV/XLSX exports.
 * @example showPublished(published, { caption: 'Leavers by district, FY2024-25', exportAs: 'leavers-by-district' })
 */
export function showPublished(published: PublishedTable, options: ShowOptions = {}): void {
  const pt = checkPublishedTable(published, 'showPublished');
  const columns = [...pt.by, ...pt.columns];
  const status = (column: string, row: number) =>
    pt.columns.includes(column) && pt.table.get(`${column}_status`, row) === 'suppressed';
  const footer = [
    options.definition
      ? `<p class="wbk-definition" style="font-size:12px;color:#444;max-width:820px">${escapeHtml(typeof options.definition === 'string' ? options.definition : definitionText(options.definition))}</p>`
      : '',
    scopeText(pt)
      ? `<p class="wbk-scope" style="font-size:12px;color:#444;max-width:820px">${escapeHtml(scopeText(pt))}</p>`
      : '',
    `<p class="wbk-suppression" style="font-size:12px;color:#666">${escapeHtml(suppressionSummaryText(pt.log))}</p>`,
  ].join('');
  const html = [
    pt.notForCirculation ? analystBannerHtml() : '',
    tableHtml(pt.table, {
      columns,
      caption: options.caption,
      limit: options.limit ?? 30,
      suppressed: status,
      footer,
    }),
  ].join('');
  const bundle: Record<string, unknown> = {
    'text/html': html,
    'text/plain': `${options.caption ?? 'table'} (${pt.table.numRows()} rows)`,
  };
  // Every published table travels with the output in machine-readable form (the privacy scan reads
  // it); only those with `exportAs` become CSV/XLSX files.
  bundle[EXPORT_MIME] = {
    ...exportTable(pt, options.exportAs ?? options.caption ?? 'table', options.caption),
    exported: options.exportAs !== undefined,
  };
  display(bundle);
}

/**
 * The published table as exported: dimensions and measures, suppressed cells as [c], with the
 * dimension and count columns and the spec's total marker and hierarchy (for the privacy scan and
 * the cross-table audit).
 * @example exportTable(published, 'leavers-by-district')
 */
export function exportTable(
  published: PublishedTable,
  name: string,
  caption?: string,
): ExportTable {
  const pt = checkPublishedTable(published, 'exportTable');
  const columns = [...pt.by, ...pt.columns];
  const rows: ExportTable['rows'] = [];
  for (let i = 0; i < pt.table.numRows(); i++) {
    rows.push(
      columns.map((c) => {
        if (pt.columns.includes(c) && pt.table.get(`${c}_status`, i) === 'suppressed')
          return SUPPRESSED_MARK;
        const v = pt.table.get(c, i) as unknown;
        return v === undefined ? null : (v as string | number | boolean | null);
      }),
    );
  }
  return {
    name,
    ...(caption ? { caption } : {}),
    columns,
    rows,
    by: [...pt.by],
    countColumns: [...pt.countColumns],
    ...(pt.total === undefined ? {} : { total: pt.total }),
    ...(pt.period === undefined ? {} : { period: pt.period }),
    ...(pt.rest === undefined ? {} : { rest: { ...pt.rest } }),
    ...(pt.who === undefined ? {} : { who: pt.who }),
    ...(pt.when === undefined ? {} : { when: pt.when }),
    ...(pt.hierarchy === undefined
      ? {}
      : { hierarchy: { column: pt.hierarchy.column, parent: { ...pt.hierarchy.parent } } }),
    ...(pt.rates === undefined ? {} : { rates: pt.rates.map((r) => ({ ...r })) }),
    ...(pt.relations === undefined
      ? {}
      : { relations: pt.relations.map((r) => ({ total: r.total, parts: [...r.parts] })) }),
    ...(pt.sameAcross === undefined
      ? {}
      : {
          sameAcross: Object.fromEntries(
            Object.entries(pt.sameAcross).map(([c, dims]) => [c, [...dims]]),
          ),
        }),
    ...(pt.notForCirculation ? { notForCirculation: true } : {}),
  };
}
