// The two leaving-risk models on person-months: discrete-time logistic regression of "resigns within
// the horizon", and a Cox model (Efron ties) on (start, stop] service-day intervals with monthly
// time-varying covariates. Both give a probability of resigning within the horizon for any row.
import { fitCox, type CoxFit } from '../stats/cox/fit.js';
import { fitLogistic, predictLogistic, type LogisticFit } from '../stats/logistic/fit.js';
import { ratioInterval, waldRows } from '../stats/inference.js';
import { searchSorted } from '../shared/numeric.js';
import { clusteredVcov } from '../stats/logistic/sandwich.js';
import { fitPenalisedLogistic } from '../stats/logistic/penalised.js';
import { PENALTY_ALPHA, tunePenalty, type PenaltyTuning } from './penalty.js';
import { designRows, linearPredictor, type RiskDesign } from './design.js';

/** One driver: coefficient, its standard error, and the odds or hazard ratio with a 95% interval. */
export interface RiskCoefficient {
  term: string;
  label: string;
  estimate: number;
  std_error: number;
  p_value: number;
  ratio: number;
  ratio_low: number;
  ratio_high: number;
}

/** A fitted leaving-risk model: enough to score rows and explain its drivers. */
export interface RiskModel {
  kind: 'logistic' | 'cox';
  horizonMonths: number;
  names: string[];
  labels: string[];
  estimate: number[];
  /** Logistic: standard errors clustered by person (sandwich), since a person's months are correlated. Cox: model-based. */
  coefficients: RiskCoefficient[];
  /** Cox only: baseline cumulative hazard at covariates 0, by service day. */
  baseline?: { time: number[]; cumhaz: number[] };
  logistic?: LogisticFit;
  cox?: CoxFit;
  /** Penalised logistic only: the penalty, its mix and the λ chosen by cross-validation by person. */
  penalty?: { kind: 'ridge' | 'elastic-net'; alpha: number; lambda: number; tuning: PenaltyTuning };
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Logistic regression of `y` (1 = resigned within the horizon) on the rows `rows` of a risk design,
 * with cluster-robust (sandwich) standard errors by person: V = B (Σ_c u_c u_cᵀ) B × G/(G − 1), B the
 * inverse information, u_c = Σ over person c's rows of x (y − μ), G people (R: sandwich::vcovCL, HC0
 * with cluster adjustment). Odds ratios with Wald 95% intervals from those errors.
 * @example fitRiskLogistic(design, y, personIds, trainRows, 12)
 */
export function fitRiskLogistic(
  design: RiskDesign,
  y: readonly (number | null)[],
  persons: readonly string[],
  rows: readonly number[],
  horizonMonths: number,
): RiskModel {
  const X = designRows(design, rows);
  const yy = rows.map((i) => outcome('fitRiskLogistic', y[i], i));
  const fit = fitLogistic(X, yy, { names: design.names });
  const mu = predictLogistic(fit, X);
  const V = clusteredVcov(
    X,
    yy,
    mu,
    fit.vcov,
    rows.map((i) => persons[i]),
  );
  const se = V.map((row, j) => Math.sqrt(row[j]));
  return { ...modelOf('logistic', design, horizonMonths, fit.estimate, se), logistic: fit };
}

/**
 * Penalised logistic regression (ridge or elastic net, as glmnet) of `y` on the rows `rows` of a risk
 * design, with the penalty λ chosen by `innerFolds`-fold cross-validation by person among those rows
 * (tunePenalty, folds dealt with `seed`). Coefficients shrink towards 0, so the model's risks are less
 * extreme than maximum likelihood's; its drivers carry ratios but no intervals or p-values (NaN):
 * Wald intervals around a biased estimate would mislead.
 * @example fitRiskPenalised(design, y, personIds, trainRows, 12, { kind: 'ridge' })
 */
export function fitRiskPenalised(
  design: RiskDesign,
  y: readonly (number | null)[],
  persons: readonly string[],
  rows: readonly number[],
  horizonMonths: number,
  {
    kind,
    innerFolds = 5,
    seed = 1,
  }: { kind: 'ridge' | 'elastic-net'; innerFolds?: number; seed?: number },
): RiskModel {
  const X = designRows(design, rows);
  const yy = rows.map((i) => outcome('fitRiskPenalised', y[i], i));
  const alpha = PENALTY_ALPHA[kind];
  const tuning = tunePenalty(X, yy, {
    names: design.names,
    alpha,
    folds: innerFolds,
    seed,
    persons: rows.map((i) => persons[i]),
  });
  const fit = fitPenalisedLogistic(X, yy, { names: design.names, alpha, lambda: tuning.lambda });
  const nan = fit.estimate.map(() => NaN);
  return {
    ...modelOf('logistic', design, horizonMonths, fit.estimate, nan),
    penalty: { kind, alpha, lambda: tuning.lambda, tuning },
  };
}

/**
 * Cox model (Efron ties) on person-month intervals (service_days at the month's end, next_service_days]
 * with event = resigned_next_month, for the rows `rows` whose next interval is observed; the design must
 * have no intercept. Scores a row as 1 − exp(−(H₀(t + h) − H₀(t)) e^{xβ}), t its service days and h
 * the horizon in days, holding its covariates fixed over the horizon.
 * @example fitRiskCox(riskDesign(t, RISK_FEATURES, rows, { intercept: false }), entry, stop, event, rows, 12)
 */
export function fitRiskCox(
  design: RiskDesign,
  entry: readonly (number | null)[],
  stop: readonly (number | null)[],
  event: readonly (number | null)[],
  rows: readonly number[],
  horizonMonths: number,
): RiskModel {
  if (design.names.includes('(Intercept)')) {
    throw new Error(
      'fitRiskCox: the design has an intercept; build it with riskDesign(..., { intercept: false }) (the baseline hazard absorbs it).',
    );
  }
  const used = rows.filter((i) => stop[i] !== null && event[i] !== null && entry[i] !== null);
  const fit = fitCox(
    {
      entry: used.map((i) => entry[i] as number),
      time: used.map((i) => stop[i] as number),
      event: used.map((i) => outcome('fitRiskCox', event[i], i)),
      X: designRows(design, used),
      names: design.names,
      terms: design.terms,
    },
    { ties: 'efron' },
  );
  const se = fit.coefficients.map((c) => c.std_error);
  return {
    ...modelOf('cox', design, horizonMonths, fit.estimate, se),
    baseline: { time: fit.baseline.time, cumhaz: fit.baseline.cumhaz_at_zero },
    cox: fit,
  };
}

/**
 * Probability of resigning within the model's horizon for rows `rows` of a design with the model's
 * columns (build it the same way); `serviceDays` (Cox only) is each row's service at the month's end.
 * @example predictRisk(model, design, testRows, serviceDays)
 */
export function predictRisk(
  model: RiskModel,
  design: Pick<RiskDesign, 'columns' | 'names'>,
  rows: readonly number[],
  serviceDays?: readonly (number | null)[],
): number[] {
  if (design.names.join('|') !== model.names.join('|')) {
    throw new Error(
      `predictRisk: the design's columns (${design.names.join(', ')}) differ from the model's (${model.names.join(', ')}). Build the design over the same table with the same features and fitting rows.`,
    );
  }
  const lp = linearPredictor(design, rows, model.estimate);
  if (model.kind === 'logistic') return lp.map((e) => 1 / (1 + Math.exp(-e)));
  if (serviceDays === undefined)
    throw new Error('predictRisk: a Cox model needs serviceDays (the service_days column).');
  const { time, cumhaz } = model.baseline as { time: number[]; cumhaz: number[] };
  const H = (t: number) => {
    const k = searchSorted(time, t, 'right');
    return k === 0 ? 0 : cumhaz[k - 1];
  };
  const h = model.horizonMonths * DAYS_PER_MONTH;
  return rows.map((i, r) => {
    const t = serviceDays[i] ?? 0;
    return 1 - Math.exp(-(H(t + h) - H(t)) * Math.exp(lp[r]));
  });
}

/** What every fitted RiskModel holds: its kind, horizon, the design's columns, estimate and coefficients. */
function modelOf(
  kind: RiskModel['kind'],
  design: RiskDesign,
  horizonMonths: number,
  estimate: number[],
  se: number[],
): Pick<RiskModel, 'kind' | 'horizonMonths' | 'names' | 'labels' | 'estimate' | 'coefficients'> {
  return {
    kind,
    horizonMonths,
    names: [...design.names],
    labels: [...design.labels],
    estimate,
    coefficients: coefficientsOf(design, estimate, se),
  };
}

function coefficientsOf(design: RiskDesign, estimate: number[], se: number[]): RiskCoefficient[] {
  return waldRows(design.names, estimate, se).map((w, j) => {
    const { ratio, low, high } = ratioInterval(w);
    return {
      term: w.term,
      label: design.labels[j],
      estimate: w.estimate,
      std_error: w.std_error,
      p_value: w.p_value,
      ratio,
      ratio_low: low,
      ratio_high: high,
    };
  });
}

function outcome(fn: string, v: number | null, row: number): number {
  if (v !== 0 && v !== 1) {
    throw new Error(
      `${fn}: row ${row} has outcome ${String(v)}; fit only rows whose outcome is known (0 or 1).`,
    );
  }
  return v;
}
