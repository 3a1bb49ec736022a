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
  const counts = summarizeMatrixCounts(tables, rest);
  return deriveMatrixCells(rollUpMatrix(counts, tree, { levels, indicators }), { indicators });
}
