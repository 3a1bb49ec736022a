// Has the share of leavers citing a reason changed over periods? Chi-square test of homogeneity
// (any difference between periods) and Cochran–Armitage test for a linear trend across them.
import type { ColumnTable } from 'arquero';
import type { DefinitionCard } from '../shared/definition.js';
import { checkColumns } from '../../shared/columns.js';
import { chiSquarePValue, normalCdf } from '../../stats/distributions.js';

export const EXIT_REASON_CHANGE: DefinitionCard = {
  id: 'exit_reason_change',
  title: 'Change in a reason’s share over periods',
  definition:
    'Chi-square test of homogeneity of the share of respondents citing the reason across periods (k − 1 degrees of freedom), and the Cochran–Armitage test for a linear trend with scores 0, 1, …, k − 1 in period order (two-sided normal p-value).',
  numerator: 'respondents citing the reason, per period',
  denominator: 'respondents, per period',
  source:
    'Agresti, Categorical Data Analysis (3rd ed.), §3.4.6 (trend test); the same statistic as R prop.trend.test',
  notes:
    'Both tests assume independent leavers and are approximate when expected counts are small (under 5): read a small p-value with the counts beside it.',
};

/** The result of testExitReasonChange. */
export interface ExitReasonChange {
  reason: string;
  /** Periods (values of `by`) in the order used for the trend scores. */
  groups: string[];
  respondents: number[];
  citing: number[];
  chiSquare: number;
  df: number;
  pValue: number;
  /** Cochran–Armitage Z: positive when the share rises with later periods. */
  trendZ: number;
  trendPValue: number;
}

/**
 * Tests whether the share of respondents citing `reason` differs between periods (and trends),
 * from summarizeExitReasons output grouped by `by` (default period, without margin rows).
 * `measure` 'mentioned' (default) or 'primary'. Throws when fewer than 2 periods have respondents
 * or when the reason is cited by all or none (no variation to test).
 * @example testExitReasonChange(summarizeExitReasons(leavers, { by: ['period'], total: false }), { reason: 'workload' })
 */
export function testExitReasonChange(
  summary: ColumnTable,
  {
    reason,
    by = 'period',
    measure = 'mentioned',
    order,
  }: { reason: string; by?: string; measure?: 'mentioned' | 'primary'; order?: readonly string[] },
): ExitReasonChange {
  const fn = 'testExitReasonChange';
  checkColumns(fn, summary, [by, 'reason', 'respondents', measure], {
    fix: "Pass the output of summarizeExitReasons(leavers, { by: ['period'], total: false }).",
  });
  const rows = (summary.objects() as Record<string, string | number>[]).filter(
    (r) => r.reason === reason,
  );
  if (rows.length === 0) {
    throw new Error(
      `${fn}: reason "${reason}" is not in the summary. Reasons: ${[...new Set(summary.array('reason') as string[])].join(', ')}.`,
    );
  }
  const byGroup = new Map(rows.map((r) => [String(r[by]), r]));
  const groups = (order ?? [...byGroup.keys()].sort()).filter(
    (g) => byGroup.has(g) && Number(byGroup.get(g)!.respondents) > 0,
  );
  if (groups.length < 2) {
    throw new Error(
      `${fn}: only ${groups.length} ${by} with respondents; a change needs at least 2. Widen the date range.`,
    );
  }
  const n = groups.map((g) => Number(byGroup.get(g)!.respondents));
  const x = groups.map((g) => Number(byGroup.get(g)![measure]));
  const N = n.reduce((a, b) => a + b, 0);
  const p = x.reduce((a, b) => a + b, 0) / N;
  if (p === 0 || p === 1) {
    throw new Error(
      `${fn}: "${reason}" is cited by ${p === 0 ? 'no' : 'every'} respondent in these periods; there is no variation to test.`,
    );
  }
  const chiSquare = n.reduce((s, ni, i) => s + (x[i] - ni * p) ** 2 / (ni * p * (1 - p)), 0);
  const df = groups.length - 1;
  const t = groups.map((_, i) => i);
  const T = t.reduce((s, ti, i) => s + ti * (x[i] - n[i] * p), 0);
  const tn = t.reduce((s, ti, i) => s + ti * n[i], 0);
  const variance = p * (1 - p) * (t.reduce((s, ti, i) => s + ti * ti * n[i], 0) - (tn * tn) / N);
  const trendZ = T / Math.sqrt(variance);
  return {
    reason,
    groups,
    respondents: n,
    citing: x,
    chiSquare,
    df,
    pValue: chiSquarePValue(chiSquare, df),
    trendZ,
    trendPValue: 2 * (1 - normalCdf(Math.abs(trendZ))),
  };
}
