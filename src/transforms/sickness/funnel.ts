// Which units stand out once chance is allowed for: funnel-plot z-scores of an observed count against
// the count expected at the overall rate, corrected for over-dispersion (Spiegelhalter 2005).
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { DefinitionCard } from '../shared/definition.js';
import { checkColumns } from '../../shared/columns.js';

export interface FunnelOptions {
  /** Count column (e.g. 'spells', 'claims'). */
  observed: string;
  /** Exposure column (e.g. 'headcount_avg', 'fte_avg'); expected = overall rate × exposure. */
  exposure: string;
  /** Adjusted z above which a unit is flagged high (default 3, about the 99.8 % funnel limit). */
  limit?: number;
  /** Share of z-scores winsorised at each end before estimating over-dispersion (default 0.1). */
  winsor?: number;
}

/**
 * The table with `expected` (overall rate Σ observed / Σ exposure × exposure), `z` ((O − E) / √E,
 * the Poisson z-score), `z_adjusted` ((O/E − 1) / √(1/E + τ²): the
 * between-unit variance τ² is estimated from φ, the mean squared z-score after winsorising the top
 * and bottom 10 %, by the DerSimonian–Laird formula, so large units are not flagged for small gaps) and
 * `flag_high` (z_adjusted > limit). Rows with zero exposure get nulls. Use on rows of one period.
 * @example flagFunnelOutliers(teams, { observed: 'spells', exposure: 'headcount_avg' })
 */
export function flagFunnelOutliers(table: ColumnTable, options: FunnelOptions): ColumnTable {
  const { observed, exposure, limit = 3, winsor = 0.1 } = options;
  checkColumns('flagFunnelOutliers', table, [observed, exposure], { what: 'the table' });
  if (!(winsor >= 0 && winsor < 0.5))
    throw new Error(`flagFunnelOutliers: winsor must be in [0, 0.5), got ${winsor}.`);
  const o = table.array(observed) as ArrayLike<number>;
  const x = table.array(exposure) as ArrayLike<number>;
  let so = 0;
  let sx = 0;
  for (let i = 0; i < o.length; i++) {
    so += o[i];
    sx += x[i];
  }
  const rate = sx > 0 ? so / sx : 0;
  const expected = Array.from(x, (v) => (v > 0 ? rate * v : null));
  const z = expected.map((e, i) => (e !== null && e > 0 ? (o[i] - e) / Math.sqrt(e) : null));
  const sorted = z.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const cut = Math.floor(winsor * sorted.length);
  const lo = sorted[cut];
  const hi = sorted[sorted.length - 1 - cut];
  const phi = sorted.length
    ? sorted.reduce((s, v) => s + Math.min(hi, Math.max(lo, v)) ** 2, 0) / sorted.length
    : 1;
  // Additive random effects on the ratio O / E (Spiegelhalter 2005, §3.2): τ² from the winsorised φ
  // by the DerSimonian–Laird moment formula, with weights w = E (the inverse variance of O / E).
  const w = expected.filter((e): e is number => e !== null && e > 0);
  const sw = w.reduce((a, b) => a + b, 0);
  const sw2 = w.reduce((a, b) => a + b * b, 0);
  const tau2 =
    sw > 0 ? Math.max(0, (sorted.length * phi - (sorted.length - 1)) / (sw - sw2 / sw)) : 0;
  const adjusted = expected.map((e, i) =>
    e !== null && e > 0 ? (o[i] / e - 1) / Math.sqrt(1 / e + tau2) : null,
  );
  return table.assign(
    aq.table({
      expected,
      z,
      z_adjusted: adjusted,
      flag_high: adjusted.map((v) => v !== null && v > limit),
    }),
  );
}

/** Definition card: funnel-plot outliers. */
export const FUNNEL_OUTLIERS: DefinitionCard = {
  id: 'funnel_outliers',
  title: 'Units standing out beyond chance',
  definition:
    'A unit is flagged when its count (e.g. sickness spells) exceeds the count expected at the overall rate for its size by more than 3 standard errors, after adding the real between-unit variation seen across all units (additive random effects), so a large unit is not flagged for a small difference.',
  numerator: 'observed count',
  denominator: 'expected count at the overall rate',
  source:
    'Spiegelhalter D. (2005), Funnel plots for comparing institutional performance, Statistics in Medicine 24: 1185–1202 (additive random-effects over-dispersion, 10 % winsorising)',
  notes:
    'Small units rarely reach the limit: a flag needs both a high rate and enough people to trust it.',
};
