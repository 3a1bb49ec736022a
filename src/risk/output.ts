// What the leaving-risk model gives out: the model fitted on every month with a known outcome, risk of
// the latest month's workforce summed to groups (with CellSpecs for disclosure control), the drivers
// with their intervals, and a what-if; individual scores stay inside (see risk-individual.ts).
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../privacy/index.js';
import type { PersonPeriods } from '../transforms/person-period/build.js';
import { groupRows } from '../transforms/shared/groups.js';
import { COX_FEATURES, riskDesign, RISK_FEATURES, type RiskFeature } from './design.js';
import { coxIntervals } from './intervals.js';
import {
  fitRiskCox,
  fitRiskLogistic,
  fitRiskPenalised,
  predictRisk,
  type RiskModel,
} from './model.js';
import { choosePenalty, type PenaltyKind } from './penalty.js';

/** A fitted model with the person-months it scores (column `risk`: probability of resigning within the horizon). */
export interface ScoredRisk {
  model: RiskModel;
  /** Every person-month with `risk` added; person-level: never show it, summarise it. */
  scored: ColumnTable;
  features: RiskFeature[];
}

/**
 * Fits the model on every person-month whose whole horizon is observed (logistic) or whose next month is
 * observed (Cox, on monthly intervals; coxStepMonths > 1 joins months, see coxIntervals) and scores every person-month. Use validateRiskModel for its skill on unseen data.
 * Unpenalised by default, so that the drivers carry 95% intervals; `penalty: 'ridge'` (or
 * 'elastic-net', or 'auto' for the rule of choosePenalty) fits the penalised logistic model, whose
 * risks are less extreme and whose drivers have ratios only.
 * @example const { model, scored } = fitRiskModel(pp, { model: 'logistic' })
 */
export function fitRiskModel(
  pp: PersonPeriods,
  {
    model = 'logistic',
    features,
    coxStepMonths = 1,
    penalty = 'none',
  }: {
    model?: 'logistic' | 'cox';
    features?: readonly RiskFeature[];
    coxStepMonths?: number;
    penalty?: PenaltyKind | 'auto';
  } = {},
): ScoredRisk {
  const inputs = [...(features ?? (model === 'cox' ? COX_FEATURES : RISK_FEATURES))];
  const t = pp.table;
  const y = Array.from(t.array('resigned_within_horizon') as ArrayLike<number | null>);
  const service = Array.from(t.array('service_days') as ArrayLike<number>);
  const { stop: next, event } = coxIntervals(
    t.array('person_id') as ArrayLike<string>,
    service,
    t.array('next_service_days') as ArrayLike<number | null>,
    t.array('resigned_next_month') as ArrayLike<number | null>,
    model === 'cox' ? coxStepMonths : 1,
  );
  const month = t.array('month') as ArrayLike<string>;
  const lastComplete = monthLabelOffset(pp.asOf, -pp.horizonMonths);
  const rows = [...y.keys()].filter((i) =>
    model === 'logistic' ? month[i] <= lastComplete && y[i] !== null : next[i] !== null,
  );
  const design = riskDesign(t, inputs, rows, {
    intercept: model === 'logistic',
    outcome: model === 'logistic' ? y : event,
  });
  const persons = Array.from(t.array('person_id') as ArrayLike<string>);
  const leavers = new Set(rows.filter((i) => y[i] === 1).map((i) => persons[i])).size;
  const kind = model === 'cox' ? 'none' : choosePenalty(leavers, design.names.length, penalty).kind;
  const fitted =
    model === 'cox'
      ? fitRiskCox(design, service, next, event, rows, pp.horizonMonths)
      : kind === 'none'
        ? fitRiskLogistic(design, y, persons, rows, pp.horizonMonths)
        : fitRiskPenalised(design, y, persons, rows, pp.horizonMonths, { kind });
  const risk = predictRisk(fitted, design, [...y.keys()], service);
  return { model: fitted, scored: t.assign(toTable({ risk })), features: inputs };
}

/**
 * Risk of the people in post in one month (default the latest), summed by `by`: people (population),
 * expected_resignations (Σ risk) and mean_risk_pct (100 × expected / people), both published as means
 * over the people so small groups are hidden whole. Add a unit label first (report.labelUnits).
 * @example report.publish(summarizeRisk(labelled, { by: ['unit'] }), riskSummarySpec(['unit']))
 */
export function summarizeRisk(
  scored: ColumnTable,
  { by = ['unit_id'], month }: { by?: string[]; month?: string } = {},
): ColumnTable {
  const missing = [...by, 'risk', 'month'].filter((c) => !scored.columnNames().includes(c));
  if (missing.length > 0) {
    throw new Error(
      `summarizeRisk: column(s) ${missing.join(', ')} missing. Found: ${scored.columnNames().join(', ')}. Score the rows with fitRiskModel() and derive the grouping columns first.`,
    );
  }
  const months = scored.array('month') as ArrayLike<string>;
  const at = month ?? Array.from(months).reduce((a, b) => (b > a ? b : a), '');
  const rows = [...Array(scored.numRows()).keys()].filter((i) => months[i] === at);
  const current = scored.reify(rows);
  const risk = current.array('risk') as ArrayLike<number>;
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...by, 'month', 'people', 'expected_resignations', 'mean_risk_pct'].map((c) => [c, []]),
  );
  for (const g of groupRows(current, by)) {
    const expected = g.rows.reduce((s, i) => s + risk[i], 0);
    by.forEach((c, j) => out[c].push(g.values[j]));
    out.month.push(at);
    out.people.push(g.rows.length);
    out.expected_resignations.push(expected);
    out.mean_risk_pct.push((100 * expected) / g.rows.length);
  }
  return toTable(out);
}

/**
 * CellSpec of summarizeRisk: population people; expected resignations and mean risk as means over people.
 * @example riskSummarySpec(['unit'], { total: 'All' })
 */
export function riskSummarySpec(by: string[], { total }: { total?: string } = {}): CellSpec {
  return {
    by,
    who: 'people in post in the month scored (default the latest month of the data), in the group of the row',
    population: 'people',
    means: [
      { name: 'expected_resignations', n: 'people' },
      { name: 'mean_risk_pct', n: 'people' },
    ],
    ...(total === undefined ? {} : { total }),
  };
}

/**
 * The drivers of a fitted model: per column, its label, odds or hazard ratio with the 95% interval,
 * and `people` = distinct people with a non-zero value among the scored rows (hidden below the minimum).
 * @example report.publish(riskDrivers(fit), riskDriversSpec)
 */
export function riskDrivers({ model, scored, features }: ScoredRisk): ColumnTable {
  // every column of the model is in the unpruned design, with the same values
  const design = riskDesign(scored, features, undefined, {
    intercept: model.kind === 'logistic',
    prune: false,
  });
  const persons = scored.array('person_id') as ArrayLike<string>;
  const rows = model.coefficients.filter((c) => c.term !== '(Intercept)');
  const people = rows.map((c) => {
    const j = design.names.indexOf(c.term);
    const seen = new Set<string>();
    const column = design.columns[j];
    for (let i = 0; i < column.length; i++) if (column[i] !== 0) seen.add(persons[i]);
    return seen.size;
  });
  return toTable({
    term: rows.map((c) => c.term),
    driver: rows.map((c) => c.label),
    ratio: rows.map((c) => c.ratio),
    ratio_low: rows.map((c) => c.ratio_low),
    ratio_high: rows.map((c) => c.ratio_high),
    p_value: rows.map((c) => c.p_value),
    people,
  });
}

/** CellSpec of riskDrivers: every ratio is hidden when fewer than the minimum people carry the driver. */
export const riskDriversSpec: CellSpec = {
  by: ['term', 'driver'],
  who: 'the people the model was fitted on, counted under each driver they carry',
  population: 'people',
  means: ['ratio', 'ratio_low', 'ratio_high', 'p_value'].map((name) => ({ name, n: 'people' })),
};

function monthLabelOffset(asOf: number, offset: number): string {
  const d = new Date((asOf + 1) * 86_400_000);
  const k = d.getUTCFullYear() * 12 + d.getUTCMonth() - 1 + offset;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}
