// Wald inference shared by fitLogistic and fitCox: z, two-sided p, 95% intervals, chi-square p-values.
import { createRequire } from 'node:module';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

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
      p_value: 2 * jStat.normal.cdf(-Math.abs(z), 0, 1),
      conf_low: b - Z_975 * se,
      conf_high: b + Z_975 * se,
    };
  });
}

/**
 * Upper-tail probability P(X > statistic) for X ~ chi-square with `df` degrees of freedom (jstat).
 * @example chiSquarePValue(3.84, 1) // ≈ 0.05
 */
export function chiSquarePValue(statistic: number, df: number): number {
  return Math.max(0, 1 - jStat.chisquare.cdf(statistic, df));
}

/**
 * Solves A x = b for a symmetric positive-definite A by Cholesky (ml-matrix); returns undefined
 * when A is not positive definite (a singular or indefinite information matrix).
 * @example solveSpd([[2, 0], [0, 4]], [2, 2]) // [1, 0.5]
 */
export function solveSpd(a: number[][], b: readonly number[]): number[] | undefined {
  const chol = new CholeskyDecomposition(symmetric(a));
  if (!chol.isPositiveDefinite()) return undefined;
  return chol.solve(Matrix.columnVector([...b])).getColumn(0);
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky, or undefined when it is singular.
 * @example invertSpd([[4]]) // [[0.25]]
 */
export function invertSpd(a: number[][]): number[][] | undefined {
  const chol = new CholeskyDecomposition(symmetric(a));
  if (!chol.isPositiveDefinite()) return undefined;
  const inv = chol.solve(Matrix.eye(a.length)).to2DArray();
  // symmetrise: the two triangles differ in the last bits after the solves
  return inv.map((row, i) => row.map((v, j) => (v + inv[j][i]) / 2));
}

// The lower triangle mirrored: sums accumulated in a different order differ in the last bits, and
// ml-matrix's Cholesky insists on exact symmetry.
function symmetric(a: number[][]): Matrix {
  return new Matrix(a.map((row, i) => row.map((v, j) => (j <= i ? v : a[j][i]))));
}

// jstat is CommonJS without types: load it through require and type the two functions we use.
interface JStat {
  normal: { cdf(x: number, mean: number, sd: number): number };
  chisquare: { cdf(x: number, df: number): number };
  gammaln(x: number): number;
}
const { jStat } = createRequire(import.meta.url)('jstat') as { jStat: JStat };

/**
 * log Γ(x) from jstat, for the binomial log-likelihood in the AIC.
 * @example logGamma(5) // log(24)
 */
export function logGamma(x: number): number {
  return jStat.gammaln(x);
}
