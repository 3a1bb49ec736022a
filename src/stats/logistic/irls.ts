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
  const tri = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  // Only a row's non-zero entries add anything (dummy columns are mostly 0): a zero entry's terms
  // are exact zeros, and adding them leaves each sum as it was, so skipping them changes no bit.
  const nz = new Int32Array(p);
  for (const i of used) {
    const row = X[i];
    let k = 0;
    for (let a = 0; a < p; a++) if (row[a] !== 0) nz[k++] = a;
    const wi = W[i];
    const zi = z[i];
    for (let ka = 0; ka < k; ka++) {
      const a = nz[ka];
      const va = row[a] * wi;
      xtwz[a] += va * zi;
      const base = a * p;
      for (let kb = 0; kb <= ka; kb++) tri[base + nz[kb]] += va * row[nz[kb]];
    }
  }
  const xtwx = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (_, b) => (b <= a ? tri[a * p + b] : tri[b * p + a])),
  );
  return solveSpd(xtwx, Array.from(xtwz));
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
  // μ and the deviance at each intercept tried, computed once (the loop asks for them again)
  const tried = new Map<number, { mu: number[]; deviance: number }>();
  const at = (a: number) => {
    let found = tried.get(a);
    if (found === undefined) {
      const mu = off.map((o) => linkInverse(a + o));
      found = { mu, deviance: binomialDeviance(y, mu, w) };
      tried.set(a, found);
    }
    return found;
  };
  const deviance = (a: number) => at(a).deviance;
  // Newton on the intercept alone, halving any step that raises the deviance
  let a = 0;
  for (let iter = 0; iter < 100; iter++) {
    const mu = at(a).mu;
    for (const key of tried.keys()) if (key !== a) tried.delete(key);
    const score = y.reduce((s, yi, i) => s + w[i] * (yi - mu[i]), 0);
    const info = mu.reduce((s, m, i) => s + w[i] * m * (1 - m), 0);
    let step = score / info;
    while (deviance(a + step) > deviance(a) && Math.abs(step) > 1e-15) step /= 2;
    a += step;
    if (Math.abs(step) < 1e-13 * (1 + Math.abs(a))) break;
  }
  return deviance(a);
}
