// Headline tables of a report as CSV and XLSX, safe to open in a spreadsheet.
// Notebooks mark a table for export in its display output (EXPORT_MIME); after the run, the report
// command reads the executed notebook and writes each marked table as NAME--TABLE.csv and .xlsx.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { AuditTable } from '../privacy/audit-table.js';

/** The MIME type under which a notebook output carries a table for export (published data only). */
export const EXPORT_MIME = 'application/vnd.wellbeing-kit.table+json';

/**
 * A published table as it travels in a notebook output: its name, caption, column names, rows of
 * plain values (suppressed cells as "[c]"), which columns hold counts of people (for the privacy
 * scan), and whether the notebook asked for it to be exported as CSV/XLSX.
 */
export interface ExportTable extends Omit<AuditTable, 'slice'> {
  caption?: string;
  /** From when to when the table counts, in words (the spec's `when`; issue 14). */
  when?: string;
  /** True when the report writes this table as CSV and XLSX. */
  exported?: boolean;
  /** True for an analyst-mode table: its exports open with NOT_FOR_CIRCULATION. */
  notForCirculation?: boolean;
}

/** The mark on the first row of every export of an analyst-mode run (nothing hidden). */
export const NOT_FOR_CIRCULATION = 'NOT FOR CIRCULATION — analyst mode, nothing hidden';

/** What the file name of an analyst-mode export carries. */
export const NOT_FOR_CIRCULATION_SUFFIX = '--not-for-circulation';

// = + - @ and their full-width forms (＝ U+FF1D, ＋ U+FF0B, － U+FF0D, ＠ U+FF20), which some
// spreadsheet versions and locales read as the ASCII operators; a tab or carriage return.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text value made safe for spreadsheets: text that starts with = + - @ (or full-width ＝ ＋ － ＠),
 * a tab or a carriage return gets a leading apostrophe, so Excel and LibreOffice show it as text
 * instead of running a formula. Numbers are left as numbers (a number cannot be a formula).
 * @example neutraliseFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV text (RFC 4180: comma separated, CRLF line ends, quotes doubled) with formula-safe cells. A field
 * holding a comma, quote, line break, semicolon or tab is quoted, so a spreadsheet set to split on `;`
 * or tabs (as in many European locales) keeps it whole. The export of an analyst-mode table (or any
 * table when `notForCirculation` is set) opens with a row saying it is not for circulation.
 * @example tableCsv({ name: 't', columns: ['a'], rows: [['=1+1']] }) // 'a\r\n\'=1+1\r\n'
 */
export function tableCsv(
  table: ExportTable,
  options: { notForCirculation?: boolean } = {},
): string {
  const quote = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = String(neutraliseFormula(value));
    return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns, ...table.rows].map((row) => row.map(quote).join(','));
  if (isNotForCirculation(table, options)) lines.unshift(NOT_FOR_CIRCULATION);
  return `${lines.join('\r\n')}\r\n`;
}

function isNotForCirculation(table: ExportTable, options: { notForCirculation?: boolean }) {
  return table.notForCirculation === true || options.notForCirculation === true;
}

/**
 * Writes the table as an XLSX workbook (one sheet, header row bold and frozen), formula-safe. The
 * export of an analyst-mode table is marked: the sheet is named "NOT FOR CIRCULATION …" and its first
 * row says it is not for circulation, above the header.
 * @example await writeTableXlsx(table, 'reports/02-early-leavers--leavers.xlsx')
 */
export async function writeTableXlsx(
  table: ExportTable,
  file: string,
  options: { notForCirculation?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wellbeing-kit';
  const marked = isNotForCirculation(table, options);
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const name = table.name.replace(/[:\\/?*[\]]/g, ' ').trim() || 'table';
  const sheet = workbook.addWorksheet(
    (marked ? `NOT FOR CIRCULATION ${name}` : name).slice(0, 31).trim(),
    { views: [{ state: 'frozen', ySplit: marked ? 2 : 1 }] },
  );
  if (marked) {
    workbook.title = NOT_FOR_CIRCULATION;
    const mark = sheet.addRow([NOT_FOR_CIRCULATION]);
    mark.font = { bold: true, color: { argb: 'FFB00020' } };
  }
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((value) => neutraliseFormula(value)));
  if (table.caption) sheet.headerFooter.oddHeader = table.caption;
  const tmp = `${file}.tmp-${process.pid}`;
  await workbook.xlsx.writeFile(tmp);
  renameSync(tmp, file);
}

/**
 * The published tables a notebook showed, read from its executed .ipynb, in output order (those
 * with `exported: false` are shown only, not written as files).
 * @example const tables = exportedTables('reports/02-early-leavers.ipynb')
 */
export function exportedTables(executedNotebook: string): ExportTable[] {
  const nb = JSON.parse(readFileSync(executedNotebook, 'utf8')) as {
    cells: { outputs?: { data?: Record<string, unknown> }[] }[];
  };
  const tables: ExportTable[] = [];
  for (const cell of nb.cells) {
    for (const output of cell.outputs ?? []) {
      const data = output.data?.[EXPORT_MIME];
      if (data) tables.push((typeof data === 'string' ? JSON.parse(data) : data) as ExportTable);
    }
  }
  return tables;
}

/**
 * Writes every exported table of an executed notebook as `BASE--NAME.csv` and `.xlsx`, with its
 * `.json` sidecar, next to it and returns the paths written. Tables of an analyst-mode run (marked in
 * the notebook, or `notForCirculation` set by the caller) are written as
 * `BASE--NAME--not-for-circulation.csv`/`.xlsx`/`.json` with the mark in each file.
 * @example await writeNotebookExports('reports/02-early-leavers.ipynb')
 */
export async function writeNotebookExports(
  executedNotebook: string,
  options: { notForCirculation?: boolean } = {},
): Promise<string[]> {
  const dir = path.dirname(executedNotebook);
  const base = path.basename(executedNotebook, '.ipynb');
  const written: string[] = [];
  for (const table of exportedTables(executedNotebook).filter((t) => t.exported !== false)) {
    const marked = isNotForCirculation(table, options);
    const suffix = marked ? NOT_FOR_CIRCULATION_SUFFIX : '';
    const stem = path.join(dir, `${base}--${safeName(table.name)}${suffix}`);
    const csvTmp = `${stem}.csv.tmp-${process.pid}`;
    writeFileSync(csvTmp, tableCsv(table, { notForCirculation: marked }));
    renameSync(csvTmp, `${stem}.csv`);
    await writeTableXlsx(table, `${stem}.xlsx`, { notForCirculation: marked });
    writeFileSync(`${stem}.json`, tableSidecarJson(table, { notForCirculation: marked }));
    written.push(`${stem}.csv`, `${stem}.xlsx`, `${stem}.json`);
  }
  return written;
}

/**
 * The JSON written beside each exported CSV: what the table's columns are and how they add up
 * (dimensions, count columns, total marker, hierarchy, period, rates, relations within rows), so that
 * anyone auditing the files works from the same relations the disclosure control protected. The
 * sidecar of an analyst-mode table (or any table when `notForCirculation` is set) opens with the
 * not-for-circulation mark, like its CSV and XLSX.
 * @example tableSidecarJson(table) // '{ "name": "leavers", "by": ["unit"], "relations": [ … ] … }'
 */
export function tableSidecarJson(
  table: ExportTable,
  options: { notForCirculation?: boolean } = {},
): string {
  const { rows: _rows, exported: _exported, notForCirculation: _marked, ...description } = table;
  const mark = isNotForCirculation(table, options)
    ? { notice: NOT_FOR_CIRCULATION, notForCirculation: true }
    : {};
  return `${JSON.stringify({ ...mark, ...description, hiddenMark: '[c]' }, null, 2)}\n`;
}

function safeName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'table'
  );
}
