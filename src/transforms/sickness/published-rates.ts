// Published sickness figures loaded as unit_indicators (e.g. NHS England's monthly FTE days lost and
// available per organisation), rolled up to any grouping by summing numerators and denominators.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { checkColumns } from '../../shared/columns.js';

export interface IndicatorRateOptions {
  /** The indicator to roll up, e.g. 'sickness_absence_rate_pct'. */
  indicator: string;
  /** The group of each unit_id (a function or a map); null or absent leaves the unit out. Default: one group 'All'. */
  groupOf?: ((unitId: string) => string | null) | ReadonlyMap<string, string>;
  /** Multiplier of the rate (default 100, a percentage). */
  per?: number;
}

/**
 * One row per group and period (period_start, period_end) of an indicator held as numerator and
 * denominator in unit_indicators: `units` (rows summed), `numerator`, `denominator` (each summed over
 * the group's units) and `rate` = per × Σ numerator / Σ denominator (never an average of the units'
 * rates). Rows without both numerator and denominator are left out and counted in `units_without_counts`.
 * @example summarizeIndicatorRate(data.tables.unit_indicators, { indicator: 'sickness_absence_rate_pct', groupOf: (u) => u.split('|')[0] })
 */
export function summarizeIndicatorRate(
  unitIndicators: ColumnTable,
  options: IndicatorRateOptions,
): ColumnTable {
  const where = 'summarizeIndicatorRate';
  const { indicator, per = 100 } = options;
  checkColumns(
    where,
    unitIndicators,
    ['unit_id', 'period_start', 'period_end', 'indicator', 'numerator', 'denominator'],
    { what: 'unit_indicators' },
  );
  const rows = unitIndicators
    .params({ indicator })
    .filter((d: { indicator: string }, $: { indicator: string }) => d.indicator === $.indicator);
  if (rows.numRows() === 0) {
    const found = (
      unitIndicators.rollup({ v: aq.op.array_agg_distinct('indicator') }).get('v', 0) as string[]
    ).slice(0, 10);
    throw new Error(
      `${where}: no rows of indicator "${indicator}". Indicators present: ${found.join(', ') || 'none'}.`,
    );
  }
  const g = options.groupOf;
  const lookup =
    g === undefined ? () => 'All' : typeof g === 'function' ? g : (u: string) => g.get(u) ?? null;
  const ids = rows.array('unit_id') as ArrayLike<string>;
  const group = Array.from({ length: rows.numRows() }, (_, i) => lookup(ids[i]));
  return rows
    .assign(aq.table({ group }))
    .filter((d: { group: string | null }) => d.group !== null)
    .derive({
      counted: (d: { numerator: number | null; denominator: number | null }) =>
        d.numerator !== null && d.denominator !== null,
    })
    .groupby('group', 'period_start', 'period_end')
    .rollup({
      units: (d: { counted: boolean }) => aq.op.sum(d.counted ? 1 : 0),
      units_without_counts: (d: { counted: boolean }) => aq.op.sum(d.counted ? 0 : 1),
      numerator: (d: { counted: boolean; numerator: number }) =>
        aq.op.sum(d.counted ? d.numerator : 0),
      denominator: (d: { counted: boolean; denominator: number }) =>
        aq.op.sum(d.counted ? d.denominator : 0),
    })
    .params({ per })
    .derive({
      rate: (d: { numerator: number; denominator: number }, $: { per: number }) =>
        d.denominator > 0 ? ($.per * d.numerator) / d.denominator : null,
    })
    .orderby('group', 'period_start');
}

/**
 * The CellSpec for summarizeIndicatorRate output: the rate from summed numerator and denominator.
 * Organisation-level published figures hold no people, so no population is declared.
 * @example publishTable(t, indicatorRateCellSpec())
 */
export function indicatorRateCellSpec(per = 100): CellSpec {
  return {
    by: ['group', 'period_start'],
    who: 'the organisations of each group, as published (no individuals)',
    counts: ['units'],
    rates: [{ name: 'rate', numerator: 'numerator', denominator: 'denominator', per }],
  };
}

/** Definition card: NHS-style sickness absence rate from published FTE days. */
export const SICKNESS_ABSENCE_RATE_FTE_DAYS: DefinitionCard = {
  id: 'sickness_absence_rate_fte_days',
  title: 'Sickness absence rate (FTE days, NHS England method)',
  definition:
    'FTE days lost to sickness divided by FTE days available, each summed over the organisations of a group before dividing.',
  numerator: 'FTE days lost (calendar days: non-working days inside an absence count)',
  denominator: 'FTE days available',
  unit: '%',
  source: 'NHS England, NHS Sickness Absence Rates (monthly official statistics), methodology',
};
