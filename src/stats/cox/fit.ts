// Cox proportional-hazards regression for counting-process data, fitted as R's coxph (agfit4).
// Steps: check and centre the data -> Newton-Raphson from beta = 0 with step halving -> Wald table,
// score / Wald / likelihood-ratio tests, concordance, baseline cumulative hazard, cox.zph.
import { maxOf } from '../../shared/numeric.js';
import { prepareCoxData, type CoxInput } from './input.js';
import { coxSweep, type Ties } from './sweep.js';
import { concordance, type Concordance } from './concordance.js';
import { coxZph, type ZphTest } from './zph.js';
import { baselineHazard, type BaselineHazard } from './baseline.js';
import { checkFinite, checkRank, notConverged } from './checks.js';
import { ratioInterval, waldRows, type CoefficientRow } from '../inference.js';
import { invertSpd, solveSpd } from '../linalg.js';
import { chiSquarePValue } from '../distributions.js';

export type { CoxInput } from './input.js';

export interface CoxOptions {
  /** Tied event times: 'efron' (R's default) or 'breslow'. */
  ties?: Ties;
  /** Newton-Raphson iterations (R: iter.max 20). */
  maxIter?: number;
  /** Convergence: |1 − loglik_previous / loglik| ≤ eps (R: 1e-9). */
  eps?: number;
}

export interface CoxCoefficient extends CoefficientRow {
  hazard_ratio: number;
  hazard_ratio_low: number;
  hazard_ratio_high: number;
}

export interface ChiSquareTest {
  statistic: number;
  df: number;
  p_value: number;
}

export interface CoxFit {
  names: string[];
  ties: Ties;
  coefficients: CoxCoefficient[];
  estimate: number[];
  vcov: number[][];
  /** Partial log-likelihood at beta = 0 and at the estimate. */
  loglik: [number, number];
  score_test: ChiSquareTest;
  wald_test: ChiSquareTest;
  lr_test: ChiSquareTest;
  iterations: number;
  n: number;
  n_events: number;
  /** Covariate values the baseline is centred on (R's fit$means: 0 for 0/1 columns). */
  means: number[];
  /** Linear predictor (x − means)·β per row, as R's fit$linear.predictors. */
  linear_predictors: number[];
  concordance: Concordance;
  /** Cumulative baseline hazard at each distinct time: at the means (R's basehaz default) and at 0. */
  baseline: BaselineHazard;
  /** Proportional-hazards tests, as R's cox.zph(fit) (transform 'km', one test per term + GLOBAL). */
  zph: ZphTest[];
}

/**
 * Cox model fitted by Newton-Raphson on the partial likelihood (Efron or Breslow ties) for rows at
 * risk on (entry, time]. Returns coefficients with standard errors (inverse information), z, p,
 * hazard ratios with 95% Wald intervals, log-likelihoods, the three global tests, Harrell's
 * concordance, the baseline cumulative hazard and cox.zph tests. Matches R's coxph / basehaz /
 * cox.zph (survival 3.5) to 1e-6 on our fixtures. Throws on singular designs, infinite
 * coefficients (monotone likelihood) and non-convergence, naming the columns.
 * @example fitCox({ entry, time, event, X: d.X, names: d.names, terms: d.terms }, { ties: 'efron' })
 */
export function fitCox(
  input: CoxInput,
  { ties = 'efron', maxIter = 20, eps = 1e-9 }: CoxOptions = {},
): CoxFit {
  const data = prepareCoxData(input);
  const names = [...input.names];
  checkRank(data, names);
  const lik = (beta: number[]) => {
    const eta = data.Xc.map((row) => dotp(row, beta));
    const top = maxOf(eta); // the likelihood is unchanged by a common shift; this avoids overflow
    return coxSweep(
      data,
      eta.map((e) => e - top),
      ties,
    );
  };
  let beta: number[] = Array(data.p).fill(0);
  let current = lik(beta);
  const initial = current.loglik;
  const step0 = newtonStep(current, names);
  const scoreStatistic = dotp(step0, current.score);
  let best = initial;
  let old = beta;
  beta = beta.map((b, j) => b + step0[j]);
  let halving = 0;
  let iterations = 0;
  for (let iter = 1; ; iter++) {
    current = lik(beta);
    const ok = Number.isFinite(current.loglik) && invertSpd(current.info) !== undefined;
    if (ok && halving === 0 && Math.abs(1 - best / current.loglik) <= eps) {
      iterations = iter;
      break;
    }
    if (iter >= maxIter) throw notConverged(current, beta, names, maxIter, eps);
    if (!ok || current.loglik < best) {
      halving++; // as agfit4: move back towards the last good estimate
      beta = beta.map((b, j) => (old[j] * halving + b) / (halving + 1));
    } else {
      halving = 0;
      best = current.loglik;
      const step = newtonStep(current, names);
      old = beta;
      beta = beta.map((b, j) => b + step[j]);
    }
  }
  const vcov = invertSpd(current.info) as number[][];
  checkFinite(current.score, vcov, beta, names, eps);
  const se = vcov.map((row, j) => Math.sqrt(row[j]));
  const coefficients = waldRows(names, beta, se).map((row) => {
    const { ratio, low, high } = ratioInterval(row);
    return { ...row, hazard_ratio: ratio, hazard_ratio_low: low, hazard_ratio_high: high };
  });
  const p = data.p;
  const test = (statistic: number): ChiSquareTest => ({
    statistic,
    df: p,
    p_value: chiSquarePValue(statistic, p),
  });
  const offset = dotp(data.means, beta);
  const lp = data.Xc.map((row) => dotp(row, beta) + dotp(data.columnMeans, beta) - offset);
  return {
    names,
    ties,
    coefficients,
    estimate: beta,
    vcov,
    loglik: [initial, current.loglik],
    score_test: test(scoreStatistic),
    wald_test: test(
      dotp(
        beta,
        current.info.map((row) => dotp(row, beta)),
      ),
    ),
    lr_test: test(2 * (current.loglik - initial)),
    iterations,
    n: data.n,
    n_events: data.event.reduce((s, e) => s + e, 0),
    means: data.means,
    linear_predictors: lp,
    concordance: concordance(data, lp),
    baseline: baselineHazard(data, lp, ties, offset),
    zph: coxZph(data, beta, current.info, input.terms ?? names, names, ties),
  };
}

function newtonStep(
  result: { score: number[]; info: number[][] },
  names: readonly string[],
): number[] {
  const step = solveSpd(result.info, result.score);
  if (step === undefined) {
    throw new Error(
      `fitCox: the information matrix is singular (columns ${names.join(', ')}): a covariate does not vary within the risk sets at the event times. Drop or merge it.`,
    );
  }
  return step;
}

function dotp(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
