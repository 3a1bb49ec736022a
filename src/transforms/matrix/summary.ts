// The well-being matrix in one call: counts per unit of record → summed up the unit tree to the
// chosen levels → one cell per unit × indicator × period, ready for wellbeingMatrixCellSpec.
import type { ColumnTable } from 'arquero';
import type { UnitTree } from '../units/hierarchy.js';
import { summarizeMatrixCounts, type MatrixCountOptions } from './counts.js';
import type { MatrixIndicator } from './indicators.js';
import { deriveMatrixCells, rollUpMatrix } from './rollup.js';

export interface WellbeingMatrixOptions extends MatrixCountOptions {
  /** Unit levels to give rows for; the top level is always added (e.g. [report.level], or data.levels.slice(1)). */
  levels: readonly string[];
  indicators?: readonly (string | MatrixIndicator)[];
}

/**
 * The matrix cells of `periods` at `levels`: one row per unit × indicator × period with population,
 * numerator and denominator (see deriveMatrixCells); every parent's counts are the sums of its
 * children's, so rates are recomputed at each level, never averaged. Publish with
 * wellbeingMatrixCellSpec, then scoreWellbeingMatrix and summarizeMatrixTemperature.
 * @example summarizeWellbeingMatrix(data.tables, report.tree, { periods: [prev, report.period], levels: [report.level], asOf: report.period.end })
 */
export function summarizeWellbeingMatrix(
  tables: Parameters<typeof summarizeMatrixCounts>[0],
  tree: UnitTree,
  options: WellbeingMatrixOptions,
): ColumnTable {
  const { levels, indicators, ...rest } = options;
  const counts = sharedCounts(tables, rest);
  return deriveMatrixCells(rollUpMatrix(counts, tree, { levels, indicators }), { indicators });
}

type Tables = Parameters<typeof summarizeMatrixCounts>[0];
const TABLES = [
  'people',
  'postings',
  'sickness',
  'overtime',
  'oh_referrals',
  'exit_interviews',
  'welfare_checks',
  'unit_indicators',
] as const satisfies readonly (keyof Tables)[];

// Counts by the identity of the tables read and the options' value, held while the people table lives.
const counted = new WeakMap<ColumnTable, Map<string, ColumnTable>>();
const tableIds = new WeakMap<ColumnTable, number>();
let nextTableId = 0;

/**
 * summarizeMatrixCounts, computed once for the same tables (by identity: tables are immutable) and
 * options: the counts do not depend on the levels or the tree, and a report asks for the same periods
 * at several levels, and again for a unit against the rest (summarizeUnitMatrix).
 */
function sharedCounts(tables: Tables, options: MatrixCountOptions): ColumnTable {
  if (TABLES.some((name) => typeof tables[name] !== 'object' || tables[name] === null))
    return summarizeMatrixCounts(tables, options); // it says what is missing
  const ids = TABLES.map((name) => {
    let id = tableIds.get(tables[name]);
    if (id === undefined) tableIds.set(tables[name], (id = nextTableId++));
    return id;
  });
  const key = `${ids.join(',')}|${stableJson(options)}`;
  let byKey = counted.get(tables.people);
  if (!byKey) counted.set(tables.people, (byKey = new Map()));
  let counts = byKey.get(key);
  if (!counts) byKey.set(key, (counts = summarizeMatrixCounts(tables, options)));
  return counts;
}

/** JSON with object keys sorted (undefined members left out, as JSON.stringify does). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
