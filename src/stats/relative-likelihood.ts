// Relative likelihood of two probabilities with a log-scale interval, as the NHS Workforce Race
// Equality Standard (WRES) reports "relative likelihood of X compared with the reference group".
import { normalQuantile } from './distributions.js';

/** A ratio with its confidence interval. */
export interface RelativeLikelihood {
  ratio: number;
  lower: number;
  upper: number;
}

/**
 * Returns p / pRef with a confidence interval exp(log ratio ± z·sqrt((se/p)² + (seRef/pRef)²)): the
 * delta-method interval of a ratio of independent estimates. For two simple proportions a/n and c/m
 * (se² = p(1 − p)/n) the variance is 1/a − 1/n + 1/c − 1/m, the WRES formula. Returns null when either
 * probability is 0 or a standard error is not finite (no ratio on the log scale).
 * @example relativeLikelihood(0.3, 0.0458, 0.15, 0.0357) // { ratio: 2, lower: ~1.13, upper: ~3.54 }
 */
export function relativeLikelihood(
  p: number,
  se: number,
  pRef: number,
  seRef: number,
  confLevel = 0.95,
): RelativeLikelihood | null {
  for (const [name, v] of Object.entries({ p, se, pRef, seRef })) {
    if (typeof v !== 'number' || Number.isNaN(v) || v < 0) {
      throw new Error(
        `relativeLikelihood: ${name} is ${String(v)}; probabilities and standard errors must be numbers ≥ 0.`,
      );
    }
  }
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new Error(`relativeLikelihood: confLevel must be between 0 and 1, got ${confLevel}.`);
  }
  if (p === 0 || pRef === 0 || !Number.isFinite(se) || !Number.isFinite(seRef)) return null;
  const ratio = p / pRef;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const logSe = Math.sqrt((se / p) ** 2 + (seRef / pRef) ** 2);
  return { ratio, lower: ratio * Math.exp(-z * logSe), upper: ratio * Math.exp(z * logSe) };
}
