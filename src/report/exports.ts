// Headline tables of a report as CSV and XLSX, safe to open in a spreadsheet.
// Notebooks mark a table for export in its display output (EXPORT_MIME); after the run, the report
// command reads the executed notebook and writes each marked table as NAME--TABLE.csv and .xlsx.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** The MIME type under which a notebook output carries a table for export (published data only). */
export const EXPORT_MIME = 'application/vnd.wellbeing-kit.table+json';

/**
 * A published table as it travels in a notebook output: its name, caption, column names, rows of
 * plain values (suppressed cells as "[c]"), which columns hold counts of people (for the privacy
 * scan), and whether the notebook asked for it to be exported as CSV/XLSX.
 */
export interface ExportTable {
  name: string;
  caption?: string;
  columns: string[];
  rows: (string | number | boolean | null)[][];
  /** The dimension columns (the first columns); the others are measures. */
  by?: string[];
  /** Columns holding counts or group sizes: in publish mode none may be 1 to minGroupSize − 1. */
  countColumns?: string[];
  /** The total marker of the table's spec: a row with it in a dimension is the sum over that dimension. */
  total?: string;
  /** The hierarchy of the table's spec: child value → parent value in one dimension column. */
  hierarchy?: { column: string; parent: Record<string, string> };
  /** The period label of the table's spec (what every row is about when period is not a dimension). */
  period?: string;
  /** Who is counted and from when to when, in words (the spec's who / when; issue 14). */
  who?: string;
  when?: string;
  /** True when the report writes this table as CSV and XLSX. */
  exported?: boolean;
  notForCirculation?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text value made safe for spreadsheets: text that starts with = + - @, a tab or a carriage return
 * gets a leading apostrophe, so Excel and LibreOffice show it as text instead of running a formula.
 * Numbers are left as numbers (a number cannot be a formula).
 * @example neutraliseFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV text (RFC 4180: comma separated, CRLF line ends, quotes doubled) with formula-safe cells.
 * @example tableCsv({ name: 't', columns: ['a'], rows: [['=1+1']] }) // 'a\r\n\'=1+1\r\n'
 */
export function tableCsv(table: ExportTable): string {
  const quote = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = String(neutraliseFormula(value));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns, ...table.rows].map((row) => row.map(quote).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Writes the table as an XLSX workbook (one sheet, header row bold and frozen), formula-safe.
 * @example await writeTableXlsx(table, 'reports/02-early-leavers--leavers.xlsx')
 */
export async function writeTableXlsx(table: ExportTable, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wellbeing-kit';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31) || 'table', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
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
 * Writes every exported table of an executed notebook as `BASE--NAME.csv` and `.xlsx` next to it
 * and returns the paths written.
 * @example await writeNotebookExports('reports/02-early-leavers.ipynb')
 */
export async function writeNotebookExports(executedNotebook: string): Promise<string[]> {
  const dir = path.dirname(executedNotebook);
  const base = path.basename(executedNotebook, '.ipynb');
  const written: string[] = [];
  for (const table of exportedTables(executedNotebook).filter((t) => t.exported !== false)) {
    const stem = path.join(dir, `${base}--${safeName(table.name)}`);
    const csvTmp = `${stem}.csv.tmp-${process.pid}`;
    writeFileSync(csvTmp, tableCsv(table));
    renameSync(csvTmp, `${stem}.csv`);
    await writeTableXlsx(table, `${stem}.xlsx`);
    written.push(`${stem}.csv`, `${stem}.xlsx`);
  }
  return written;
}

function safeName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'table'
  );
}
