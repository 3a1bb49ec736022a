// Shared plumbing of the leaver transforms: column checks, row groups keyed by `by` values, period lists.
import type { ColumnTable } from 'arquero';
import type { Period } from '../../time/periods.js';

/** The dimension value written for an empty (null or '') group value, so published tables have no gaps. */
export const MISSING_GROUP = 'missing';

/** One group of rows: its `by` values (strings, 'missing' for empty) and row indices in table order. */
export interface RowGroup {
  key: string;
  values: string[];
  rows: number[];
}

/**
 * Rows of `table` grouped by the values of `by` (String(value), or 'missing' when empty), groups in
 * order of their sorted keys; with no `by`, one group of every row.
 * @example groupRows(people, ['sex']).map((g) => g.values[0]) // ['female', 'male', 'missing']
 */
export function groupRows(table: ColumnTable, by: readonly string[]): RowGroup[] {
  const columns = by.map((c) => table.array(c) as ArrayLike<unknown>);
  const groups = new Map<string, RowGroup>();
  for (let i = 0; i < table.numRows(); i++) {
    const values = columns.map((col) => groupValue(col[i]));
    const key = JSON.stringify(values);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { key, values, rows: [] }));
    group.rows.push(i);
  }
  return [...groups.values()].sort((a, b) => compareValues(a.values, b.values));
}

/** The value as a group label: 'missing' for null, undefined or ''. */
export function groupValue(value: unknown): string {
  return value === null || value === undefined || value === '' ? MISSING_GROUP : String(value);
}

/**
 * The periods as a checked list (one period or several), each with integer start ≤ end.
 * @example periodList('summarizeLeavers', parsePeriod('FY2024-25')).length // 1
 */
export function periodList(fn: string, periods: Period | readonly Period[] | undefined): Period[] {
  const list = periods === undefined ? [] : Array.isArray(periods) ? [...periods] : [periods];
  if (list.length === 0) {
    throw new Error(
      `${fn}: no period given. Pass { periods: parsePeriod('FY2024-25') } or periodsBetween(from, to, 'financial_year').`,
    );
  }
  for (const p of list as Period[]) {
    if (!p || !Number.isInteger(p.start) || !Number.isInteger(p.end) || p.end < p.start) {
      throw new Error(
        `${fn}: ${JSON.stringify(p)} is not a period with epoch-day start ≤ end. Build periods with parsePeriod or periodsBetween.`,
      );
    }
  }
  const labels = list.map((p) => (p as Period).label);
  const repeated = labels.filter((l, i) => labels.indexOf(l) !== i);
  if (repeated.length > 0) {
    throw new Error(`${fn}: period ${repeated[0]} is listed twice. Pass each period once.`);
  }
  return list as Period[];
}

function compareValues(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
