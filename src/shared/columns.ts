// Column checks and column access shared by every transform: the one place that says which columns a
// table lacks, and how to read an optional or numeric column.
import type { ColumnTable } from 'arquero';

/** What checkColumns adds to its message. */
export interface CheckColumnsOptions {
  /** The table's role in the caller, e.g. 'people' or 'sickness' (named in the message). */
  what?: string;
  /** How to fix it; default: load the table with loadDataset() or derive the column first. */
  fix?: string;
}

const DEFAULT_FIX =
  'Load it with loadDataset(), or derive the column first (e.g. deriveUnitAtLevel).';

/**
 * Throws naming every column of `needed` that `table` lacks, the columns it has, and how to fix it;
 * also throws when `table` is not an arquero table.
 * @example checkColumns('summarizeLeavers', people, ['end_date', 'leaver_type'], { what: 'people' })
 */
export function checkColumns(
  where: string,
  table: ColumnTable,
  needed: readonly string[],
  { what, fix = DEFAULT_FIX }: CheckColumnsOptions = {},
): void {
  if (table === null || typeof table !== 'object' || typeof table.columnNames !== 'function') {
    throw new Error(
      `${where}: ${what ?? 'the first argument'} must be an arquero table (e.g. data.tables.people).`,
    );
  }
  const found = table.columnNames();
  const missing = [...new Set(needed)].filter((c) => !found.includes(c));
  if (missing.length > 0) {
    throw new Error(
      `${where}: column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} missing` +
        `${what ? ` from ${what}` : ''}. Found: ${found.join(', ')}. ${fix}`,
    );
  }
}

/** The number array of a column (null where empty). */
export function numbers(table: ColumnTable, column: string): ArrayLike<number | null> {
  return table.array(column) as ArrayLike<number | null>;
}

const columnCache = new WeakMap<ColumnTable, Map<string, ArrayLike<unknown>>>();

/**
 * The values of a column (respecting the table's filter and order, as table.array), read once per
 * table and column: arquero copies the whole column on every table.array() call, which costs a
 * million-row overtime table tens of milliseconds each time a summary reads it. Tables are
 * immutable, so the copy stays right; it lives as long as the table. Read it, never write to it.
 * @example const hours = columnArray<number>(overtime, 'hours')
 */
export function columnArray<T>(table: ColumnTable, column: string): ArrayLike<T> {
  let columns = columnCache.get(table);
  if (columns === undefined) columnCache.set(table, (columns = new Map()));
  let values = columns.get(column);
  if (values === undefined)
    columns.set(column, (values = table.array(column) as ArrayLike<unknown>));
  return values as ArrayLike<T>;
}

/**
 * The values of a column the table may lack (an optional source column such as compensation or
 * reason_category), or undefined when it is absent.
 * @example const reason = optionalColumn<string | null>(sickness, 'reason_category')
 */
export function optionalColumn<T>(table: ColumnTable, column: string): ArrayLike<T> | undefined {
  return table.columnNames().includes(column) ? columnArray<T>(table, column) : undefined;
}
