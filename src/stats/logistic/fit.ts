// Logistic regression fitted by iteratively reweighted least squares (Newton's method), as R's glm.
// Steps: check inputs and rank -> IRLS from R's starting values -> Fisher information at the
// estimate -> Wald table, deviances, AIC; separation and non-convergence end in an error.
import { ratioInterval, waldRows, type CoefficientRow } from '../inference.js';
import { checkLogisticInputs, separationError, type LogisticInputs } from './checks.js';
import { binomialAic, binomialDeviance, linkInverse } from './family.js';
import { irlsStep, nullDeviance } from './irls.js';
import { invertSpd } from '../linalg.js';

export interface LogisticOptions {
  /** One name per column of X, e.g. from designMatrix(): `(Intercept)`, `worker_typestaff`. */
  names: readonly string[];
  /** Prior (case) weights, ≥ 0; y may then be a proportion in [0, 1] as in R's glm. Default 1. */
  weights?: readonly number[];
  /** Known part of the linear predictor, e.g. log exposure. Default 0. */
  offset?: readonly number[];
  /** Newton iterations before giving up (R: 25). */
  maxIter?: number;
  /** Convergence: |deviance change| / (|deviance| + 0.1) below this (R: 1e-8; ours is stricter). */
  epsilon?: number;
}

export interface LogisticCoefficient extends CoefficientRow {
  odds_ratio: number;
  odds_ratio_low: number;
  odds_ratio_high: number;
}

export interface LogisticFit {
  names: string[];
  coefficients: LogisticCoefficient[];
  estimate: number[];
  /** Inverse Fisher information at the estimate: (Xᵀ W X)⁻¹, W = weight × μ(1 − μ). */
  vcov: number[][];
  deviance: number;
  null_deviance: number;
  aic: number;
  df_residual: number;
  df_null: number;
  iterations: number;
  converged: boolean;
}

/**
 * Maximum-likelihood logistic regression of y (0/1, or a proportion with weights) on the columns
 * of X (include an intercept column yourself, e.g. designMatrix's `(Intercept)`). Returns the
 * coefficients with standard errors from the inverse Fisher information, z, p (normal), Wald 95%
 * intervals and odds ratios; deviance, null deviance (intercept-only when X has a column of ones,
 * with the offset), AIC as R's binomial family computes it. Throws on perfect separation, aliased
 * columns and non-convergence. Matches R's glm(family = binomial) to 1e-9 on our fixtures.
 * @example fitLogistic(design.X, y, { names: design.names })
 */
export function fitLogistic(
  X: readonly (readonly number[])[],
  y: readonly number[],
  { names, weights, offset, maxIter = 25, epsilon = 1e-10 }: LogisticOptions,
): LogisticFit {
  const data: LogisticInputs = checkLogisticInputs(X, y, names, weights, offset);
  const { w, off, used } = data;
  const p = names.length;
  // R's start: mu = (w y + 0.5) / (w + 1), eta = logit(mu) (the offset is ignored at the start)
  let eta = y.map((yi, i) =>
    Math.log((w[i] * yi + 0.5) / (w[i] + 1) / (1 - (w[i] * yi + 0.5) / (w[i] + 1))),
  );
  let beta: number[] = Array(p).fill(0);
  let dev = Infinity;
  let iterations = 0;
  let converged = false;
  for (let iter = 1; iter <= maxIter && !converged; iter++) {
    iterations = iter;
    const next = irlsStep(X, y, eta, data);
    if (next === undefined) break;
    beta = next;
    eta = X.map((row, i) => linear(row, beta) + off[i]);
    const newDev = binomialDeviance(y, eta.map(linkInverse), w);
    converged = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1) < epsilon;
    dev = newDev;
  }
  // One more Newton step: at a true optimum it moves no log-odds; under separation the deviance
  // flattens while the coefficients keep marching along the separating direction, pushing some
  // fitted probabilities to 0 or 1 (|log-odds| > 9).
  const after = irlsStep(X, y, eta, data) ?? beta;
  const step = after.map((b, j) => b - beta[j]);
  const moving = used.filter((i) => {
    const mu = linkInverse(eta[i]);
    return Math.abs(linear(X[i], step)) > 1e-3 && mu * (1 - mu) < 1e-4;
  }).length;
  if (moving > 0 || !converged) {
    throw separationError(names, X, step, used, moving, converged, maxIter);
  }
  const mu = eta.map(linkInverse);
  const vcov = fisherInverse(X, mu, w, used, names);
  const se = vcov.map((row, j) => Math.sqrt(row[j]));
  const coefficients = waldRows(names, beta, se).map((row) => {
    const { ratio, low, high } = ratioInterval(row);
    return { ...row, odds_ratio: ratio, odds_ratio_low: low, odds_ratio_high: high };
  });
  const hasIntercept = X[0].some((_, j) => used.every((i) => X[i][j] === 1));
  return {
    names: [...names],
    coefficients,
    estimate: beta,
    vcov,
    deviance: dev,
    null_deviance: nullDeviance(y, w, off, hasIntercept),
    aic: binomialAic(y, mu, w) + 2 * p,
    df_residual: data.nUsed - p,
    df_null: data.nUsed - (hasIntercept ? 1 : 0),
    iterations,
    converged,
  };
}

/**
 * Predicted probabilities (type 'response', default) or log-odds (type 'link') for new rows X,
 * whose columns are in the order of fit.names; the offset, if any, is added to the log-odds.
 * @example predictLogistic(fit, design.X, { type: 'response' })
 */
export function predictLogistic(
  fit: Pick<LogisticFit, 'names' | 'estimate'>,
  X: readonly (readonly number[])[],
  { offset, type = 'response' }: { offset?: readonly number[]; type?: 'response' | 'link' } = {},
): number[] {
  X.forEach((row, i) => {
    if (row.length !== fit.names.length || !row.every(Number.isFinite)) {
      throw new Error(
        `predictLogistic: row ${i} has ${row.length} values (${row.join(', ')}); expected ${fit.names.length} finite numbers for ${fit.names.join(', ')}. Build X with the same designMatrix options as the fit.`,
      );
    }
  });
  if (offset !== undefined && offset.length !== X.length) {
    throw new Error(
      `predictLogistic: offset has ${offset.length} values for ${X.length} rows; give one per row.`,
    );
  }
  const eta = X.map((row, i) => linear(row, fit.estimate) + (offset?.[i] ?? 0));
  return type === 'link' ? eta : eta.map(linkInverse);
}

function fisherInverse(
  X: readonly (readonly number[])[],
  mu: number[],
  w: number[],
  used: number[],
  names: readonly string[],
) {
  const p = names.length;
  const flat = new Float64Array(p * p);
  // A zero entry's terms are exact zeros: skipping them changes no bit of the sums (see irls.ts).
  const nz = new Int32Array(p);
  for (const i of used) {
    const row = X[i];
    const v = w[i] * mu[i] * (1 - mu[i]);
    let k = 0;
    for (let a = 0; a < p; a++) if (row[a] !== 0) nz[k++] = a;
    for (let ka = 0; ka < k; ka++) {
      const a = nz[ka];
      const va = row[a] * v;
      for (let kb = 0; kb < k; kb++) flat[a * p + nz[kb]] += va * row[nz[kb]];
    }
  }
  const info = Array.from({ length: p }, (_, a) => Array.from(flat.subarray(a * p, a * p + p)));
  const inverse = invertSpd(info);
  if (inverse === undefined) {
    throw new Error(
      `fitLogistic: the Fisher information is singular at the estimate (columns ${names.join(', ')}). Look for columns that are constant or duplicated among the rows with weight > 0.`,
    );
  }
  return inverse;
}

function linear(row: readonly number[], beta: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < beta.length; j++) s += row[j] * beta[j];
  return s;
}
