// Wald inference shared by fitLogistic and fitCox: z, two-sided p and 95% intervals per coefficient.
import { normalCdf } from './distributions.js';

/** One row of a coefficient table, as R's summary() prints it plus the Wald 95% interval. */
export interface CoefficientRow {
  term: string;
  estimate: number;
  std_error: number;
  z_value: number;
  p_value: number;
  conf_low: number;
  conf_high: number;
}

/** qnorm(0.975) in R, the multiplier of a two-sided 95% Wald interval. */
export const Z_975 = 1.959963984540054;

/** A coefficient on the ratio scale (odds ratio, hazard ratio) with its Wald 95% interval. */
export interface RatioInterval {
  ratio: number;
  low: number;
  high: number;
}

/**
 * A coefficient row on the ratio scale: e^estimate, and its Wald interval e^conf_low to e^conf_high
 * (the odds ratio of a logistic model, the hazard ratio of a Cox model).
 * @example ratioInterval(waldRows(['x'], [0.5], [0.1])[0]).ratio // 1.6487…
 */
export function ratioInterval(
  row: Pick<CoefficientRow, 'estimate' | 'conf_low' | 'conf_high'>,
): RatioInterval {
  return {
    ratio: Math.exp(row.estimate),
    low: Math.exp(row.conf_low),
    high: Math.exp(row.conf_high),
  };
}

/**
 * Coefficient rows: z = estimate / std_error, p = 2 × P(Z > |z|) under the standard normal
 * (jstat), and the Wald interval estimate ± 1.96 × std_error (R's confint.default, not the
 * profile-likelihood confint()). p-values below ~1e-16 are reported as 0.
 * @example waldRows(['(Intercept)', 'x'], [0.1, 1.2], [0.3, 0.4])
 */
export function waldRows(
  names: readonly string[],
  estimate: readonly number[],
  stdError: readonly number[],
): CoefficientRow[] {
  return names.map((term, j) => {
    const b = estimate[j];
    const se = stdError[j];
    const z = b / se;
    return {
      term,
      estimate: b,
      std_error: se,
      z_value: z,
      p_value: 2 * normalCdf(-Math.abs(z)),
      conf_low: b - Z_975 * se,
      conf_high: b + Z_975 * se,
    };
  });
}
