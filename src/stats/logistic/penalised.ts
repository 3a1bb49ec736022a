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
  const { lambda, alpha = 0 } = options;
  checkPenalty(fn, lambda, alpha);
  const s = standardise(fn, X, y, options.names, options.weights);
  const start = options.start === undefined ? undefined : toStandard(s, options.start);
  const solved = solve(fn, s, y, lambda, alpha, start, null, options);
  return result(s, X, y, options, lambda, alpha, solved);
}

/**
 * Fits at every penalty of `lambdas` (sorted largest first), each from the previous fit (warm start,
 * and its curvature reused while the steps keep shrinking), as glmnet fits its path; the same
 * definitions and results as fitPenalisedLogistic at each λ, much faster than separate fits.
 * @example fitPenalisedPath(X, y, { names, alpha: 0, lambdas: penaltySequence(X, y, { names }) })
 */
export function fitPenalisedPath(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: PenalisedPathOptions,
): PenalisedLogisticFit[] {
  const { s, lambdas, alpha, solutions } = solvePath('fitPenalisedPath', X, y, options);
  return solutions.map((solved, l) => result(s, X, y, options, lambdas[l], alpha, solved));
}

/**
 * The coefficients of fitPenalisedPath at every penalty of `lambdas` (largest first), on the columns'
 * own scale, without the deviance and counts of each fit: what cross-validation needs of a path.
 * @example penalisedPathEstimates(X, y, { names, alpha: 0, lambdas })[0] // at the largest λ
 */
export function penalisedPathEstimates(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: PenalisedPathOptions,
): number[][] {
  const { s, solutions } = solvePath('penalisedPathEstimates', X, y, options);
  return solutions.map((solved) => fromStandard(s, solved.beta));
}

export type PenalisedPathOptions = Omit<PenalisedLogisticOptions, 'lambda' | 'start'> & {
  lambdas: readonly number[];
};

function solvePath(
  fn: string,
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: PenalisedPathOptions,
) {
  const { alpha = 0 } = options;
  const lambdas = [...options.lambdas].sort((a, b) => b - a);
  lambdas.forEach((l) => checkPenalty(fn, l, alpha));
  const s = standardise(fn, X, y, options.names, options.weights);
  let start: number[] | undefined;
  let hessian: number[][] | null = null;
  const solutions = lambdas.map((lambda) => {
    const solved = solve(fn, s, y, lambda, alpha, start, hessian, options);
    start = solved.beta;
    hessian = solved.hessian;
    return solved;
  });
  return { s, lambdas, alpha, solutions };
}

function checkPenalty(fn: string, lambda: number, alpha: number): void {
  if (!(Number.isFinite(lambda) && lambda >= 0)) {
    throw new Error(`${fn}: lambda is ${lambda}; use a number ≥ 0 (0 = no penalty).`);
  }
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new Error(`${fn}: alpha is ${alpha}; use 0 (ridge), 1 (lasso) or a value between.`);
  }
}

/**
 * Minimises the penalised loss on the standardised scale from `start`: each step minimises the
 * quadratic model (gradient at the current β, curvature X̃ᵀWX̃ at the last point it was computed,
 * recomputed whenever a step shrank by less than half, and always at first without `hessian`). A step
 * that would raise the penalised loss is retried with fresh curvature, and a fresh step that still
 * would is halved until the loss falls (proximal Newton with backtracking), so the loss never rises.
 * The fixed point is the minimum whatever curvature the steps used.
 */
function solve(
  fn: string,
  s: Standardised,
  y: readonly number[],
  lambda: number,
  alpha: number,
  start: number[] | undefined,
  hessian: number[][] | null,
  { maxIter = 100, tolerance = 1e-10 }: Pick<PenalisedLogisticOptions, 'maxIter' | 'tolerance'>,
): { beta: number[]; hessian: number[][]; iterations: number } {
  const { n, p, Z, w } = s;
  const m = p + 1;
  // β on the standardised scale: index 0 the intercept, then one per column (constant columns stay 0).
  let beta = start ? [...start] : new Array<number>(m).fill(0);
  if (!start) beta[0] = logit(weighted(w, y));
  let H = hessian;
  let previous = Infinity;
  const row = new Float64Array(m);
  row[0] = 1;
  // Each evaluation of the loss also gives every row's μ and the gradient at that point (one pass
  // over the rows): `at` holds them for β, `trial` for the point last tried.
  let at = { mu: new Float64Array(n), gradient: new Float64Array(m) };
  let trial = { mu: new Float64Array(n), gradient: new Float64Array(m) };
  const loss = (b: readonly number[]) => penalisedLoss(s, y, b, lambda, alpha, trial);
  let current = loss(beta);
  [at, trial] = [trial, at];
  for (let iteration = 1; iteration <= maxIter; iteration++) {
    const fresh = H === null;
    if (fresh) {
      const tri = new Float64Array(m * m);
      for (let i = 0; i < n; i++) {
        if (w[i] === 0) continue;
        for (let j = 0; j < p; j++) row[j + 1] = Z[i * p + j];
        const mu = at.mu[i];
        const v = w[i] * mu * (1 - mu);
        for (let a = 0; a < m; a++) {
          const va = v * row[a];
          const base = a * m;
          for (let b = 0; b <= a; b++) tri[base + b] += va * row[b];
        }
      }
      H = Array.from({ length: m }, (_, a) =>
        Array.from({ length: m }, (_, b) => (b <= a ? tri[a * m + b] : tri[b * m + a])),
      );
    }
    const gradient = at.gradient;
    const G = H as number[][];
    // The quadratic model in β: ½ βᵀGβ − cᵀβ with c = Gβ_now − gradient.
    const c = G.map((gRow, a) => dot(gRow, beta) - gradient[a]);
    let next = minimiseQuadratic(G, c, lambda, alpha, s.active, beta);
    let value = loss(next);
    const slack = 1e-13 * (1 + Math.abs(current));
    let halved = false;
    if (value > current + slack) {
      if (!fresh) {
        H = null; // stale curvature led uphill: redo this step with the curvature at β
        continue;
      }
      const target = next;
      halved = true;
      for (let t = 0.5; value > current + slack && t > 1e-12; t /= 2) {
        next = beta.map((b, j) => b + t * (target[j] - b));
        value = loss(next);
      }
    }
    const change = Math.max(...next.map((b, j) => Math.abs(b - beta[j])));
    beta = next;
    [at, trial] = [trial, at];
    current = Math.min(current, value);
    if (change < tolerance && !halved) return { beta, hessian: G, iterations: iteration };
    if (!fresh && change > previous / 2) H = null;
    previous = change;
  }
  throw new Error(
    `${fn}: no convergence in ${maxIter} steps at lambda ${lambda}. Use a larger lambda, or rescale columns with extreme values.`,
  );
}

/**
 * −Σ w̃ᵢ log-likelihoodᵢ + λ Σⱼ ((1 − α)/2 βⱼ² + α|βⱼ|) on the standardised scale (intercept free);
 * each row's μ and the gradient of the log-likelihood part, Σ w̃ᵢ (μᵢ − yᵢ) (1, z̃ᵢ), go into `out`.
 */
function penalisedLoss(
  s: Standardised,
  y: readonly number[],
  beta: readonly number[],
  lambda: number,
  alpha: number,
  out: { mu: Float64Array; gradient: Float64Array },
): number {
  const { n, p, Z, w } = s;
  const { mu: muOut, gradient } = out;
  // η first (into the μ buffer: row i is read before μᵢ replaces it), then μ, loss and gradient
  const eta = linearPredictors(Z, n, p, beta, muOut);
  const g = new Float64Array(p);
  let g0 = 0;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    const base = i * p;
    const mu = clip(linkInverse(eta[i]));
    muOut[i] = mu;
    const yi = y[i];
    value -= wi * (yi === 1 ? Math.log(mu) : Math.log(1 - mu));
    const r = wi * (mu - yi);
    g0 += r;
    for (let j = 0; j < p; j++) g[j] += r * Z[base + j];
  }
  gradient[0] = g0;
  gradient.set(g, 1);
  for (let j = 1; j <= p; j++) {
    value += lambda * (((1 - alpha) / 2) * beta[j] * beta[j] + alpha * Math.abs(beta[j]));
  }
  return value;
}

/**
 * η of every row, β₀ + Σⱼ z̃ᵢⱼ βⱼ summed in the order of j, into `out`. Four rows at a time: their
 * sums are independent chains the processor runs side by side (each row's sum in the same order, so
 * the same value as one row at a time).
 */
function linearPredictors(
  Z: Float64Array,
  n: number,
  p: number,
  beta: readonly number[],
  out: Float64Array,
): Float64Array {
  const b = Float64Array.from(beta);
  const b0 = b[0];
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * p;
    const r1 = r0 + p;
    const r2 = r1 + p;
    const r3 = r2 + p;
    let e0 = b0;
    let e1 = b0;
    let e2 = b0;
    let e3 = b0;
    for (let j = 0; j < p; j++) {
      const bj = b[j + 1];
      e0 += Z[r0 + j] * bj;
      e1 += Z[r1 + j] * bj;
      e2 += Z[r2 + j] * bj;
      e3 += Z[r3 + j] * bj;
    }
    out[i] = e0;
    out[i + 1] = e1;
    out[i + 2] = e2;
    out[i + 3] = e3;
  }
  for (; i < n; i++) {
    let e = b0;
    for (let j = 0; j < p; j++) e += Z[i * p + j] * b[j + 1];
    out[i] = e;
  }
  return out;
}

function result(
  s: Standardised,
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: Pick<PenalisedLogisticOptions, 'names' | 'weights'>,
  lambda: number,
  alpha: number,
  solved: { beta: number[]; iterations: number },
): PenalisedLogisticFit {
  const estimate = fromStandard(s, solved.beta);
  const weights = options.weights ?? new Array<number>(y.length).fill(1);
  let deviance = 0;
  X.forEach((r, i) => {
    const mu = clip(linkInverse(dot(r, estimate)));
    deviance -= 2 * weights[i] * (y[i] * Math.log(mu) + (1 - y[i]) * Math.log(1 - mu));
  });
  return {
    names: [...options.names],
    estimate,
    lambda,
    alpha,
    deviance,
    nonzero: estimate.filter((b, j) => j !== s.intercept && b !== 0).length,
    iterations: solved.iterations,
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
): number[] {
  const penalised = (j: number) => j > 0;
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
