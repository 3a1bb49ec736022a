// The binomial family with the logit link, with R's numerical guards (family.c, binomial()).
import { logGamma } from '../distributions.js';

const EPS = 2.220446049250313e-16;
const THRESH = 30;

/**
 * Inverse logit μ = 1 / (1 + e^−η), kept inside [ε, 1 − ε] as R's binomial()$linkinv does.
 * @example linkInverse(0) // 0.5
 */
export function linkInverse(eta: number): number {
  const e = eta < -THRESH ? EPS : eta > THRESH ? 1 / EPS : Math.exp(eta);
  return e / (1 + e);
}

/**
 * dμ/dη = e^η / (1 + e^η)², never below machine epsilon (R's binomial()$mu.eta).
 * @example muEta(0) // 0.25
 */
export function muEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return Math.abs(eta) > THRESH ? EPS : Math.exp(eta) / (opexp * opexp);
}

/**
 * Binomial deviance 2 Σ wᵢ [yᵢ log(yᵢ/μᵢ) + (1 − yᵢ) log((1 − yᵢ)/(1 − μᵢ))], with 0 log 0 = 0.
 * @example binomialDeviance([1, 0], [0.5, 0.5], [1, 1]) // 4 log 2
 */
export function binomialDeviance(
  y: readonly number[],
  mu: readonly number[],
  w: readonly number[],
): number {
  let dev = 0;
  y.forEach((yi, i) => {
    if (w[i] === 0) return;
    dev += 2 * w[i] * (ylogy(yi, mu[i]) + ylogy(1 - yi, 1 - mu[i]));
  });
  return dev;
}

/**
 * −2 × binomial log-likelihood as R's binomial()$aic: −2 Σ log dbinom(round(w y), round(w), μ)
 * over rows with weight > 0 (add 2 × the number of coefficients for the AIC).
 * @example binomialAic([1, 0], [0.5, 0.5], [1, 1]) // 4 log 2
 */
export function binomialAic(
  y: readonly number[],
  mu: readonly number[],
  w: readonly number[],
): number {
  let total = 0;
  y.forEach((yi, i) => {
    if (w[i] <= 0) return;
    const size = Math.round(w[i]);
    const k = Math.round(w[i] * yi);
    const choose = logGamma(size + 1) - logGamma(k + 1) - logGamma(size - k + 1);
    total += choose + xlogp(k, mu[i]) + xlogp(size - k, 1 - mu[i]);
  });
  return -2 * total;
}

function ylogy(y: number, mu: number): number {
  return y > 0 ? y * Math.log(y / mu) : 0;
}

function xlogp(x: number, p: number): number {
  return x === 0 ? 0 : x * Math.log(p);
}
