// The well-being matrix at chosen hierarchy levels: counts of units of record summed up the tree
// (team → department → district → force), each indicator recomputed from its summed numerator and
// denominator, and the CellSpec that publishes parents and children together.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import { parentMapOfRows, type UnitTree } from '../units/hierarchy.js';
import { RollUpUnits } from '../units/roll-up.js';
import { MATRIX_COUNT_COLUMNS, pickIndicators, type MatrixIndicator } from './indicators.js';
import { checkColumns } from '../../shared/columns.js';

export interface MatrixRollUpOptions {
  /** Unit levels to give rows for (the top level is always added), e.g. [data.levels[1]] or data.levels.slice(1). */
  levels: readonly string[];
  indicators?: readonly (string | MatrixIndicator)[];
}

/**
 * One row per unit at each chosen level (plus the top unit) and period: unit_id, period, unit_name,
 * unit_level, parent_id (the nearest ancestor among the rows; null at the top), headcount, every
 * count of MATRIX_COUNT_COLUMNS summed over the unit's subtree, then each indicator's value
 * (per × Σ numerator / Σ denominator; null over 0). Counts recorded above a chosen level (e.g. people
 * posted to a department, not a team) go to a row "<parent> (not in a <level>)" so that every parent
 * is exactly the sum of its children; counts of units not in the tree go to the top unit that way.
 * @example rollUpMatrix(summarizeMatrixCounts(data.tables, opts), tree, { levels: [data.levels[1]] })
 */
export function rollUpMatrix(
  counts: ColumnTable,
  tree: UnitTree,
  { levels, indicators }: MatrixRollUpOptions,
): ColumnTable {
  const fn = 'rollUpMatrix';
  checkColumns(fn, counts, ['unit_id', 'period', 'headcount', ...MATRIX_COUNT_COLUMNS], {
    what: 'counts',
  });
  const rows = new RollUpUnits(tree, levels, fn);
  const measures = ['headcount', ...MATRIX_COUNT_COLUMNS];
  const sums = new Map<string, Record<string, number>>();
  const unit = counts.array('unit_id') as ArrayLike<string>;
  const period = counts.array('period') as ArrayLike<string>;
  const values = measures.map((m) => counts.array(m) as ArrayLike<number>);
  const periods: string[] = [];
  for (let i = 0; i < counts.numRows(); i++) {
    if (!periods.includes(period[i])) periods.push(period[i]);
    for (const at of rows.path(unit[i])) {
      const key = `${at}\u0000${period[i]}`;
      const row = sums.get(key) ?? Object.fromEntries(measures.map((m) => [m, 0]));
      measures.forEach((m, k) => (row[m] += values[k][i]));
      sums.set(key, row);
    }
  }
  const keys = rows.ids().flatMap((id) => periods.map((p) => [id, p] as const));
  const out: Record<string, unknown[]> = {
    unit_id: keys.map(([id]) => id),
    period: keys.map(([, p]) => p),
    unit_name: keys.map(([id]) => rows.node(id).name),
    unit_level: keys.map(([id]) => rows.node(id).level),
    parent_id: keys.map(([id]) => rows.node(id).parent),
  };
  for (const m of measures) {
    out[m] = keys.map(([id, p]) => sums.get(`${id}\u0000${p}`)?.[m] ?? 0);
  }
  for (const ind of pickIndicators(indicators, fn)) {
    out[ind.id] = keys.map((_, r) => {
      const den = out[ind.denominator][r] as number;
      return den > 0 ? (ind.per * (out[ind.numerator][r] as number)) / den : null;
    });
  }
  return toTable(out);
}

/**
 * The matrix as cells: one row per unit × indicator × period with unit_id, indicator, period,
 * population (the indicator's people: its denominator when that counts people, else headcount),
 * numerator and denominator, plus unit_name, unit_level and parent_id (not published). Each cell is
 * published on its own population, so a small denominator hides that cell only, not the unit's row.
 * @example deriveMatrixCells(rollUpMatrix(counts, tree, { levels: [data.levels[1]] }))
 */
export function deriveMatrixCells(
  matrix: ColumnTable,
  { indicators }: { indicators?: readonly (string | MatrixIndicator)[] } = {},
): ColumnTable {
  const list = pickIndicators(indicators, 'deriveMatrixCells');
  const needed = list.flatMap((i) => [i.numerator, i.denominator, i.population]);
  checkColumns(
    'deriveMatrixCells',
    matrix,
    ['unit_id', 'period', 'unit_name', 'unit_level', 'parent_id', ...needed],
    { what: 'the matrix (from rollUpMatrix)' },
  );
  const n = matrix.numRows();
  // each column read once (matrix.array copies the whole column)
  const columns = new Map<string, ArrayLike<unknown>>();
  const col = (c: string) => {
    let a = columns.get(c);
    if (a === undefined) columns.set(c, (a = matrix.array(c) as ArrayLike<unknown>));
    return a;
  };
  const out: Record<string, unknown[]> = Object.fromEntries(CELL_COLUMNS.map((c) => [c, []]));
  for (let r = 0; r < n; r++) {
    for (const ind of list) {
      out.unit_id.push(col('unit_id')[r]);
      out.indicator.push(ind.id);
      out.period.push(col('period')[r]);
      out.population.push(col(ind.population)[r]);
      out.numerator.push(col(ind.numerator)[r]);
      out.denominator.push(col(ind.denominator)[r]);
      out.unit_name.push(col('unit_name')[r]);
      out.unit_level.push(col('unit_level')[r]);
      out.parent_id.push(col('parent_id')[r]);
    }
  }
  return toTable(out);
}

/**
 * The CellSpec that publishes deriveMatrixCells output: dimensions unit_id × indicator × period,
 * population per cell, `ratio` = numerator / denominator (multiply by the indicator's `per` for its
 * value: scoreWellbeingMatrix does), and the unit hierarchy of the rows so that a parent and its
 * children are protected together.
 * @example report.publish(cells, wellbeingMatrixCellSpec(cells))
 */
export function wellbeingMatrixCellSpec(cells: ColumnTable): CellSpec {
  checkColumns('wellbeingMatrixCellSpec', cells, ['unit_id', 'parent_id'], {
    what: 'the matrix cells',
  });
  const parent = parentMapOfRows(cells, 'unit_id', 'parent_id');
  return {
    by: ['unit_id', 'indicator', 'period'],
    who: 'people (officers, staff and PCSOs unless other worker types were chosen) posted to each unit (or a unit below it) on any day of the period; each event counts where the person was posted that day, a leaver and their exit interview in their last unit',
    population: 'population',
    // The ratio is multiplied by the indicator's `per` (up to 1,000) before it is shown: 6 places
    // keep the shown value exact to its own precision without publishing float noise.
    rates: [{ name: 'ratio', numerator: 'numerator', denominator: 'denominator', decimals: 6 }],
    hierarchy: { column: 'unit_id', parent },
  };
}

const CELL_COLUMNS = [
  'unit_id',
  'indicator',
  'period',
  'population',
  'numerator',
  'denominator',
  'unit_name',
  'unit_level',
  'parent_id',
];
