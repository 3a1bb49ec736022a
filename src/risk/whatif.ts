// What-if for the leaving-risk model: change overtime for some people (e.g. cut by 20% in one unit) and
// compare the expected resignations over the horizon (sum of predicted probabilities) before and after.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../privacy/index.js';
import { riskDesign } from './design.js';
import { predictRisk } from './model.js';
import type { ScoredRisk } from './output.js';

export interface WhatIfOptions {
  /** Multiplier of overtime hours (3 and 12 months, and so the trend), e.g. 0.8 for a 20% cut. */
  overtimeFactor: number;
  /** Only rows whose columns equal these values, e.g. { unit_id: 'D1-RESP-B' }; default everyone. */
  where?: Readonly<Record<string, string | number | boolean>>;
  /** Month to score (default the latest). */
  month?: string;
}

/**
 * Expected voluntary resignations within the horizon among the people in post in one month (matching
 * `where`), before and after multiplying their overtime by overtimeFactor, holding everything else
 * fixed (unit temperature included): rows scenario 'before', 'after', with people and
 * expected_resignations (Σ predicted probabilities); publish with whatIfSpec. An association, not a
 * promise: it assumes the fitted ratios are causal.
 * @example whatIfRisk(fit, { overtimeFactor: 0.8, where: { unit_id: 'D1-RESP-B' } })
 */
export function whatIfRisk(
  fit: ScoredRisk,
  { overtimeFactor, where = {}, month }: WhatIfOptions,
): ColumnTable {
  if (!Number.isFinite(overtimeFactor) || overtimeFactor < 0) {
    throw new Error(
      `whatIfRisk: overtimeFactor ${overtimeFactor} must be a number ≥ 0 (0.8 = cut overtime by 20%).`,
    );
  }
  const t = fit.scored;
  const unknown = Object.keys(where).filter((c) => !t.columnNames().includes(c));
  if (unknown.length > 0)
    throw new Error(
      `whatIfRisk: where names column(s) ${unknown.join(', ')}, not in the scored rows. Columns: ${t.columnNames().join(', ')}.`,
    );
  const months = t.array('month') as ArrayLike<string>;
  const at = month ?? Array.from(months).reduce((a, b) => (b > a ? b : a), '');
  const columns = Object.entries(where).map(
    ([c, v]) => [t.array(c) as ArrayLike<unknown>, v] as const,
  );
  const rows = [...Array(t.numRows()).keys()].filter(
    (i) => months[i] === at && columns.every(([a, v]) => a[i] === v),
  );
  if (rows.length === 0)
    throw new Error(
      `whatIfRisk: no person-months in ${at} match ${JSON.stringify(where)}. Check the unit id or month.`,
    );
  const selected = new Set(rows);
  const scale = (c: string) =>
    Array.from(t.array(c) as ArrayLike<number>, (v, i) =>
      selected.has(i) ? v * overtimeFactor : v,
    );
  const ot12 = scale('overtime_hours_12m');
  const changed = t.assign(
    toTable({
      overtime_hours_3m: scale('overtime_hours_3m'),
      overtime_hours_12m: ot12,
      overtime_trend_hours: scale('overtime_trend_hours'),
      overtime_log2_hours_12m: ot12.map((v) => Math.log2(1 + v)),
    }),
  );
  const design = riskDesign(changed, fit.features, undefined, {
    intercept: fit.model.kind === 'logistic',
    prune: false,
  });
  // the model's columns, in its order (a column the design lacks reads 0)
  const kept = {
    columns: fit.model.names.map((n) => {
      const j = design.names.indexOf(n);
      return j >= 0 ? design.columns[j] : new Float64Array(t.numRows());
    }),
    names: fit.model.names,
  };
  const after = predictRisk(
    fit.model,
    kept,
    rows,
    Array.from(t.array('service_days') as ArrayLike<number>),
  );
  const before = t.array('risk') as ArrayLike<number>;
  const sum = (a: ArrayLike<number>, idx: number[]) => idx.reduce((s, i) => s + a[i], 0);
  return toTable({
    scenario: ['before', 'after'],
    month: [at, at],
    people: [rows.length, rows.length],
    expected_resignations: [sum(before, rows), after.reduce((s, v) => s + v, 0)],
  });
}

/** CellSpec of whatIfRisk: people, expected resignations hidden with groups under the minimum. */
export const whatIfSpec: CellSpec = {
  by: ['scenario'],
  population: 'people',
  means: [{ name: 'expected_resignations', n: 'people' }],
};
