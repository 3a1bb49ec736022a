// How sure a unit's change in temperature is: a bootstrap over people. Steps: the point estimate from
// the published matrix → in each replicate, each unit of record's people drawn with replacement (a
// person's rows in both periods go together) → counts rolled up the tree → the published cells rescored
// → temperatures and their change → percentile interval per unit.
import { table as toTable, type ColumnTable } from 'arquero';
import { checkPublishedTable, type PublishedTable } from '../../privacy/index.js';
import type { UnitTree } from '../units/hierarchy.js';
import { checkColumns } from '../../shared/columns.js';
import { seededRandom } from '../../shared/random.js';
import { MATRIX_COUNT_COLUMNS, pickIndicators, type MatrixIndicator } from './indicators.js';
import { rollUpMatrix } from './rollup.js';
import {
  addUnitContributions,
  groupCells,
  scoreIndicatorCells,
  scoreWellbeingMatrix,
  type HeatCell,
} from './score.js';
import { unitTemperatures } from './temperature.js';

export interface TemperatureChangeOptions {
  /** Unit levels of the published matrix (as given to summarizeWellbeingMatrix), e.g. the lowest, [data.levels[data.levels.length - 1]]. */
  levels: readonly string[];
  /** Labels of the period reported and of the one compared with. */
  period: string;
  previousPeriod: string;
  indicators?: readonly (string | MatrixIndicator)[];
  normalise?: 'z' | 'percentile';
  weights?: Readonly<Record<string, number>>;
  minUnits?: number;
  /** Smallest share of the weight scored for a temperature (default 0.5, as summarizeMatrixTemperature). */
  minWeightShare?: number;
  /** Bootstrap replicates (default 500) and the seed of their draws (default 1). */
  replicates?: number;
  seed?: number;
}

/**
 * One row per unit of the published matrix with a temperature in both periods: unit_id, change (the
 * point estimate, as summarizeMatrixTemperature gives it), change_lower and change_upper (2.5% and
 * 97.5% percentiles of the replicates' changes, R's quantile type 7) and replicates (those giving a
 * change). Why a bootstrap over people rather than the binomial or Poisson error of each indicator:
 * days lost and overtime hours come in clumps (one long absence, one person's heavy overtime), so a
 * count-based error would understate their noise, and the indicators of one unit share its people;
 * resampling the people keeps both. Each replicate draws, within every unit of record, as many of its
 * people as it has, with replacement, keeping each person's rows in both periods; rows that come as unit
 * aggregates (person_id null: survey, workload) are held fixed, so their own sampling error is not in
 * the interval. Only the cells shown in the published matrix are rescored (hidden cells stay out), with
 * the force value and spread recomputed in each replicate. Pass the interval to
 * summarizeMatrixTemperature as changeIntervals.
 * @example bootstrapTemperatureChange(summarizeMatrixCounts(data.tables, { periods, asOf, byPerson: true }), report.tree, published, { levels: [lowest], period: 'FY2024-25', previousPeriod: 'FY2023-24' })
 */
export function bootstrapTemperatureChange(
  personCounts: ColumnTable,
  tree: UnitTree,
  published: PublishedTable,
  options: TemperatureChangeOptions,
): ColumnTable {
  const fn = 'bootstrapTemperatureChange';
  const {
    levels,
    period,
    previousPeriod,
    normalise = 'z',
    weights,
    minUnits = 3,
    minWeightShare = 0.5,
    replicates = 500,
    seed = 1,
  } = options;
  checkColumns(fn, personCounts, ['unit_id', 'person_id', 'period', ...MATRIX_COUNT_COLUMNS], {
    what: 'person-level counts (summarizeMatrixCounts with byPerson: true)',
  });
  if (!Number.isInteger(replicates) || replicates < 20) {
    throw new Error(`${fn}: replicates is ${replicates}; use a whole number ≥ 20 (500 is usual).`);
  }
  const pt = checkPublishedTable(published, fn);
  const list = pickIndicators(options.indicators, fn);
  const scored = scoreWellbeingMatrix(pt, {
    tree,
    normalise,
    weights,
    minUnits,
    indicators: options.indicators,
  });
  const cells = (scored.objects() as ScoredCell[]).filter(
    (c) => c.period === period || c.period === previousPeriod,
  );
  const labels = new Set(cells.map((c) => c.period));
  for (const p of [period, previousPeriod]) {
    if (!labels.has(p)) {
      throw new Error(
        `${fn}: period "${p}" is not in the published matrix. Publish both periods in one table.`,
      );
    }
  }
  const point = changes(cells, period, previousPeriod, minWeightShare);
  // Every replicate rescores copies of the same cells: group them (by indicator, by unit) once.
  const position = new Map(cells.map((c, k) => [c, k]));
  const groupsOf = (key: (c: ScoredCell) => unknown[]) =>
    groupCells(cells, key).map((g) => g.map((c) => position.get(c)!));
  const grouping: Grouping = {
    byIndicator: groupsOf((c) => [c.period, c.indicator]),
    byUnit: groupsOf((c) => [c.period, c.unit_id]),
  };
  // People of each unit of record, each with their rows (both periods); aggregate rows stay fixed.
  const measures = ['headcount', ...MATRIX_COUNT_COLUMNS];
  const unit = personCounts.array('unit_id') as ArrayLike<string>;
  const who = personCounts.array('person_id') as ArrayLike<string | null>;
  const when = personCounts.array('period') as ArrayLike<string>;
  const values = measures.map((m) => personCounts.array(m) as ArrayLike<number>);
  const strata = new Map<string, Map<string, number[]>>();
  const fixed: number[] = [];
  for (let i = 0; i < personCounts.numRows(); i++) {
    if (when[i] !== period && when[i] !== previousPeriod) continue;
    if (who[i] === null || who[i] === undefined) {
      fixed.push(i);
      continue;
    }
    const people = strata.get(unit[i]) ?? new Map<string, number[]>();
    const rows = people.get(who[i]!) ?? [];
    rows.push(i);
    people.set(who[i]!, rows);
    strata.set(unit[i], people);
  }
  const groups = [...strata].map(([id, people]) => ({ id, people: [...people.values()] }));
  // Each row's (unit, period) slot, numbered once: a replicate sums into a flat array, and its table
  // lists the slots in the order the replicate first reached them (as a map keyed by slot would).
  const slotOf = new Int32Array(personCounts.numRows()).fill(-1);
  const slotKey: [string, string][] = [];
  const slotIndex = new Map<string, number>();
  const slotFor = (i: number) => {
    const key = `${unit[i]}\u0000${when[i]}`;
    let k = slotIndex.get(key);
    if (k === undefined) {
      slotIndex.set(key, (k = slotKey.length));
      slotKey.push([unit[i], when[i]]);
    }
    return k;
  };
  for (const i of fixed) slotOf[i] = slotFor(i);
  for (const g of groups) for (const rows of g.people) for (const i of rows) slotOf[i] = slotFor(i);
  const width = measures.length;
  // each row's measures side by side (a missing value adds 0)
  const rowValues = new Float64Array(personCounts.numRows() * width);
  for (let i = 0; i < personCounts.numRows(); i++) {
    for (let m = 0; m < width; m++) rowValues[i * width + m] = values[m][i] ?? 0;
  }
  const sums = new Float64Array(slotKey.length * width);
  const stamp = new Int32Array(slotKey.length).fill(-1);
  const random = seededRandom(seed);
  const draws = new Map<string, number[]>(); // unit_id → changes over replicates
  for (let b = 0; b < replicates; b++) {
    const order: number[] = [];
    const add = (i: number) => {
      const k = slotOf[i];
      if (stamp[k] !== b) {
        stamp[k] = b;
        order.push(k);
        sums.fill(0, k * width, (k + 1) * width);
      }
      for (let m = 0; m < width; m++) sums[k * width + m] += rowValues[i * width + m];
    };
    for (const i of fixed) add(i);
    for (const g of groups) {
      for (let k = 0; k < g.people.length; k++) {
        for (const i of g.people[Math.floor(random() * g.people.length)]) add(i);
      }
    }
    const counts = toTable({
      unit_id: order.map((k) => slotKey[k][0]),
      period: order.map((k) => slotKey[k][1]),
      ...Object.fromEntries(measures.map((m, j) => [m, order.map((k) => sums[k * width + j])])),
    });
    const matrix = rollUpMatrix(counts, tree, { levels, indicators: options.indicators });
    const replicate = rescore(cells, grouping, matrix, list, normalise, minUnits);
    for (const [id, change] of changes(replicate, period, previousPeriod, minWeightShare)) {
      if (change === null) continue;
      const list = draws.get(id) ?? [];
      list.push(change);
      draws.set(id, list);
    }
  }
  const ids = [...point.keys()].filter((id) => point.get(id) !== null);
  return toTable({
    unit_id: ids,
    change: ids.map((id) => point.get(id)),
    change_lower: ids.map((id) => quantile(draws.get(id) ?? [], 0.025)),
    change_upper: ids.map((id) => quantile(draws.get(id) ?? [], 0.975)),
    replicates: ids.map((id) => draws.get(id)?.length ?? 0),
  });
}

interface ScoredCell extends HeatCell {
  period: string;
  unit_id: string;
  indicator: string;
  status: string;
  weight: number;
  contribution: number | null;
}

/** Positions of the cells in each group of one indicator and period, and of one unit and period. */
interface Grouping {
  byIndicator: number[][];
  byUnit: number[][];
}

/** The published cells with each shown value replaced by the replicate's, rescored and reweighted. */
function rescore(
  cells: readonly ScoredCell[],
  grouping: Grouping,
  matrix: ColumnTable,
  list: readonly MatrixIndicator[],
  normalise: 'z' | 'percentile',
  minUnits: number,
): ScoredCell[] {
  const at = new Map<string, number>();
  const ids = matrix.array('unit_id') as ArrayLike<string>;
  const periods = matrix.array('period') as ArrayLike<string>;
  for (let r = 0; r < matrix.numRows(); r++) at.set(`${ids[r]}\u0000${periods[r]}`, r);
  const byId = new Map(list.map((ind) => [ind.id, ind]));
  const columns = new Map(list.map((ind) => [ind.id, matrix.array(ind.id) as ArrayLike<number>]));
  const copy = cells.map((c) => {
    const r = at.get(`${c.unit_id}\u0000${c.period}`);
    const shown = c.status === 'shown' && byId.has(c.indicator) && r !== undefined;
    const v = shown ? columns.get(c.indicator)![r!] : null;
    return {
      ...c,
      value: v === null || v === undefined ? null : (v as number),
      score: null,
      heat: null,
      contribution: null,
    } as ScoredCell;
  });
  for (const group of grouping.byIndicator) {
    scoreIndicatorCells(
      group.map((k) => copy[k]),
      normalise,
      minUnits,
    );
  }
  for (const unit of grouping.byUnit) addUnitContributions(unit.map((k) => copy[k]));
  return copy;
}

function changes(
  cells: readonly ScoredCell[],
  period: string,
  previousPeriod: string,
  minShare: number,
): Map<string, number | null> {
  const now = unitTemperatures(cells, period, minShare);
  const before = unitTemperatures(cells, previousPeriod, minShare);
  const out = new Map<string, number | null>();
  for (const [id, t] of now) {
    const p = before.get(id) ?? null;
    out.set(id, t === null || p === null ? null : t - p);
  }
  return out;
}

/** R's quantile type 7: linear interpolation between order statistics; null for no values. */
function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
