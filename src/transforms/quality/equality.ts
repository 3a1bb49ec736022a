// Equality-data completeness: for each protected characteristic, how many people's value is recorded,
// not stated or missing, by unit and worker type; a group whose unknown share exceeds the threshold is
// flagged, and the analyses that compare groups by that characteristic ask isComparisonReliable first.
import { table, type ColumnTable } from 'arquero';
import { WORKER_TYPES } from '../../schema/vocabularies.js';
import { isFilled } from './columns.js';

/** Protected characteristics measured; `age` is recorded when birth_year or age_band is. */
export const EQUALITY_CHARACTERISTICS = ['sex', 'ethnicity_group', 'disability', 'age'] as const;
export type EqualityCharacteristic = (typeof EQUALITY_CHARACTERISTICS)[number];

/** The marker of "all units" and "all worker types" rows (also the CellSpec `total`). */
export const ALL = 'All';
/** The unit of people whose unit_id is empty or cannot be placed at the level. */
export const NO_UNIT = '(no unit)';

/** What summarizeEqualityCompleteness needs: people rows and each one's unit at the chosen level. */
export interface EqualityInput {
  people: ColumnTable;
  /** The unit of each people row at the chosen level (same order), or null when unknown. */
  units: ArrayLike<string | null>;
  /** The unknown share (not stated + missing) above which a comparison is unreliable, in [0, 1]. */
  threshold: number;
}

/**
 * One row per unit (at the level, plus "All") × worker type (plus "All") × characteristic, for groups
 * with people: `people` (employment spells in the people table), `recorded`, `not_stated` (the value
 * not_stated), `missing` (empty), `unknown` = not_stated + missing, `unknown_pct` = unknown / people ×
 * 100 and `comparison_unreliable` = unknown / people > threshold. Age has no not_stated value.
 * @example summarizeEqualityCompleteness({ people, units, threshold: 0.2 })
 */
export function summarizeEqualityCompleteness({
  people,
  units,
  threshold,
}: EqualityInput): ColumnTable {
  const n = people.numRows();
  const column = (name: string) =>
    people.columnNames().includes(name)
      ? (people.array(name) as ArrayLike<unknown>)
      : new Array<unknown>(n).fill(null);
  const workerTypes = column('worker_type');
  const status: Record<EqualityCharacteristic, (i: number) => 0 | 1 | 2> = {
    sex: stated(column('sex')),
    ethnicity_group: stated(column('ethnicity_group')),
    disability: stated(column('disability')),
    age: ((birth, band) => (i: number) => (isFilled(birth[i]) || isFilled(band[i]) ? 0 : 2))(
      column('birth_year'),
      column('age_band'),
    ),
  };
  // counts[group key] = [people, recorded, not_stated, missing] per characteristic
  const counts = new Map<string, number[][]>();
  for (let i = 0; i < n; i++) {
    const unit = units[i] ?? NO_UNIT;
    const worker = String(workerTypes[i] ?? 'unknown');
    for (const key of [
      [unit, worker],
      [unit, ALL],
      [ALL, worker],
      [ALL, ALL],
    ]) {
      const id = JSON.stringify(key);
      const cells = counts.get(id) ?? EQUALITY_CHARACTERISTICS.map(() => [0, 0, 0, 0]);
      counts.set(id, cells);
      EQUALITY_CHARACTERISTICS.forEach((c, k) => {
        cells[k][0]++;
        cells[k][1 + status[c](i)]++;
      });
    }
  }
  const keys = [...counts.keys()].map((id) => JSON.parse(id) as [string, string]);
  keys.sort((a, b) => order(a[0], b[0], unitRank) || order(a[1], b[1], workerRank));
  const out: Record<string, unknown[]> = {};
  for (const name of EQUALITY_COLUMNS) out[name] = [];
  for (const [unit, worker] of keys) {
    const cells = counts.get(JSON.stringify([unit, worker]))!;
    EQUALITY_CHARACTERISTICS.forEach((characteristic, k) => {
      const [total, recorded, notStated, missing] = cells[k];
      const row: unknown[] = [unit, worker, characteristic, total, recorded, notStated, missing];
      row.push(notStated + missing, ((notStated + missing) / total) * 100);
      row.push((notStated + missing) / total > threshold);
      EQUALITY_COLUMNS.forEach((name, j) => out[name].push(row[j]));
    });
  }
  return table(out);
}

/** Columns of the equality-completeness table, in order. */
export const EQUALITY_COLUMNS = [
  'unit_id',
  'worker_type',
  'characteristic',
  'people',
  'recorded',
  'not_stated',
  'missing',
  'unknown',
  'unknown_pct',
  'comparison_unreliable',
] as const;

/** 0 recorded, 1 not_stated, 2 missing. */
function stated(values: ArrayLike<unknown>): (i: number) => 0 | 1 | 2 {
  return (i) => (!isFilled(values[i]) ? 2 : values[i] === 'not_stated' ? 1 : 0);
}

function unitRank(value: string): number {
  return value === ALL ? 2 : value === NO_UNIT ? 1 : 0;
}

function workerRank(value: string): number {
  if (value === ALL) return WORKER_TYPES.length + 1;
  const at = (WORKER_TYPES as readonly string[]).indexOf(value);
  return at < 0 ? WORKER_TYPES.length : at;
}

function order(a: string, b: string, rank: (v: string) => number): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
