// The composite temperature of each unit: the weighted mean of its scored indicators' heat, the
// change against the previous period (a trend only when its interval excludes 0), and the "running
// hot" list with the indicators driving it.
import { table as toTable, type ColumnTable } from 'arquero';
import type { DefinitionCard } from '../shared/definition.js';
import { checkColumns } from '../../shared/columns.js';
import { pushTo } from '../../shared/collections.js';

export interface MatrixTemperatureOptions {
  /** The period to report (label); default the last period in the scored table. */
  period?: string;
  /** The period to compare with (label); default the one before `period` in the table, if any. */
  previousPeriod?: string | null;
  /** As in scoreWellbeingMatrix: sets the default thresholds below (default 'z'). */
  normalise?: 'z' | 'percentile';
  /** Temperature at or above which a unit runs hot (default z 1, percentile 20 = mean 70th percentile). */
  hot?: number;
  /**
   * 95% intervals of each unit's temperature change (unit_id, change_lower, change_upper), e.g. from
   * bootstrapTemperatureChange. A trend is named only for units with an interval: 'worsening' when it
   * lies above 0, 'improving' below 0, else 'no clear change'. Without it trend is null: a change
   * with no measure of its noise is not called a trend.
   */
  changeIntervals?: ColumnTable;
  /** Smallest share of the total weight that must be scored for a temperature (default 0.5). */
  minWeightShare?: number;
  /** Most indicators named as drivers (default 3). */
  maxDrivers?: number;
}

const DEFAULTS = { z: { hot: 1 }, percentile: { hot: 20 } };

/**
 * One row per unit in `period` (from scoreWellbeingMatrix output): unit_id, unit_name, unit_level,
 * parent_id, temperature (Σ contributions = weighted mean heat of the scored indicators; null for the
 * top unit or when under minWeightShare of the weight is scored), weight_scored_pct,
 * indicators_scored, indicators_suppressed, red, amber, band ('red' at hot or above, 'amber' from
 * hot / 2, else 'green'), previous_temperature, temperature_change, change_lower and change_upper
 * (from options.changeIntervals), trend ('improving' | 'worsening' | 'no clear change', null without
 * an interval), trend_label (the trend with the change and its interval, e.g. 'worsening: +0.62 (95%
 * interval +0.20 to +1.05)'), running_hot, drivers (red or amber indicators, largest contribution first).
 * Suppressed and empty cells are left out and the weights of the rest rescaled.
 * @example summarizeMatrixTemperature(scored, { period: 'FY2024-25' })
 */
export function summarizeMatrixTemperature(
  scored: ColumnTable,
  options: MatrixTemperatureOptions = {},
): ColumnTable {
  const fn = 'summarizeMatrixTemperature';
  checkColumns(
    fn,
    scored,
    [
      'period',
      'unit_id',
      'unit_name',
      'unit_level',
      'parent_id',
      'label',
      'status',
      'heat',
      'score',
      'band',
      'weight',
      'contribution',
    ],
    { what: 'the scored matrix (from scoreWellbeingMatrix)' },
  );
  const rows = scored.objects() as Cell[];
  const periods = [...new Set(rows.map((r) => r.period))];
  const period = options.period ?? periods[periods.length - 1];
  if (!periods.includes(period)) {
    throw new Error(
      `${fn}: period "${period}" is not in the scored matrix. Periods: ${periods.join(', ')}.`,
    );
  }
  const previous =
    options.previousPeriod === undefined
      ? (periods[periods.indexOf(period) - 1] ?? null)
      : options.previousPeriod;
  const mode = options.normalise ?? 'z';
  const hot = options.hot ?? DEFAULTS[mode].hot;
  const intervals = intervalsByUnit(fn, options.changeIntervals);
  const { minWeightShare = 0.5, maxDrivers = 3 } = options;
  const before =
    previous === null
      ? new Map<string, number | null>()
      : temperatures(rows, previous, minWeightShare);
  const now = temperatures(rows, period, minWeightShare);
  const units = [
    ...new Map(rows.filter((r) => r.period === period).map((r) => [r.unit_id, r])).values(),
  ];
  const out = units.map((u) => {
    const cells = rows.filter((r) => r.period === period && r.unit_id === u.unit_id);
    const t = now.get(u.unit_id) ?? null;
    const p = before.get(u.unit_id) ?? null;
    const change = t === null || p === null ? null : t - p;
    const interval = change === null ? undefined : intervals.get(u.unit_id);
    const trend =
      interval === undefined
        ? null
        : interval[0] > 0
          ? 'worsening'
          : interval[1] < 0
            ? 'improving'
            : 'no clear change';
    const drivers = cells
      .filter((c) => (c.band === 'red' || c.band === 'amber') && (c.contribution ?? 0) > 0)
      .sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0))
      .slice(0, maxDrivers)
      .map(
        (c) =>
          `${c.label} (${mode === 'z' ? `z ${signed(c.heat!)}` : `${ordinal(Math.round(c.score!))} percentile`})`,
      );
    return {
      unit_id: u.unit_id,
      unit_name: u.unit_name,
      unit_level: u.unit_level,
      parent_id: u.parent_id,
      temperature: t,
      weight_scored_pct: weightShare(cells) * 100,
      indicators_scored: cells.filter((c) => c.heat !== null).length,
      indicators_suppressed: cells.filter((c) => c.status === 'suppressed').length,
      red: cells.filter((c) => c.band === 'red').length,
      amber: cells.filter((c) => c.band === 'amber').length,
      band:
        u.parent_id === null
          ? 'top'
          : t === null
            ? 'not scored'
            : t >= hot
              ? 'red'
              : t >= hot / 2
                ? 'amber'
                : 'green',
      previous_temperature: p,
      temperature_change: change,
      change_lower: interval?.[0] ?? null,
      change_upper: interval?.[1] ?? null,
      trend,
      trend_label:
        trend === null || interval === undefined
          ? null
          : `${trend}: ${signed(change!, 2)} (95% interval ${signed(interval[0], 2)} to ${signed(interval[1], 2)})`,
      running_hot: t !== null && t >= hot,
      drivers: drivers.join('; '),
    };
  });
  out.sort(
    (a, b) =>
      Number(a.parent_id !== null) - Number(b.parent_id !== null) ||
      (b.temperature ?? -Infinity) - (a.temperature ?? -Infinity),
  );
  const names = Object.keys(out[0] ?? { unit_id: 0 });
  return toTable(Object.fromEntries(names.map((k) => [k, out.map((r) => r[k as keyof typeof r])])));
}

/** Definition card: the composite temperature. */
export const WELLBEING_TEMPERATURE: DefinitionCard = {
  id: 'wellbeing_temperature',
  title: 'Well-being temperature',
  definition:
    'Weighted mean of a unit’s indicator heats: each indicator’s value against the force (z-score: value minus the force value, over the standard deviation of the values of units at the same level; or percentile among them), signed so that positive is worse. Each indicator’s contribution (weight × heat ÷ total weight scored) is shown and they add up to the temperature.',
  unit: 'standard deviations worse than the force (z), or percentile points above the median',
  notes:
    'Cells hidden by disclosure control, or with no data, are left out and the weights of the others rescaled; a unit with under half the weight scored gets no temperature. Change is against the previous period’s temperature, which is relative to that period’s force: a unit can improve while the force worsens. A change is called improving or worsening only when its 95% interval (a bootstrap over the unit’s people: bootstrapTemperatureChange) excludes 0; otherwise it is “no clear change”.',
};

interface Cell {
  period: string;
  unit_id: string;
  unit_name: string;
  unit_level: string;
  parent_id: string | null;
  label: string;
  status: string;
  heat: number | null;
  score: number | null;
  band: string;
  weight: number;
  contribution: number | null;
}

/**
 * Temperature per unit in `period`: the sum of the contributions of its scored cells, or null for
 * the top unit and for a unit with under `minShare` of its weight scored.
 * @example unitTemperatures(scored.objects(), 'FY2024-25', 0.5).get('D1')
 */
export function unitTemperatures(
  rows: readonly TemperatureCell[],
  period: string,
  minShare: number,
): Map<string, number | null> {
  return temperatures(rows as Cell[], period, minShare);
}

/** What unitTemperatures reads from each scored cell. */
export type TemperatureCell = Pick<
  Cell,
  'period' | 'unit_id' | 'parent_id' | 'heat' | 'weight' | 'contribution'
>;

function intervalsByUnit(
  fn: string,
  table: ColumnTable | undefined,
): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  if (table === undefined) return out;
  checkColumns(fn, table, ['unit_id', 'change_lower', 'change_upper'], {
    what: 'changeIntervals (from bootstrapTemperatureChange)',
  });
  const id = table.array('unit_id') as ArrayLike<string>;
  const lo = table.array('change_lower') as ArrayLike<number | null>;
  const hi = table.array('change_upper') as ArrayLike<number | null>;
  for (let i = 0; i < table.numRows(); i++) {
    if (lo[i] !== null && hi[i] !== null) out.set(String(id[i]), [lo[i]!, hi[i]!]);
  }
  return out;
}

function temperatures(rows: Cell[], period: string, minShare: number): Map<string, number | null> {
  const byUnit = new Map<string, Cell[]>();
  for (const r of rows) if (r.period === period) pushTo(byUnit, r.unit_id, r);
  const out = new Map<string, number | null>();
  for (const [unit, cells] of byUnit) {
    const ok = cells[0].parent_id !== null && weightShare(cells) >= minShare;
    out.set(unit, ok ? cells.reduce((s, c) => s + (c.contribution ?? 0), 0) : null);
  }
  return out;
}

/** Share of the unit's total weight whose indicators were scored. */
function weightShare(cells: Cell[]): number {
  const total = cells.reduce((s, c) => s + c.weight, 0);
  const scored = cells.filter((c) => c.heat !== null).reduce((s, c) => s + c.weight, 0);
  return total > 0 ? scored / total : 0;
}

function signed(v: number, digits = 1): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
}

function ordinal(n: number): string {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${tail}`;
}
