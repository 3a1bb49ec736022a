// Plumbing shared by the exit-interview summaries: groups with "All" margins, and reason lists.
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import { EXIT_REASONS } from '../../schema/vocabularies.js';
import { groupRows, type RowGroup } from '../shared/groups.js';
import { checkColumns } from '../../shared/columns.js';

/** Options every exit-interview summary takes. */
export interface ExitGroupOptions {
  /** Grouping columns of the leavers table (e.g. service_band, unit_id, sex, period); default none. */
  by?: string[];
  /** Label of margin rows summing a dimension away (default 'All'); false for no margins. */
  total?: string | false;
}

/**
 * Groups of `table` by `by` (empty values read 'missing'), then, unless `total` is false, one margin
 * group per combination of dimensions set to `total` (with no `by`: a single group, dimension
 * `group` = total). Parts come first, margins after; values sort by their first number (so service
 * bands <1, 1–2, …, 30+ keep their order), then as text.
 * @example exitGroups(leavers, ['sex'], 'All').map((g) => g.values) // [['female'], ['male'], ['All']]
 */
export function exitGroups(
  fn: string,
  table: ColumnTable,
  by: readonly string[],
  total: string | false,
): { dims: string[]; groups: RowGroup[] } {
  checkColumns(fn, table, by, {
    fix: 'Derive the column on the leavers table first (deriveExitLeavers keeps people columns).',
  });
  if (by.length === 0) {
    const rows = Array.from({ length: table.numRows() }, (_, i) => i);
    const label = total === false ? 'All' : total;
    return { dims: ['group'], groups: [{ key: label, values: [label], rows }] };
  }
  const parts = groupRows(table, by).sort((a, b) => compareGroups(a.values, b.values));
  if (total === false) return { dims: [...by], groups: parts };
  const margins = new Map<string, RowGroup>();
  for (let mask = 1; mask < 1 << by.length; mask++) {
    for (const part of parts) {
      const values = part.values.map((v, k) => (mask & (1 << k) ? total : v));
      const key = JSON.stringify(values);
      const group = margins.get(key);
      if (group) group.rows.push(...part.rows);
      else margins.set(key, { key, values, rows: [...part.rows] });
    }
  }
  const sorted = [...margins.values()].sort((a, b) => compareGroups(a.values, b.values));
  for (const g of sorted) g.rows.sort((a, b) => a - b);
  return { dims: [...by], groups: [...parts, ...sorted] };
}

/**
 * The reasons to report: `wanted` when given, else the kit's vocabulary in its order followed by any
 * other reason cited in `reasons` (configured extras), alphabetically.
 * @example reasonList(leavers.array('reasons')) // ['workload', 'pay_and_benefits', …]
 */
export function reasonList(
  reasons: ArrayLike<readonly string[]>,
  wanted?: readonly string[],
): string[] {
  if (wanted !== undefined) return [...wanted];
  const cited = new Set<string>();
  for (let i = 0; i < reasons.length; i++) for (const r of reasons[i]) cited.add(r);
  const known: readonly string[] = EXIT_REASONS;
  return [...known, ...[...cited].filter((r) => !known.includes(r)).sort()];
}

/**
 * The CellSpec of an exit summary grouped by exitGroups(…, by, total): its dimensions (`by`, or
 * `group` without one, then `inner`, e.g. reason), the rest of `spec`, and the total marker when the
 * summary has margin rows (a `total` label and at least one `by` column).
 * @example exitSpec(['sex'], 'All', ['reason'], { population: 'respondents', counts: ['primary'] })
 */
export function exitSpec(
  by: readonly string[],
  total: string | false,
  inner: readonly string[],
  spec: Omit<CellSpec, 'by' | 'total'>,
): CellSpec {
  return {
    by: [...(by.length ? by : ['group']), ...inner],
    ...spec,
    ...(total !== false && by.length ? { total } : {}),
  };
}

/** Whom the reason summaries count (the exit spec's `who`). */
export const REASON_RESPONDENTS =
  'leavers whose exit interview gives at least one reason, in the group of the row';

/** Rows of a group whose leaver was interviewed. */
export function respondentsOf(rows: number[], interviewed: ArrayLike<boolean>): number[] {
  return rows.filter((i) => interviewed[i]);
}

/** `100 × part / whole`, or null when whole is 0. */
export function pct(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/** Empty output columns for the dimensions and measures of a summary. */
export function outputColumns(names: readonly string[]): Record<string, unknown[]> {
  return Object.fromEntries(names.map((c) => [c, []]));
}

function compareGroups(a: readonly string[], b: readonly string[]): number {
  for (let k = 0; k < a.length; k++) {
    const [x, y] = [sortKey(a[k]), sortKey(b[k])];
    if (x[0] !== y[0]) return x[0] - y[0];
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

/** '<3' → 2.5, '3–7' → 3, '11+' → 11; text without a leading number sorts after numbers. */
function sortKey(value: string): [number] {
  const m = /^(<)?(\d+(?:\.\d+)?)/.exec(value);
  return [m ? Number(m[2]) - (m[1] ? 0.5 : 0) : Infinity];
}
