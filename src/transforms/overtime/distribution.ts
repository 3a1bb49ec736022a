// How overtime is spread among people: percentiles of hours per person, people over monthly
// thresholds, the share of hours worked by the top 10 %, and the Gini coefficient.
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import {
  checkPeople,
  GroupPeriodSums,
  indexPeople,
  type ExposureOptions,
} from '../workforce/exposure.js';
import { periodFinder } from './summary.js';
import { checkColumns, columnArray } from '../../shared/columns.js';
import { checkPeriods } from '../../time/periods.js';
import { personEvents } from '../workforce/person-events.js';

export interface OvertimeDistributionOptions extends ExposureOptions {
  /** Hours in the period above which a person counts as over (default [20, 40]; use monthly periods for monthly thresholds). */
  thresholds?: readonly number[];
}

/**
 * The spread of overtime per group × period over everyone in post on any day of the period (people
 * with no claim count as 0 hours): `people`, `overtime_hours`, `people_over_<t>h` for each threshold
 * (strictly more than t hours in the period), the median and 90th percentile of hours per person
 * (`p50_hours`, `p90_hours`, linear interpolation between order statistics as R's type 7),
 * `top10_share_pct` (share of the hours worked by the ceil(10 %) of people with most hours) and `gini`
 * (Σ (2i − n − 1) x₍ᵢ₎ / (n Σ x) over hours sorted ascending; 0 = equal, near 1 = one person).
 * Counts add up across groups and months (person-months); percentiles, shares and Gini do not.
 * @example summarizeOvertimeDistribution(people, overtime, { periods: months, by: ['unit'], thresholds: [20, 40] })
 */
export function summarizeOvertimeDistribution(
  people: ColumnTable,
  overtime: ColumnTable,
  options: OvertimeDistributionOptions,
): ColumnTable {
  const where = 'summarizeOvertimeDistribution';
  const { periods, by = [], thresholds = [20, 40], fullTimeHours = 40 } = options;
  checkPeople(where, people, by);
  checkColumns(where, overtime, ['person_id', 'date', 'hours'], { what: 'overtime' });
  checkPeriods(periods, where);
  if (thresholds.some((t) => !Number.isFinite(t) || t < 0)) {
    throw new Error(`${where}: thresholds must be hours ≥ 0, got ${JSON.stringify(thresholds)}.`);
  }
  const index = indexPeople(people, by, fullTimeHours);
  const n = index.start.length;
  // hours[k * n + i]: hours of people row i in period k (NaN when not in post).
  const hours = new Float64Array(periods.length * n).fill(NaN);
  periods.forEach((p, k) => {
    for (let i = 0; i < n; i++) {
      if (
        index.group[i] !== null &&
        index.start[i] <= p.end &&
        (index.end[i] ?? Infinity) >= p.start
      )
        hours[k * n + i] = 0;
    }
  });
  const date = columnArray<number>(overtime, 'date');
  const claimed = columnArray<number>(overtime, 'hours');
  const periodAt = periodFinder(periods);
  const claims = personEvents(index, overtime);
  for (const c of claims.rows) {
    const k = periodAt(date[c]);
    const i = k < 0 ? -1 : claims.find(c, date[c]);
    if (i >= 0 && !Number.isNaN(hours[k * n + i])) hours[k * n + i] += claimed[c];
  }
  const over = thresholds.map((t) => `people_over_${t}h`);
  const sums = new GroupPeriodSums(by, periods, ['people', 'overtime_hours', ...over]);
  const values = new Map<number, number[]>();
  periods.forEach((_, k) => {
    for (let i = 0; i < n; i++) {
      const h = hours[k * n + i];
      if (Number.isNaN(h)) continue;
      const at = sums.row(index.group[i]!, k);
      sums.add(at, 'people', 1);
      sums.add(at, 'overtime_hours', h);
      thresholds.forEach((t, j) => h > t && sums.add(at, over[j], 1));
      const list = values.get(at);
      if (list) list.push(h);
      else values.set(at, [h]);
    }
  });
  const table = sums.toTable();
  const stats = [...values.entries()].map(([at, xs]) => [at, spread(xs)] as const);
  // toTable sorts rows; match them back by group and period.
  const key = (group: unknown[], period: string) => `${JSON.stringify(group)}|${period}`;
  const byKey = new Map<string, ReturnType<typeof spread>>();
  const rowsOut = table.numRows();
  const tableKeys: string[] = [];
  for (let r = 0; r < rowsOut; r++)
    tableKeys.push(
      key(
        by.map((b) => table.get(b, r)),
        table.get('period', r) as string,
      ),
    );
  for (const [at, s] of stats) byKey.set(sums.keyOf(at), s);
  const pick = (f: keyof ReturnType<typeof spread>) =>
    tableKeys.map((k) => byKey.get(k)?.[f] ?? null);
  return table.assign({
    p50_hours: pick('p50'),
    p90_hours: pick('p90'),
    top10_share_pct: pick('top10'),
    gini: pick('gini'),
  });
}

/** Percentile (R type 7) of sorted ascending values, p in [0, 1]. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]);
}

/** Median, 90th percentile, top-10 % share (%) and Gini of a list of non-negative values. */
export function spread(values: readonly number[]): {
  p50: number;
  p90: number;
  top10: number | null;
  gini: number | null;
} {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const total = x.reduce((s, v) => s + v, 0);
  const top = Math.ceil(n / 10);
  let topSum = 0;
  for (let i = n - top; i < n; i++) topSum += x[i];
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * x[i];
  return {
    p50: quantileSorted(x, 0.5),
    p90: quantileSorted(x, 0.9),
    top10: total > 0 ? (100 * topSum) / total : null,
    gini: total > 0 ? weighted / (n * total) : null,
  };
}

/**
 * The CellSpec for publishing summarizeOvertimeDistribution output (period added to `by`):
 * people is the population, counts of people over each threshold, percentiles, top-10 % share and
 * Gini as means over `people` (hidden with small groups).
 * @example report.publish(t, overtimeDistributionCellSpec(['unit'], [20, 40]))
 */
export function overtimeDistributionCellSpec(
  by: readonly string[],
  thresholds: readonly number[] = [20, 40],
): CellSpec {
  const over = thresholds.map((t) => `people_over_${t}h`);
  return {
    by: [...by, 'period'],
    who: 'everyone in post in the row’s group in the period (no claim counts as 0 hours); a person who moved counts in each group for the days there, claims where they were posted on the day worked',
    population: 'people',
    counts: ['overtime_hours', ...over],
    rates: over.map((c) => ({
      name: `share_${c.replace('people_', '')}_pct`,
      numerator: c,
      denominator: 'people',
      per: 100,
    })),
    means: ['p50_hours', 'p90_hours', 'top10_share_pct', 'gini'].map((name) => ({
      name,
      n: 'people',
    })),
  };
}

/** Definition card: concentration of overtime. */
export const OVERTIME_CONCENTRATION: DefinitionCard = {
  id: 'overtime_concentration',
  title: 'Concentration of overtime',
  definition:
    'How unevenly overtime hours fall on the people in post: the share of all hours worked by the 10 % of people with most hours (rounded up to whole people), and the Gini coefficient (0 = everyone works the same overtime, 1 = one person works it all). People in post without a claim count as zero.',
  unit: '% of hours; Gini 0–1',
  notes:
    'A high share for the top 10 % says a few people carry the extra hours: that is a well-being signal about those people, not a cost finding about “top earners”.',
};
