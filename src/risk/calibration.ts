// How far held-out risk predictions are from the outcomes, as two numbers with intervals: the
// calibration slope (are predictions too extreme or too timid?) and the calibration intercept (too
// high or too low on average?), by logistic recalibration. Steps: log-odds of the predictions →
// glm(y ~ log-odds) for the slope, glm(y ~ offset(log-odds)) for the intercept → Wald intervals.
import { fitLogistic } from '../stats/logistic/fit.js';
import { clusteredVcov } from '../stats/logistic/sandwich.js';
import { linkInverse } from '../stats/logistic/family.js';
import { Z_975 } from '../stats/inference.js';

/** An estimate with its standard error and 95% Wald interval. */
export interface IntervalEstimate {
  estimate: number;
  std_error: number;
  lower: number;
  upper: number;
}

/** Logistic recalibration of predictions: slope and intercept, and what they say. */
export interface CalibrationFit {
  /** β of logit P(y = 1) = α + β logit(p): 1 when predictions are as spread as the outcomes. */
  slope: IntervalEstimate;
  /** α of logit P(y = 1) = α + logit(p) (slope fixed at 1): 0 when predictions are right on average. */
  intercept: IntervalEstimate;
  rows: number;
  events: number;
  /** Rows left out because their prediction was exactly 0 or 1 (boundary 'drop'). */
  excluded: number;
  /** Standard errors clustered by person (rows of one person are correlated) rather than model-based. */
  clustered: boolean;
  /**
   * 'too extreme' when the slope's 95% interval lies below 1 (overfitting: high risks too high, low
   * too low), 'too moderate' when it lies above 1, null when it includes 1.
   */
  flag: 'too extreme' | 'too moderate' | null;
  /** One or two sentences for a card: the figures with intervals and what they mean. */
  note: string;
}

/**
 * Logistic recalibration of predicted probabilities `predicted` against 0/1 `outcomes` (Cox 1958;
 * Steyerberg, Clinical Prediction Models, 2019): slope = β of glm(y ~ logit(p)), intercept = α of
 * glm(y ~ 1, offset = logit(p)), each with a Wald 95% interval; model-based standard errors (R's glm)
 * when each person has one row, clustered by person (sandwich, as fitRiskLogistic) when `persons`
 * repeat. A slope is "far from 1" when its interval excludes 1: that sets `flag`. A prediction of
 * exactly 0 or 1 has no log-odds: it throws, or with `boundary: 'drop'` (a Cox model's risk is 0 where
 * its baseline has no exit over the horizon) the row is left out and counted in `excluded`.
 * @example calibrationFit(heldOutP, y).note // 'Calibration slope 0.80 (95% CI 0.67–0.93), below 1 …'
 */
export function calibrationFit(
  predicted: readonly number[],
  outcomes: readonly number[],
  {
    persons: allPersons,
    boundary = 'error',
  }: { persons?: readonly string[]; boundary?: 'error' | 'drop' } = {},
): CalibrationFit {
  const fn = 'calibrationFit';
  if (predicted.length !== outcomes.length) {
    throw new Error(
      `${fn}: ${predicted.length} predictions for ${outcomes.length} outcomes; give one outcome per prediction.`,
    );
  }
  const keep: number[] = [];
  predicted.forEach((v, i) => {
    if (v > 0 && v < 1) keep.push(i);
    else if (boundary === 'error' || !(v === 0 || v === 1)) {
      throw new Error(
        `${fn}: prediction ${i} is ${v}; a calibration slope needs probabilities strictly between 0 and 1 (log-odds must be finite).`,
      );
    }
  });
  const lp = keep.map((i) => Math.log(predicted[i] / (1 - predicted[i])));
  const y = keep.map((i) => outcomes[i]);
  const persons = allPersons && keep.map((i) => allPersons[i]);
  const excluded = predicted.length - keep.length;
  const events = y.reduce((a, b) => a + b, 0);
  const clustered = persons !== undefined && new Set(persons).size < persons.length;
  const se = (X: number[][], estimate: number[], vcov: number[][], offset?: number[]) => {
    if (!clustered) return vcov.map((row, j) => Math.sqrt(row[j]));
    const mu = X.map((row, i) =>
      linkInverse(row.reduce((s, v, j) => s + v * estimate[j], offset?.[i] ?? 0)),
    );
    return clusteredVcov(X, y, mu, vcov, persons!).map((row, j) => Math.sqrt(row[j]));
  };
  const Xs = lp.map((e) => [1, e]);
  const slopeFit = fitLogistic(Xs, y, { names: ['(Intercept)', 'log_odds'] });
  const slopeSe = se(Xs, slopeFit.estimate, slopeFit.vcov)[1];
  const X1 = lp.map(() => [1]);
  const interceptFit = fitLogistic(X1, y, { names: ['(Intercept)'], offset: lp });
  const interceptSe = se(X1, interceptFit.estimate, interceptFit.vcov, lp)[0];
  const slope = interval(slopeFit.estimate[1], slopeSe);
  const intercept = interval(interceptFit.estimate[0], interceptSe);
  const flag = slope.upper < 1 ? 'too extreme' : slope.lower > 1 ? 'too moderate' : null;
  return {
    slope,
    intercept,
    rows: y.length,
    events,
    excluded,
    clustered,
    flag,
    note:
      describe(slope, intercept, flag) +
      (excluded > 0
        ? ` ${excluded} rows predicted at exactly 0 or 1 are left out of these figures.`
        : ''),
  };
}

function interval(estimate: number, stdError: number): IntervalEstimate {
  return {
    estimate,
    std_error: stdError,
    lower: estimate - Z_975 * stdError,
    upper: estimate + Z_975 * stdError,
  };
}

function describe(
  slope: IntervalEstimate,
  intercept: IntervalEstimate,
  flag: CalibrationFit['flag'],
): string {
  const f = (e: IntervalEstimate) =>
    `${e.estimate.toFixed(2)} (95% CI ${e.lower.toFixed(2)}–${e.upper.toFixed(2)})`;
  const first =
    flag === 'too extreme'
      ? `Calibration slope ${f(slope)}, below 1 with its interval: predictions are too extreme (high risks overstated, low risks understated), the mark of an overfitted model.`
      : flag === 'too moderate'
        ? `Calibration slope ${f(slope)}, above 1 with its interval: predictions are too timid (risks pulled towards the average).`
        : `Calibration slope ${f(slope)}: its interval includes 1, so the spread of the predictions matches the outcomes.`;
  const second =
    intercept.lower > 0
      ? ` Calibration intercept ${f(intercept)}: leaving is under-predicted on average.`
      : intercept.upper < 0
        ? ` Calibration intercept ${f(intercept)}: leaving is over-predicted on average.`
        : ` Calibration intercept ${f(intercept)}: right on average.`;
  return first + second;
}
