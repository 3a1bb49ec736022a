// The probability distributions the kit's statistics use, from jstat (bound once, typed here).
import { createRequire } from 'node:module';

// jstat is CommonJS without types: load it through require and type the functions we use.
interface JStat {
  normal: {
    cdf(x: number, mean: number, sd: number): number;
    inv(p: number, mean: number, sd: number): number;
  };
  chisquare: { cdf(x: number, df: number): number };
  gammaln(x: number): number;
}
const { jStat } = createRequire(import.meta.url)('jstat') as { jStat: JStat };

/**
 * P(Z ≤ x) for a standard normal Z.
 * @example normalCdf(1.959963984540054) // ≈ 0.975
 */
export function normalCdf(x: number): number {
  return jStat.normal.cdf(x, 0, 1);
}

/**
 * The standard normal quantile: z with P(Z ≤ z) = p.
 * @example normalQuantile(0.975) // ≈ 1.959964
 */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/**
 * Upper-tail probability P(X > statistic) for X ~ chi-square with `df` degrees of freedom.
 * @example chiSquarePValue(3.84, 1) // ≈ 0.05
 */
export function chiSquarePValue(statistic: number, df: number): number {
  return Math.max(0, 1 - jStat.chisquare.cdf(statistic, df));
}

/**
 * log Γ(x), e.g. for the binomial log-likelihood in the AIC.
 * @example logGamma(5) // log(24)
 */
export function logGamma(x: number): number {
  return jStat.gammaln(x);
}
