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
 * Rows above which a table is large (a national extract's overtime claims): a copy of one of its
 * columns is kept only until the current task ends (the summaries of one notebook cell share it),
 * not for as long as the table lives — the extract's tables live as long as the process.
 */
export const LARGE_TABLE_ROWS = 1_000_000;
const transientCache = new Map<ColumnTable, Map<string, ArrayLike<unknown>>>();
let clearing = false;

/**
 * The values of a column (respecting the table's filter and order, as table.array), read once per
 * table and column: arquero copies the whole column on every table.array() call, which costs a
 * million-row overtime table tens of milliseconds each time a summary reads it. Tables are
 * immutable, so the copy stays right; it lives as long as the table, or until the current task
 * ends for a large table (LARGE_TABLE_ROWS). An Arrow column of numbers without nulls (the dataset
 * cache's, a load at scale's) is given in place, as its typed array. Read it, never write to it.
 * @example const hours = columnArray<number>(overtime, 'hours')
 */
export function columnArray<T>(table: ColumnTable, column: string): ArrayLike<T> {
  const large = table.totalRows() > LARGE_TABLE_ROWS;
  const cache = large ? transientCache : columnCache;
  let columns = cache.get(table);
  if (columns === undefined) cache.set(table, (columns = new Map()));
  let values = columns.get(column);
  if (values === undefined) {
    columns.set(column, (values = typedInPlace(table, column) ?? table.array(column)));
    if (large && !clearing) {
      clearing = true;
      setImmediate(() => {
        transientCache.clear();
        clearing = false;
      });
    }
  }
  return values as ArrayLike<T>;
}

/** The typed array of an Arrow column of numbers without nulls, when the table keeps every row in order. */
function typedInPlace(table: ColumnTable, column: string): ArrayLike<unknown> | undefined {
  if (table.isFiltered() || table.isOrdered()) return undefined;
  const data = table.column(column) as unknown as { nullCount?: number; toArray?: () => unknown };
  if (data.nullCount !== 0 || typeof data.toArray !== 'function' || Array.isArray(data)) return;
  if (ArrayBuffer.isView(data)) return undefined; // a typed array given to table(): table.array copies it
  const values = data.toArray();
  return ArrayBuffer.isView(values) && !(values instanceof DataView)
    ? (values as unknown as ArrayLike<unknown>)
    : undefined;
}

/**
 * A reader of a column's values by row (after the table's filter and order), reading the column in
 * place: for the text and flag columns of large tables (a national extract's overtime claims), where
 * a copy costs 8 bytes a row (columnArray gives typed numbers in place already).
 * @example const person = columnReader<string>(overtime, 'person_id'); person(0) // 'P000001'
 */
export function columnReader<T>(table: ColumnTable, column: string): (row: number) => T {
  return table.getter(column) as (row: number) => T;
}

/**
 * columnReader of a column the table may lack (an optional source column such as compensation), or
 * undefined when it is absent.
 * @example const rest = optionalReader<boolean | null>(overtime, 'rest_day_worked')
 */
export function optionalReader<T>(
  table: ColumnTable,
  column: string,
): ((row: number) => T) | undefined {
  return table.columnNames().includes(column) ? columnReader<T>(table, column) : undefined;
}

/**
 * The values of a column the table may lack (an optional source column such as compensation or
 * reason_category), or undefined when it is absent.
 * @example const reason = optionalColumn<string | null>(sickness, 'reason_category')
 */
export function optionalColumn<T>(table: ColumnTable, column: string): ArrayLike<T> | undefined {
  return table.columnNames().includes(column) ? columnArray<T>(table, column) : undefined;
}
