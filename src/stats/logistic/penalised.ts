// Penalised logistic regression (ridge, lasso and the elastic net between them), as R's glmnet defines
// it. Steps: standardise the columns → at each penalty, Newton steps on the log-likelihood whose
// quadratic approximation is minimised by coordinate descent (ridge: solved directly) → coefficients
// back on the columns' own scale. A path fits a decreasing sequence of penalties with warm starts.
import { linkInverse } from './family.js';
import { choleskySolve } from '../linalg.js';

export interface PenalisedLogisticOptions {
  /** One name per column of X; the column named '(Intercept)' (all ones) is required and never penalised. */
  names: readonly string[];
  /** Penalty weight λ ≥ 0 (glmnet's lambda). */
  lambda: number;
  /** Mix of the penalties: 0 ridge (default), 1 lasso, in between the elastic net (glmnet's alpha). */
  alpha?: number;
  /** Case weights ≥ 0 (normalised to sum to 1, as glmnet does); default 1. */
  weights?: readonly number[];
  /** Warm start: coefficients on the columns' own scale, e.g. the fit at a larger λ. */
  start?: readonly number[];
  /** Newton steps before giving up (default 100). */
  maxIter?: number;
  /** Convergence: largest change of a standardised coefficient in a Newton step (default 1e-10). */
  tolerance?: number;
}

export interface PenalisedLogisticFit {
  names: string[];
  /** Coefficients on the columns' own scale; the intercept unpenalised. */
  estimate: number[];
  lambda: number;
  alpha: number;
  /** Binomial deviance −2 Σ wᵢ log-likelihoodᵢ with the weights as given (not normalised). */
  deviance: number;
  /** Non-zero coefficients besides the intercept (glmnet's df). */
  nonzero: number;
  iterations: number;
}

/**
 * Logistic regression maximising the log-likelihood minus a penalty on the standardised coefficients,
 * as R's `glmnet(x, y, family = 'binomial', alpha, lambda)` (standardize = TRUE): minimise
 * −Σ w̃ᵢ [yᵢηᵢ − log(1 + e^ηᵢ)] + λ Σⱼ ((1 − α)/2 β̃ⱼ² + α|β̃ⱼ|), with w̃ the weights scaled to sum to 1,
 * β̃ⱼ = βⱼ sⱼ and sⱼ the weighted standard deviation of column j (divisor Σw). A constant column gets
 * 0. Unlike fitLogistic it converges under separation (for λ > 0). No standard errors: a penalised
 * estimate is biased, so Wald intervals around it would mislead.
 * @example fitPenalisedLogistic(design.X, y, { names: design.names, lambda: 0.01, alpha: 0 })
 */
export function fitPenalisedLogistic(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: PenalisedLogisticOptions,
): PenalisedLogisticFit {
  const fn = 'fitPenalisedLogistic';
  const { names, lambda, alpha = 0, maxIter = 100, tolerance = 1e-10 } = options;
  if (!(Number.isFinite(lambda) && lambda >= 0)) {
    throw new Error(`${fn}: lambda is ${lambda}; use a number ≥ 0 (0 = no penalty).`);
  }
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new Error(`${fn}: alpha is ${alpha}; use 0 (ridge), 1 (lasso) or a value between.`);
  }
  const s = standardise(fn, X, y, names, options.weights);
  const { n, p, Z, w, intercept } = s;
  // β on the standardised scale: index 0 the intercept, then one per column (constant columns stay 0).
  let beta = new Array<number>(p + 1).fill(0);
  if (options.start !== undefined) beta = toStandard(s, options.start);
  else beta[0] = logit(weighted(w, y));
  const penalised = (j: number) => j > 0;
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    // Quadratic approximation at the current β: working weights v and response z (IRLS); the
    // weighted cross-products of [1, Z] are accumulated in a flat lower triangle (rows of width m).
    const m = p + 1;
    const tri = new Float64Array(m * m);
    const c = new Array<number>(m).fill(0);
    const row = new Float64Array(m);
    row[0] = 1;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      let eta = beta[0];
      for (let j = 0; j < p; j++) {
        row[j + 1] = Z[i * p + j];
        eta += row[j + 1] * beta[j + 1];
      }
      const mu = clip(linkInverse(eta));
      const v = w[i] * mu * (1 - mu);
      const zi = eta + (y[i] - mu) / (mu * (1 - mu));
      for (let a = 0; a < m; a++) {
        const va = v * row[a];
        c[a] += va * zi;
        const base = a * m;
        for (let b = 0; b <= a; b++) tri[base + b] += va * row[b];
      }
    }
    const G = Array.from({ length: m }, (_, a) =>
      Array.from({ length: m }, (_, b) => (b <= a ? tri[a * m + b] : tri[b * m + a])),
    );
    const next = minimiseQuadratic(G, c, lambda, alpha, s.active, beta, penalised);
    const change = Math.max(...next.map((b, j) => Math.abs(b - beta[j])));
    beta = next;
    if (change < tolerance) {
      iterations += 1;
      break;
    }
  }
  if (iterations >= maxIter) {
    throw new Error(
      `${fn}: no convergence in ${maxIter} Newton steps at lambda ${lambda}. Use a larger lambda, or rescale columns with extreme values.`,
    );
  }
  const estimate = fromStandard(s, beta);
  const eta = X.map((r) => dot(r, estimate));
  const weights = options.weights ?? new Array<number>(n).fill(1);
  let deviance = 0;
  eta.forEach((e, i) => {
    const mu = clip(linkInverse(e));
    deviance -= 2 * weights[i] * (y[i] * Math.log(mu) + (1 - y[i]) * Math.log(1 - mu));
  });
  return {
    names: [...names],
    estimate,
    lambda,
    alpha,
    deviance,
    nonzero: estimate.filter((b, j) => j !== intercept && b !== 0).length,
    iterations,
  };
}

/**
 * The largest useful λ (every penalised coefficient 0 at and above it, for alpha > 0) and a
 * decreasing sequence of `count` penalties log-spaced down to `ratio` × that, as glmnet builds its
 * path (ratio default 1e-4 when rows outnumber columns, else 0.01; for ridge λ_max is computed with
 * alpha 0.001, as glmnet does).
 * @example penaltySequence(design.X, y, { names: design.names, alpha: 0 }).slice(0, 3)
 */
export function penaltySequence(
  X: readonly (readonly number[])[],
  y: readonly number[],
  {
    names,
    alpha = 0,
    weights,
    count = 40,
    ratio,
  }: {
    names: readonly string[];
    alpha?: number;
    weights?: readonly number[];
    count?: number;
    ratio?: number;
  },
): number[] {
  const { n, p, Z, w } = standardise('penaltySequence', X, y, names, weights);
  const mean = weighted(w, y);
  let top = 0;
  for (let j = 0; j < p; j++) {
    let g = 0;
    for (let i = 0; i < n; i++) g += w[i] * Z[i * p + j] * (y[i] - mean);
    top = Math.max(top, Math.abs(g));
  }
  const lambdaMax = top / Math.max(alpha, 0.001);
  const r = ratio ?? (n > p ? 1e-4 : 0.01);
  if (!(count >= 2) || !(r > 0 && r < 1)) {
    throw new Error('penaltySequence: count must be ≥ 2 and ratio between 0 and 1.');
  }
  return Array.from({ length: count }, (_, k) => lambdaMax * r ** (k / (count - 1)));
}

interface Standardised {
  n: number;
  p: number;
  /** Standardised non-intercept columns, row-major in one array (row i at i × p). */
  Z: Float64Array;
  /** Weights scaled to sum to 1. */
  w: number[];
  /** Position of the intercept in names; columns maps each standardised column to its position. */
  intercept: number;
  columns: number[];
  mean: number[];
  sd: number[];
  /** Standardised columns that vary (a constant one keeps β 0). */
  active: boolean[];
}

function standardise(
  fn: string,
  X: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[],
  weights?: readonly number[],
): Standardised {
  const n = y.length;
  if (X.length !== n) {
    throw new Error(`${fn}: X has ${X.length} rows but y has ${n}; give one row per outcome.`);
  }
  const intercept = names.indexOf('(Intercept)');
  if (intercept < 0) {
    throw new Error(
      `${fn}: no "(Intercept)" column among ${names.join(', ')}. Build X with designMatrix(..., { intercept: true }).`,
    );
  }
  y.forEach((v, i) => {
    if (v !== 0 && v !== 1) {
      throw new Error(`${fn}: y row ${i} is ${v}; code the outcome as 1 = left, 0 = stayed.`);
    }
  });
  X.forEach((row, i) => {
    if (row.length !== names.length || !row.every(Number.isFinite)) {
      throw new Error(
        `${fn}: row ${i} of X has ${row.length} values (${row.join(', ')}); expected ${names.length} finite numbers.`,
      );
    }
    if (row[intercept] !== 1) {
      throw new Error(`${fn}: "(Intercept)" is ${row[intercept]} in row ${i}; it must be 1.`);
    }
  });
  const raw = weights ?? new Array<number>(n).fill(1);
  if (raw.length !== n || !raw.every((v) => Number.isFinite(v) && v >= 0)) {
    throw new Error(`${fn}: weights must be ${n} finite numbers ≥ 0.`);
  }
  const total = raw.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new Error(`${fn}: every weight is 0; nothing to fit.`);
  const w = raw.map((v) => v / total);
  const columns = names.map((_, j) => j).filter((j) => j !== intercept);
  const mean = columns.map((j) => X.reduce((s, row, i) => s + w[i] * row[j], 0));
  const sd = columns.map((j, k) =>
    Math.sqrt(X.reduce((s, row, i) => s + w[i] * (row[j] - mean[k]) ** 2, 0)),
  );
  const active = sd.map((v) => v > 1e-12);
  const p = columns.length;
  const Z = new Float64Array(n * p);
  X.forEach((row, i) =>
    columns.forEach((j, k) => {
      if (active[k]) Z[i * p + k] = (row[j] - mean[k]) / sd[k];
    }),
  );
  return { n, p, Z, w, intercept, columns, mean, sd, active };
}

/** Coefficients on the own scale → standardised (index 0 the intercept). */
function toStandard(s: Standardised, estimate: readonly number[]): number[] {
  const b = s.columns.map((j, k) => (s.active[k] ? estimate[j] * s.sd[k] : 0));
  const b0 = estimate[s.intercept] + s.columns.reduce((a, j, k) => a + estimate[j] * s.mean[k], 0);
  return [b0, ...b];
}

/** Standardised coefficients → the columns' own scale, in the order of names. */
function fromStandard(s: Standardised, beta: readonly number[]): number[] {
  const out = new Array<number>(s.columns.length + 1).fill(0);
  let b0 = beta[0];
  s.columns.forEach((j, k) => {
    const b = s.active[k] ? beta[k + 1] / s.sd[k] : 0;
    out[j] = b;
    b0 -= b * s.mean[k];
  });
  out[s.intercept] = b0;
  return out;
}

/**
 * Minimises ½ βᵀGβ − cᵀβ + λ Σ_penalised ((1 − α)/2 βⱼ² + α|βⱼ|): directly for ridge, else by cyclic
 * coordinate descent from `start` until no coefficient moves by more than 1e-14 of the scale.
 */
function minimiseQuadratic(
  G: number[][],
  c: number[],
  lambda: number,
  alpha: number,
  active: boolean[],
  start: number[],
  penalised: (j: number) => boolean,
): number[] {
  const m = c.length;
  const on = (j: number) => j === 0 || active[j - 1];
  const idx = [...Array(m).keys()].filter(on);
  if (alpha === 0) {
    const A = idx.map((a) => idx.map((b) => G[a][b] + (a === b && penalised(a) ? lambda : 0)));
    const solved = choleskySolve(
      A,
      idx.map((a) => c[a]),
    );
    if (solved !== undefined) {
      const out = new Array<number>(m).fill(0);
      idx.forEach((a, r) => (out[a] = solved[r]));
      return out;
    }
  }
  const beta = [...start];
  for (let sweep = 0; sweep < 100_000; sweep++) {
    let change = 0;
    for (const j of idx) {
      let r = c[j];
      for (const k of idx) if (k !== j) r -= G[j][k] * beta[k];
      const l1 = penalised(j) ? lambda * alpha : 0;
      const l2 = penalised(j) ? lambda * (1 - alpha) : 0;
      const b = Math.sign(r) * Math.max(Math.abs(r) - l1, 0);
      const next = G[j][j] + l2 > 0 ? b / (G[j][j] + l2) : 0;
      change = Math.max(change, Math.abs(next - beta[j]) * Math.sqrt(Math.max(G[j][j], 1e-300)));
      beta[j] = next;
    }
    if (change < 1e-14) break;
  }
  return beta;
}

function weighted(w: readonly number[], y: readonly number[]): number {
  return w.reduce((s, v, i) => s + v * y[i], 0);
}

function logit(p: number): number {
  const q = clip(p);
  return Math.log(q / (1 - q));
}

// glmnet.control()$pmin: probabilities are kept inside [1e-9, 1 − 1e-9].
function clip(mu: number): number {
  return Math.min(Math.max(mu, 1e-9), 1 - 1e-9);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}
