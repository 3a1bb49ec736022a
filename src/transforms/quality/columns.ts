// Completeness of every column and coverage of every date column of the loaded tables: how much of the
// extract is filled in, and which months it spans (with the months that hold no row at all).
import { table, type ColumnTable } from 'arquero';
import { SCHEMA, TABLE_NAMES, type TableName } from '../../schema/tables.js';
import type { ColumnSpec } from '../../schema/types.js';
import { monthLabel } from '../../time/months.js';

/** Shown in month dimensions when a date column holds no date. */
export const NO_MONTH = 'none';

/**
 * Per canonical table with at least one row, per column in schema order: `rows`, `filled` (cells with a
 * value: not null, not blank text, not an empty list), `missing` (= rows − filled) and `filled_pct`
 * (filled / rows × 100). Tables with no rows are left out.
 * @example summarizeCompleteness({ people }).objects()[0] // { table: 'people', column: 'person_id', rows: 5, filled: 5, … }
 */
export function summarizeCompleteness(
  tables: Partial<Record<TableName, ColumnTable>>,
): ColumnTable {
  const out = columnsOf(['table', 'column', 'rows', 'filled', 'missing', 'filled_pct']);
  for (const name of loadedTables(tables)) {
    const data = tables[name]!;
    const rows = data.numRows();
    for (const column of Object.keys(SCHEMA[name].columns)) {
      if (!data.columnNames().includes(column)) continue;
      // read in place, one value at a time: a copy of every column of a national extract would not fit
      const value = data.getter(column);
      let filled = 0;
      for (let i = 0; i < rows; i++) if (isFilled(value(i))) filled++;
      push(out, { table: name, column, rows, filled, missing: rows - filled });
      out.filled_pct.push((filled / rows) * 100);
    }
  }
  return table(out);
}

/**
 * Per canonical table with rows, per date column: `rows` (rows with a date here), `first_date` and
 * `last_date` (epoch days), `first_month`/`last_month` (yyyy-mm, or "none"), `months_spanned`
 * (calendar months from the first to the last, both included), `months_without_rows` (of those, months
 * in which no row has its date) and `empty_months` (the first 12 of them, comma-separated).
 * A month without rows inside the span usually means a missing monthly file.
 * @example summarizeCoverage({ overtime }).objects()[0].months_without_rows // 0
 */
export function summarizeCoverage(tables: Partial<Record<TableName, ColumnTable>>): ColumnTable {
  const out = columnsOf([
    'table',
    'date_column',
    'rows',
    'first_date',
    'last_date',
    'first_month',
    'last_month',
    'months_spanned',
    'months_without_rows',
    'empty_months',
  ]);
  for (const name of loadedTables(tables)) {
    const data = tables[name]!;
    const specs = SCHEMA[name].columns as Record<string, ColumnSpec>;
    for (const column of Object.keys(specs).filter((c) => specs[c].type === 'date')) {
      if (!data.columnNames().includes(column)) continue;
      const months = monthCounts(data.getter(column), data.numRows());
      const rows = [...months.values()].reduce((a, b) => a + b, 0);
      const dated = rows > 0;
      const first = dated ? Math.min(...months.keys()) : null;
      const last = dated ? Math.max(...months.keys()) : null;
      const empty: string[] = [];
      if (first !== null && last !== null) {
        for (let m = first; m <= last; m++) if (!months.has(m)) empty.push(monthLabel(m));
      }
      push(out, {
        table: name,
        date_column: column,
        rows,
        first_date: dated ? extreme(data, column, Math.min) : null,
        last_date: dated ? extreme(data, column, Math.max) : null,
        first_month: first === null ? NO_MONTH : monthLabel(first),
        last_month: last === null ? NO_MONTH : monthLabel(last),
        months_spanned: first === null || last === null ? 0 : last - first + 1,
        months_without_rows: empty.length,
        empty_months: empty.slice(0, 12).join(', ') + (empty.length > 12 ? ', …' : ''),
      });
    }
  }
  return table(out);
}

/** Whether a cell holds a value: not null/undefined, not blank text, not an empty list, not NaN. */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return !Number.isNaN(value);
  return true;
}

function loadedTables(tables: Partial<Record<TableName, ColumnTable>>): TableName[] {
  return TABLE_NAMES.filter((name) => (tables[name]?.numRows() ?? 0) > 0);
}

function columnsOf(names: string[]): Record<string, unknown[]> {
  return Object.fromEntries(names.map((n) => [n, []]));
}

function push(out: Record<string, unknown[]>, row: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(row)) out[key].push(value);
}

/** Rows per month index (year × 12 + month − 1); days repeat a lot, so months are cached per day. */
function monthCounts(dayAt: (row: number) => unknown, rows: number): Map<number, number> {
  const byDay = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    const day = dayAt(i);
    if (typeof day === 'number' && Number.isFinite(day)) byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const months = new Map<number, number>();
  for (const [day, n] of byDay) {
    const date = new Date(day * 86_400_000);
    const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
    months.set(month, (months.get(month) ?? 0) + n);
  }
  return months;
}

function extreme(data: ColumnTable, column: string, pick: (a: number, b: number) => number) {
  const value = data.getter(column);
  let best: number | null = null;
  for (let i = 0; i < data.numRows(); i++) {
    const v = value(i);
    if (typeof v === 'number' && Number.isFinite(v)) best = best === null ? v : pick(best, v);
  }
  return best;
}
