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
