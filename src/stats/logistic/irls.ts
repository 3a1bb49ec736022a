// The iteration of fitLogistic: one IRLS step, and the null model's deviance.
import type { LogisticInputs } from './checks.js';
import { binomialDeviance, linkInverse, muEta } from './family.js';
import { solveSpd } from '../linalg.js';

/**
 * New coefficients after one IRLS (Newton) step from the log-odds eta: the weighted least-squares
 * fit of the working response z = η − offset + (y − μ)/μ′ with weights w·μ′²/(μ(1 − μ)), as glm.fit;
 * undefined when XᵀWX is not positive definite.
 * @example irlsStep(X, y, eta, checkLogisticInputs(X, y, names))
 */
export function irlsStep(
  X: readonly (readonly number[])[],
  y: readonly number[],
  eta: number[],
  data: LogisticInputs,
) {
  const { w, off, used } = data;
  const mu = eta.map(linkInverse);
  const gradient = eta.map(muEta);
  const z = eta.map((e, i) => e - off[i] + (y[i] - mu[i]) / gradient[i]);
  const W = eta.map((_, i) => (w[i] * gradient[i] * gradient[i]) / (mu[i] * (1 - mu[i])));
  return weightedLeastSquares(X, z, W, used);
}

function weightedLeastSquares(
  X: readonly (readonly number[])[],
  z: number[],
  W: number[],
  used: number[],
) {
  const p = X[0].length;
  const xtwx = Array.from({ length: p }, () => Array(p).fill(0) as number[]);
  const xtwz: number[] = Array(p).fill(0);
  for (const i of used) {
    const row = X[i];
    for (let a = 0; a < p; a++) {
      xtwz[a] += row[a] * W[i] * z[i];
      for (let b = 0; b <= a; b++) xtwx[a][b] += row[a] * W[i] * row[b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) xtwx[a][b] = xtwx[b][a];
  return solveSpd(xtwx, xtwz);
}

/**
 * Deviance of the null model: intercept only (with the offset) when X has an intercept, as R's glm;
 * else the model η = offset.
 * @example nullDeviance(y, w, offset, true)
 */
export function nullDeviance(
  y: readonly number[],
  w: number[],
  off: number[],
  hasIntercept: boolean,
): number {
  if (!hasIntercept) return binomialDeviance(y, off.map(linkInverse), w);
  const deviance = (a: number) =>
    binomialDeviance(
      y,
      off.map((o) => linkInverse(a + o)),
      w,
    );
  // Newton on the intercept alone, halving any step that raises the deviance
  let a = 0;
  for (let iter = 0; iter < 100; iter++) {
    const mu = off.map((o) => linkInverse(a + o));
    const score = y.reduce((s, yi, i) => s + w[i] * (yi - mu[i]), 0);
    const info = mu.reduce((s, m, i) => s + w[i] * m * (1 - m), 0);
    let step = score / info;
    while (deviance(a + step) > deviance(a) && Math.abs(step) > 1e-15) step /= 2;
    a += step;
    if (Math.abs(step) < 1e-13 * (1 + Math.abs(a))) break;
  }
  return deviance(a);
}
