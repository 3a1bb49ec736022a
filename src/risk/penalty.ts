// Penalised fitting for the leaving-risk model: when to penalise (events per parameter), how strongly
// (the penalty that predicts best in cross-validation by person), and the fitted model.
// Steps: rule → penalty sequence → inner folds by person → path on each training part, deviance of
// its held-out people → the penalty with the least deviance → fit on all rows with it.
import { penalisedPathEstimates, penaltySequence } from '../stats/logistic/penalised.js';
import { linkInverse } from '../stats/logistic/family.js';
import { personFolds } from './folds.js';
import { maxOf } from '../shared/numeric.js';

/** 'none' (maximum likelihood), 'ridge' (alpha 0) or 'elastic-net' (alpha 0.5). */
export type PenaltyKind = 'none' | 'ridge' | 'elastic-net';

/** Events per parameter below which the risk model is penalised by default. */
export const MIN_EVENTS_PER_PARAMETER = 20;

/** alpha of each penalty kind (glmnet's mixing parameter). */
export const PENALTY_ALPHA: Record<Exclude<PenaltyKind, 'none'>, number> = {
  ridge: 0,
  'elastic-net': 0.5,
};

/** Which penalty is used, and why, in words. */
export interface PenaltyChoice {
  kind: PenaltyKind;
  events: number;
  parameters: number;
  events_per_parameter: number;
  reason: string;
}

/**
 * The penalty to use: `requested` unless it is 'auto'; then ridge when there are fewer than
 * MIN_EVENTS_PER_PARAMETER (20) events per estimated parameter, else none. Events are people with the
 * outcome (a person's months are not independent events); parameters are the design's columns,
 * intercept included. Why 20: 10 is the classic minimum for estimating coefficients (Peduzzi et al.,
 * J Clin Epidemiol 1996;49:1373); a model used to predict needs more to keep its risks from being
 * too extreme, which the calibration slope then shows.
 * @example choosePenalty(237, 32, 'auto').kind // 'ridge' (7.4 events per parameter)
 */
export function choosePenalty(
  events: number,
  parameters: number,
  requested: PenaltyKind | 'auto' = 'auto',
): PenaltyChoice {
  const epp = events / parameters;
  const ratio = `${events} events for ${parameters} parameters (${epp.toFixed(1)} per parameter)`;
  if (requested !== 'auto') {
    return {
      kind: requested,
      events,
      parameters,
      events_per_parameter: epp,
      reason: `${requested === 'none' ? 'No penalty' : requested === 'ridge' ? 'Ridge' : 'Elastic net'}, as asked; ${ratio}.`,
    };
  }
  const few = epp < MIN_EVENTS_PER_PARAMETER;
  return {
    kind: few ? 'ridge' : 'none',
    events,
    parameters,
    events_per_parameter: epp,
    reason: few
      ? `Ridge by default: ${ratio}, under the ${MIN_EVENTS_PER_PARAMETER} below which an unpenalised model is expected to overfit.`
      : `No penalty by default: ${ratio}, at least ${MIN_EVENTS_PER_PARAMETER}.`,
  };
}

export interface PenaltyTuningOptions {
  names: readonly string[];
  /** glmnet's alpha: 0 ridge (default), 0.5 elastic net. */
  alpha?: number;
  /** Inner folds: a number (people dealt into that many folds with `seed`) or a fold per row. */
  folds?: number | readonly number[];
  seed?: number;
  /** Person of each row (rows of one person share a fold). Default: one person per row. */
  persons?: readonly string[];
  /** Penalties to try (default penaltySequence with `count` values). */
  lambdas?: readonly number[];
  count?: number;
}

/** The cross-validated choice of penalty. */
export interface PenaltyTuning {
  alpha: number;
  lambda: number;
  lambdas: number[];
  /** Held-out binomial deviance per row, per penalty: −2 Σ log-likelihood / rows. */
  cv_deviance: number[];
  folds: number;
}

/**
 * The penalty that predicts held-out people best: for each inner fold (by person), the model is
 * fitted along the penalty sequence (largest first, warm starts) on the other folds and its
 * held-out deviance summed; the chosen λ has the least total deviance per row (glmnet's
 * lambda.min with type.measure = 'deviance', without its clipping of probabilities at 1e-5).
 * @example tunePenalty(X, y, { names, alpha: 0, folds: 5, seed: 1, persons }).lambda
 */
export function tunePenalty(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: PenaltyTuningOptions,
): PenaltyTuning {
  const { names, alpha = 0, folds = 5, seed = 1, count = 30 } = options;
  const persons = options.persons ?? y.map((_, i) => String(i));
  const fold = typeof folds === 'number' ? personFolds(persons, folds, seed) : Array.from(folds);
  if (fold.length !== y.length) {
    throw new Error(
      `tunePenalty: ${fold.length} fold numbers for ${y.length} rows; give one per row.`,
    );
  }
  // A loop, not Math.max(...fold): one fold number per row overflows the stack at 50,000 people.
  const k = maxOf(fold) + 1;
  const lambdas = [...(options.lambdas ?? penaltySequence(X, y, { names, alpha, count }))].sort(
    (a, b) => b - a,
  );
  const deviance = new Array<number>(lambdas.length).fill(0);
  for (let f = 0; f < k; f++) {
    const train = fold.flatMap((g, i) => (g === f ? [] : [i]));
    const test = fold.flatMap((g, i) => (g === f ? [i] : []));
    const Xt = train.map((i) => X[i]);
    const yt = train.map((i) => y[i]);
    // 1e-7 on the standardised scale moves the held-out deviance by ~1e-14: enough to rank penalties.
    const path = penalisedPathEstimates(Xt, yt, { names, alpha, lambdas, tolerance: 1e-7 });
    path.forEach((estimate, l) => {
      for (const i of test) {
        const mu = linkInverse(X[i].reduce((s, v, j) => s + v * estimate[j], 0));
        deviance[l] -= 2 * (y[i] === 1 ? Math.log(mu) : Math.log(1 - mu));
      }
    });
  }
  const cv = deviance.map((d) => d / y.length);
  const best = cv.indexOf(Math.min(...cv));
  return { alpha, lambda: lambdas[best], lambdas, cv_deviance: cv, folds: k };
}
