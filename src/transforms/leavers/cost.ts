// What early leavers cost: leavers in their first years of service times a configurable cost per
// leaver (default: the Police Uplift Programme estimate cited by HMICFRS, £83,000 / £138,000).
// Steps: leavers of the chosen types and worker types in the period → band by service → × cost.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { Period } from '../../time/periods.js';
import type { DefinitionCard } from '../shared/definition.js';
import { groupRows, periodList } from '../shared/groups.js';
import { NON_HEADLINE_LEAVER_TYPES } from './leavers.js';
import { completedMonths } from './service-bands.js';
import { checkColumns, numbers } from '../../shared/columns.js';

/** One cost band: leavers with service under `underYears` (and at least the previous band's edge). */
export interface LeaverCostBand {
  underYears: number;
  /** Cost per leaver in pounds. */
  costGbp: number;
  label: string;
}

export interface LeaverCostModel {
  bands: readonly LeaverCostBand[];
  /** Where the figures come from, printed in captions. */
  source: string;
}

/** £83,000 per leaver in the first year of service, £138,000 per leaver in the second. */
export const DEFAULT_LEAVER_COST_MODEL: LeaverCostModel = {
  bands: [
    { underYears: 1, costGbp: 83_000, label: 'under 1 year' },
    { underYears: 2, costGbp: 138_000, label: '1 to 2 years' },
  ],
  source:
    'Police Uplift Programme estimate cited by HMICFRS, PEEL 2021/22: an officer who leaves costs about £83,000 in the first year and £138,000 over two years',
};

export const EARLY_LEAVER_COST: DefinitionCard = {
  id: 'early_leaver_cost',
  title: 'Cost of early leavers',
  definition:
    'Leavers in the period (default: officers, any leaver type except transfer_out) by completed years of police service at leaving (service_start_date to the day after the last day), times the cost per leaver of their band.',
  unit: '£ (estimate)',
  source: DEFAULT_LEAVER_COST_MODEL.source,
  notes:
    'An order-of-magnitude estimate of recruitment and training spent on people who left: the default figures are national estimates for police officers, not this organisation’s costs. Replace them with your own cost model when known.',
};

export interface LeaverCostOptions {
  period: Period;
  by?: string[];
  costModel?: LeaverCostModel;
  /** Worker types counted (default ['officer'], whom the default estimate is about); null = all. */
  workerTypes?: readonly string[] | null;
  /** Leaver types counted (default: every type except transfer_out). */
  leaverTypes?: readonly string[];
  /** Column service is counted from (default service_start_date). */
  from?: string;
}

/**
 * Per group and cost band: early_leavers in the period and cost_gbp = early_leavers × the band's cost.
 * Columns: by…, cost_band (the model's labels, in order), early_leavers, cost_gbp; every band appears.
 * @example summarizeEarlyLeaverCost(people, { period: parsePeriod('FY2023-24') })
 */
export function summarizeEarlyLeaverCost(
  people: ColumnTable,
  {
    period,
    by = [],
    costModel = DEFAULT_LEAVER_COST_MODEL,
    workerTypes = ['officer'],
    leaverTypes,
    from = 'service_start_date',
  }: LeaverCostOptions,
): ColumnTable {
  const fn = 'summarizeEarlyLeaverCost';
  checkColumns(fn, people, ['end_date', 'leaver_type', 'worker_type', from, ...by]);
  const [p] = periodList(fn, period);
  checkModel(fn, costModel);
  const start = numbers(people, from);
  const end = numbers(people, 'end_date');
  const type = people.array('leaver_type') as ArrayLike<string | null>;
  const worker = people.array('worker_type') as ArrayLike<string | null>;
  const counted = (t: string) =>
    leaverTypes ? leaverTypes.includes(t) : !NON_HEADLINE_LEAVER_TYPES.includes(t);
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...by, 'cost_band', 'early_leavers', 'cost_gbp'].map((c) => [c, []]),
  );
  for (const group of groupRows(people, by)) {
    const counts = costModel.bands.map(() => 0);
    for (const i of group.rows) {
      const e = end[i];
      const s = start[i];
      if (e === null || s === null || e < p.start || e > p.end) continue;
      if (!counted(type[i] ?? '') || (workerTypes && !workerTypes.includes(worker[i] ?? ''))) {
        continue;
      }
      const years = completedMonths(s, e + 1) / 12;
      const band = costModel.bands.findIndex((b) => years < b.underYears);
      if (years >= 0 && band >= 0) counts[band] += 1;
    }
    costModel.bands.forEach((b, k) => {
      by.forEach((c, j) => out[c].push(group.values[j]));
      out.cost_band.push(b.label);
      out.early_leavers.push(counts[k]);
      out.cost_gbp.push(counts[k] * b.costGbp);
    });
  }
  return toTable(out);
}

/**
 * CellSpec of summarizeEarlyLeaverCost's output: the cost follows its leaver count (hidden with it).
 * Do not add a total row: a total cost beside a total count, at two prices, gives back hidden counts.
 * @example report.publish(cost, earlyLeaverCostSpec())
 */
export function earlyLeaverCostSpec(by: string[] = []): CellSpec {
  return {
    by: [...by, 'cost_band'],
    who: 'early leavers in the period (voluntary resignations with short service, as the table was built), by cost band',
    counts: ['early_leavers'],
    means: [{ name: 'cost_gbp', n: 'early_leavers' }],
  };
}

function checkModel(fn: string, model: LeaverCostModel): void {
  const bands = model?.bands;
  const ok =
    Array.isArray(bands) &&
    bands.length > 0 &&
    bands.every(
      (b, i) =>
        b.underYears > 0 &&
        Number.isFinite(b.costGbp) &&
        b.costGbp >= 0 &&
        typeof b.label === 'string' &&
        (i === 0 || b.underYears > bands[i - 1].underYears),
    );
  if (!ok) {
    throw new Error(
      `${fn}: costModel.bands must be a non-empty list of { underYears, costGbp, label } with underYears ascending and costs ≥ 0, e.g. DEFAULT_LEAVER_COST_MODEL.bands.`,
    );
  }
}
