// The unit-temperature input of the leaving-risk model: the well-being matrix's composite temperature
// of each person's team over the latest financial year that had ended by the month end. Steps:
// financial years needed → matrix counts at the team level → scored (analyst mode) → temperature.
import { table as toTable, type ColumnTable } from 'arquero';
import { DisclosureLedger, publishTable, resolvePolicy } from '../../privacy/index.js';
import { periodOf, type Period } from '../../time/periods.js';
import { ancestorAt, type UnitTree } from '../units/hierarchy.js';
import type { MatrixIndicator } from '../matrix/indicators.js';
import { wellbeingMatrixCellSpec } from '../matrix/rollup.js';
import { levelDepths } from '../units/roll-up.js';
import { scoreWellbeingMatrix } from '../matrix/score.js';
import { summarizeWellbeingMatrix } from '../matrix/summary.js';
import { summarizeMatrixTemperature } from '../matrix/temperature.js';
import { checkColumns } from '../../shared/columns.js';

export interface UnitTemperatureOptions {
  /** Unit level whose temperature a person-month gets (default: the lowest level of the tree, e.g. team). */
  level?: string;
  /** Month (1–12) in which the financial year starts (default 4, April). */
  fyStartMonth?: number;
  /** As in scoreWellbeingMatrix (defaults: z-scores, every DEFAULT_MATRIX_INDICATORS at weight 1). */
  normalise?: 'z' | 'percentile';
  indicators?: readonly (string | MatrixIndicator)[];
  weights?: Readonly<Record<string, number>>;
}

type MatrixTables = Parameters<typeof summarizeWellbeingMatrix>[0];

/**
 * Adds `unit_temperature` and `unit_temperature_period` to person-month rows (columns month_end_date,
 * unit_id): the well-being matrix temperature (summarizeMatrixTemperature: weighted mean heat of the
 * indicators, positive = worse than the force) of the person's unit at `level` (default team) in the
 * latest financial year that ended on or before the month end, so no row sees data after its own
 * month end. Every financial year is scored against its own force. The matrix is scored in analyst
 * mode (nothing hidden): the model is fitted analyst-side and its own outputs are published, so its
 * inputs must not depend on the report's disclosure policy. Rows get 0 (a typical unit) when no
 * financial year had ended, the unit sits above `level`, or the unit has no temperature that year
 * (under half the weight scored); the period column is then null.
 * @example deriveUnitTemperature(rows, data.tables, unitTree(data.tables.units), { asOf: data.asOf })
 */
export function deriveUnitTemperature(
  periods: ColumnTable,
  tables: MatrixTables,
  tree: UnitTree,
  options: UnitTemperatureOptions & { asOf: number },
): ColumnTable {
  const fn = 'deriveUnitTemperature';
  checkColumns(fn, periods, ['month_end_date', 'unit_id'], {
    fix: 'Build the rows with buildPersonPeriods().',
  });
  const level = options.level ?? lowestLevel(tree);
  const days = periods.array('month_end_date') as ArrayLike<number>;
  const units = periods.array('unit_id') as ArrayLike<string | null>;
  const fyOf = new Map<number, Period>();
  for (let i = 0; i < days.length; i++)
    if (!fyOf.has(days[i])) fyOf.set(days[i], yearEndedBy(days[i], options.fyStartMonth));
  const years = new Map<string, Period>();
  for (const p of fyOf.values()) if (p.end <= options.asOf) years.set(p.label, p);
  const temps = matrixTemperatures(tables, tree, [...years.values()], { ...options, level });
  const atLevel = new Map<string | null, string | null>();
  const temperature = new Float64Array(days.length);
  const period: (string | null)[] = new Array<string | null>(days.length).fill(null);
  for (let i = 0; i < days.length; i++) {
    const fy = fyOf.get(days[i]);
    if (!atLevel.has(units[i])) atLevel.set(units[i], ancestorAt(tree, units[i], level));
    const unit = atLevel.get(units[i]);
    const t = fy && unit ? temps.get(fy.label)?.get(unit) : undefined;
    if (t === undefined || t === null) continue;
    temperature[i] = t;
    period[i] = fy!.label;
  }
  return periods.assign(
    toTable({ unit_temperature: Array.from(temperature), unit_temperature_period: period }),
  );
}

/**
 * Temperature of every unit at `level` in each period: period label → unit_id → temperature (null
 * when under half the weight is scored). The matrix pipeline of notebook 04 (summarizeWellbeingMatrix
 * → publish → scoreWellbeingMatrix → summarizeMatrixTemperature) with the publishing done in analyst
 * mode, so no cell is hidden; each period is scored against its own force.
 * @example matrixTemperatures(data.tables, tree, [parsePeriod('FY2023-24')], { level: 'team', asOf: data.asOf }).get('FY2023-24')?.get('D1-RESP-B')
 */
export function matrixTemperatures(
  tables: MatrixTables,
  tree: UnitTree,
  periods: readonly Period[],
  options: UnitTemperatureOptions & { level: string; asOf: number },
): Map<string, Map<string, number | null>> {
  const out = new Map<string, Map<string, number | null>>();
  if (periods.length === 0) return out;
  const { level, asOf, indicators, normalise, weights } = options;
  const cells = summarizeWellbeingMatrix(tables, tree, {
    periods,
    levels: [level],
    asOf,
    ...(indicators ? { indicators } : {}),
  });
  const policy = resolvePolicy({ mode: 'analyst' });
  const published = publishTable(
    cells,
    wellbeingMatrixCellSpec(cells),
    policy,
    new DisclosureLedger(),
  );
  const scored = scoreWellbeingMatrix(published, {
    tree,
    ...(indicators ? { indicators } : {}),
    ...(normalise ? { normalise } : {}),
    ...(weights ? { weights } : {}),
  });
  for (const p of periods) {
    const one = scored
      .params({ label: p.label })
      .filter((d: { period: string }, $: { label: string }) => d.period === $.label);
    if (one.numRows() === 0) continue;
    const t = summarizeMatrixTemperature(one, { period: p.label, previousPeriod: null, normalise });
    const ids = t.array('unit_id') as ArrayLike<string>;
    const values = t.array('temperature') as ArrayLike<number | null>;
    out.set(p.label, new Map(Array.from(ids, (id, i) => [id, values[i]])));
  }
  return out;
}

/** The latest financial year that ended on or before `day`. */
function yearEndedBy(day: number, fyStartMonth = 4): Period {
  const fy = periodOf(day, 'financial_year', { fyStartMonth });
  return fy.end === day ? fy : periodOf(fy.start - 1, 'financial_year', { fyStartMonth });
}

function lowestLevel(tree: UnitTree): string {
  const depths = [...levelDepths(tree)].sort((a, b) => b[1] - a[1]);
  if (depths.length === 0) {
    throw new Error(
      'deriveUnitTemperature: the units table is empty. Load a units table with at least one unit.',
    );
  }
  return depths[0][0];
}
