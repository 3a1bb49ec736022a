// Validation of the leaving-risk model on person-months. Out of time: fit on the months whose outcome
// was known before the test year began, score the last year with a known outcome. Cross-validation:
// k folds by person. Steps: choose rows → design → fit → score held-out rows → skill by group.
import { InsufficientDataError } from '../shared/errors.js';
import {
  COX_FEATURES,
  divergentColumns,
  dropDesignColumns,
  linearPredictor,
  RISK_FEATURES,
  riskDesign,
  type RiskDesign,
  type RiskFeature,
} from './design.js';
import {
  fitRiskCox,
  fitRiskLogistic,
  fitRiskPenalised,
  predictRisk,
  type RiskModel,
} from './model.js';
import { coxIntervals } from './intervals.js';
import { personFolds } from './folds.js';
import { choosePenalty, type PenaltyChoice, type PenaltyKind } from './penalty.js';
import { compareModels, type ModelComparison, type SkillReport, skillReport } from './skill.js';
import type { PersonPeriods } from '../transforms/person-period/build.js';
import { formatDate } from '../time/dates.js';
import { monthIndex, monthLabel, parseMonthLabel } from '../time/months.js';
import { concordance } from '../stats/cox/concordance.js';
import { prepareCoxData } from '../stats/cox/input.js';
import type { ZphTest } from '../stats/cox/zph.js';

/**
 * Validates a leaving-risk model on person-months (buildPersonPeriods). 'out-of-time': the test months
 * are the last 12 whose horizon ended by the as-of date; training months end `horizonMonths` before the
 * test year starts, so no training outcome was unknown when the test year began. 'cv': k folds by
 * person over every row with a known outcome. Skill: AUC, Brier, calibration by decile, and the same by
 * sex, ethnicity group and worker type with gaps (protected characteristics are never inputs).
 * Logistic: the plain model and a penalised one (ridge, or as `penalty` says; its λ chosen by inner
 * cross-validation by person on the training rows) are both validated on the same test rows; the
 * card reports the one choosePenalty picks (ridge under 20 leavers per parameter) beside the other.
 * @example validateRiskModel(buildPersonPeriods(data), { model: 'logistic', scheme: 'out-of-time' }).test.auc
 */
export function validateRiskModel(
  pp: PersonPeriods,
  {
    model = 'logistic',
    scheme = 'out-of-time',
    folds = 5,
    seed = 1,
    features,
    minGroupSize = 5,
    coxStepMonths = 1,
    penalty = 'auto',
    innerFolds = 5,
  }: RiskValidationOptions = {},
): RiskValidation {
  const t = pp.table;
  checkAligned(pp);
  const inputs = features ?? (model === 'cox' ? COX_FEATURES : RISK_FEATURES);
  const y = Array.from(t.array('resigned_within_horizon') as ArrayLike<number | null>);
  const persons = Array.from(t.array('person_id') as ArrayLike<string>);
  const month = Array.from(t.array('month') as ArrayLike<string>, (label) =>
    parseMonthLabel(label),
  );
  const service = Array.from(t.array('service_days') as ArrayLike<number>);
  // Cox: monthly intervals (coxStepMonths > 1 joins months: fewer rows, covariates held per block)
  const { stop: next, event } = coxIntervals(
    persons,
    service,
    t.array('next_service_days') as ArrayLike<number | null>,
    t.array('resigned_next_month') as ArrayLike<number | null>,
    model === 'cox' ? coxStepMonths : 1,
  );
  const dims: Record<string, (string | null)[]> = {
    sex: Array.from(pp.protected.array('sex') as ArrayLike<string | null>),
    ethnicity_group: Array.from(pp.protected.array('ethnicity_group') as ArrayLike<string | null>),
    worker_type: Array.from(t.array('worker_type') as ArrayLike<string | null>),
  };
  // Only months whose whole horizon is observed: a leaver's month with the horizon still open would
  // otherwise enter with outcome 1 while stayers of the same month are unknown (a biased sample).
  const lastComplete = monthIndex(pp.asOf + 1) - 1 - pp.horizonMonths;
  const known = [...y.keys()].filter((i) => month[i] <= lastComplete && (y[i] === 0 || y[i] === 1));
  if (known.length === 0) {
    throw new Error(
      `validateRiskModel: no month has its whole ${pp.horizonMonths}-month horizon before the as-of date ${formatDate(pp.asOf)}. Use a shorter horizon or more history.`,
    );
  }
  const h = pp.horizonMonths;
  // A small force can leave a column with no finite estimate (e.g. no one with an OH referral
  // resigned): drop such columns, say so in the model card, and fit again.
  const fit = (design: RiskDesign, rows: number[]): RiskModel => {
    for (let attempt = 0; ; attempt++) {
      if (model === 'cox' && design.names.length === 0) {
        throw new InsufficientDataError(
          `validateRiskModel: the Cox model has no covariate left: every input is absent or constant in the extract (${design.dropped.map((d) => d.name).join(', ')}), and length of service is its time axis. Add overtime, sickness, postings or welfare checks to the mapping, or use the logistic model.`,
          'a Cox covariate that varies',
        );
      }
      try {
        return model === 'logistic'
          ? fitRiskLogistic(design, y, persons, rows, h)
          : fitRiskCox(design, service, next, event, rows, h);
      } catch (error) {
        const diverging = divergentColumns(error, design.names);
        if (diverging.length === 0 || attempt >= 5) throw error;
        dropDesignColumns(
          design,
          diverging,
          'no finite estimate in the fitting rows (too few leavers or stayers)',
        );
      }
    }
  };
  const score = (m: RiskModel, d: RiskDesign, rows: number[]) => predictRisk(m, d, rows, service);
  const intercept = model === 'logistic';
  const report = (rows: number[], p: number[]) =>
    skillReport(
      p,
      rows.map((i) => y[i] as number),
      rows.map((i) => persons[i]),
      Object.fromEntries(Object.entries(dims).map(([k, v]) => [k, rows.map((i) => v[i])])),
      minGroupSize,
    );
  const summary = (rows: number[]) => ({
    rows: rows.length,
    people: new Set(rows.map((i) => persons[i])).size,
    events: rows.reduce((s, i) => s + ((model === 'logistic' ? y[i] : event[i]) ?? 0), 0),
  });
  // Logistic: penalise by the events-per-parameter rule (leavers counted as people); Cox: never.
  const penaltyChoice = (fitRows: number[], design: RiskDesign): PenaltyChoice => {
    if (model === 'cox') {
      return {
        kind: 'none',
        events: summary(fitRows).events,
        parameters: design.names.length,
        events_per_parameter: summary(fitRows).events / design.names.length,
        reason: 'The Cox model is fitted unpenalised.',
      };
    }
    const leavers = new Set(fitRows.filter((i) => y[i] === 1).map((i) => persons[i])).size;
    return choosePenalty(leavers, design.names.length, penalty);
  };
  const kindsOf = (choice: PenaltyChoice): PenaltyKind[] =>
    model === 'cox' || penalty === 'none'
      ? ['none']
      : ['none', choice.kind === 'none' ? 'ridge' : choice.kind];
  const penalisedFit = (kind: PenaltyKind, design: RiskDesign, fitRows: number[]) =>
    fitRiskPenalised(design, y, persons, fitRows, h, {
      kind: kind as 'ridge' | 'elastic-net',
      innerFolds,
      seed,
    });
  if (scheme === 'out-of-time') {
    const lastKnown = known.reduce((m, i) => Math.max(m, month[i]), -Infinity);
    const testFrom = lastKnown - 11;
    const trainTo = testFrom - 1 - h;
    const test = known.filter((i) => month[i] >= testFrom);
    const train = (
      model === 'logistic' ? known : [...y.keys()].filter((i) => next[i] !== null)
    ).filter((i) => month[i] <= trainTo);
    const firstMonth = month.reduce((m, v) => Math.min(m, v), Infinity);
    if (train.length === 0 || firstMonth > trainTo) {
      throw new Error(
        `validateRiskModel: no training months: the test year starts ${monthLabel(testFrom)} and training outcomes must be known ${h} months before it, but the rows start ${monthLabel(firstMonth)}. Use { scheme: 'cv' }, a shorter horizon (6), or more history.`,
      );
    }
    const design = riskDesign(t, inputs, train, {
      intercept,
      outcome: model === 'logistic' ? y : event,
    });
    const plain = fit(design, train);
    const choice = penaltyChoice(train, design);
    const runs = kindsOf(choice).map((kind) => {
      const m = kind === 'none' ? plain : penalisedFit(kind, design, train);
      return { kind, model: m, skill: report(test, score(m, design, test)) };
    });
    const chosen = runs.find((r) => r.kind === choice.kind)!;
    const fitted = chosen.model;
    return {
      model,
      scheme,
      description: `Fitted on ${monthLabel(firstMonth)} to ${monthLabel(trainTo)} (outcomes known by ${monthLabel(trainTo + h)}), tested on ${monthLabel(testFrom)} to ${monthLabel(lastKnown)}, months it never saw.`,
      train_months: [monthLabel(firstMonth), monthLabel(trainTo)],
      test_months: [monthLabel(testFrom), monthLabel(lastKnown)],
      folds: null,
      seed: null,
      train: summary(train),
      test: chosen.skill,
      penalty: choice,
      comparison: compareModels(runs, choice),
      concordance:
        model === 'cox'
          ? coxConcordance(
              fitted,
              design,
              test.filter((i) => next[i] !== null),
              service,
              next,
              event,
            )
          : null,
      zph: fitted.cox?.zph ?? null,
      fitted,
      dropped: design.dropped,
    };
  }
  const rows = model === 'logistic' ? known : known.filter((i) => next[i] !== null);
  const design = riskDesign(t, inputs, rows, {
    intercept,
    outcome: model === 'logistic' ? y : event,
  });
  const fold = personFolds(
    rows.map((i) => persons[i]),
    folds,
    seed,
  );
  const choice = penaltyChoice(rows, design);
  const lp = new Array<number>(rows.length);
  const runs = kindsOf(choice).map((kind) => {
    const p = new Array<number>(rows.length);
    for (let f = 0; f < folds; f++) {
      const idx = rows.map((_, r) => r).filter((r) => fold[r] === f);
      const trainRows = rows.filter((_, r) => fold[r] !== f);
      // each fold gets its own design: a sparse flag may separate the outcome in one fold only
      const d = riskDesign(t, inputs, trainRows, {
        intercept,
        outcome: model === 'logistic' ? y : event,
      });
      const m = kind === 'none' ? fit(d, trainRows) : penalisedFit(kind, d, trainRows);
      score(
        m,
        d,
        idx.map((r) => rows[r]),
      ).forEach((v, j) => (p[idx[j]] = v));
      if (kind === 'none') {
        const fold = linearPredictor(
          d,
          idx.map((r) => rows[r]),
          m.estimate,
        );
        idx.forEach((r, k) => (lp[r] = fold[k]));
      }
    }
    const refit = kind === 'none' ? fit(design, rows) : penalisedFit(kind, design, rows);
    return { kind, model: refit, skill: report(rows, p) };
  });
  const chosen = runs.find((r) => r.kind === choice.kind)!;
  const fitted = chosen.model;
  return {
    model,
    scheme,
    description: `${folds}-fold cross-validation by person (seed ${seed}): each person's months are scored by a model that never saw that person.`,
    train_months: null,
    test_months: null,
    folds,
    seed,
    train: summary(rows),
    test: chosen.skill,
    penalty: choice,
    comparison: compareModels(runs, choice),
    concordance: model === 'cox' ? concordanceOf(rows, lp, service, next, event) : null,
    zph: fitted.cox?.zph ?? null,
    fitted,
    dropped: design.dropped,
  };
}

export type RiskScheme = 'out-of-time' | 'cv';

export interface RiskValidationOptions {
  model?: 'logistic' | 'cox';
  scheme?: RiskScheme;
  /** Cross-validation: number of folds (default 5) and seed of the person shuffle (default 1). */
  folds?: number;
  seed?: number;
  features?: readonly RiskFeature[];
  /** Groups smaller than this (people, leavers or stayers) are not reported (default 5). */
  minGroupSize?: number;
  /**
   * Cox: months per (start, stop] interval (default 1: covariates updated every month). 3 joins months
   * in blocks (a third of the rows, about half the fitting time) holding each block's first-month
   * covariates, which changes the estimates: use it only when a large force makes monthly rows slow.
   */
  coxStepMonths?: number;
  /** Logistic: 'auto' (default: ridge under 20 leavers per parameter), 'none', 'ridge' or 'elastic-net'. */
  penalty?: PenaltyKind | 'auto';
  /** Folds of the inner cross-validation by person that chooses the penalty (default 5). */
  innerFolds?: number;
}

/** How the model was validated and how well it did on rows it never saw. */
export interface RiskValidation {
  model: 'logistic' | 'cox';
  scheme: RiskScheme;
  /** Plain-language description of the split. */
  description: string;
  train_months: [string, string] | null;
  test_months: [string, string] | null;
  folds: number | null;
  seed: number | null;
  train: { rows: number; people: number; events: number };
  test: SkillReport;
  /** Which penalty the reported model has, and why. */
  penalty: PenaltyChoice;
  /** Plain and penalised validated on the same rows (one entry when only one was fitted). */
  comparison: ModelComparison[];
  /** Cox only: Harrell's concordance of the linear predictor on the held-out monthly intervals. */
  concordance: number | null;
  /** Cox only: cox.zph proportional-hazards tests on the fitted model. */
  zph: ZphTest[] | null;
  /** The fitted model (out of time: on the training months; cv: refitted on every row). */
  fitted: RiskModel;
  dropped: { name: string; reason: string }[];
}

export function coxConcordance(
  m: RiskModel,
  d: RiskDesign,
  rows: number[],
  entry: number[],
  stop: (number | null)[],
  event: (number | null)[],
) {
  return concordanceOf(rows, linearPredictor(d, rows, m.estimate), entry, stop, event);
}

export function concordanceOf(
  rows: number[],
  lp: number[],
  entry: number[],
  stop: (number | null)[],
  event: (number | null)[],
): number | null {
  const data = {
    entry: rows.map((i) => entry[i]),
    time: rows.map((i) => stop[i] as number),
    event: rows.map((i) => event[i] as number),
    X: rows.map(() => [0]),
    names: ['none'],
  };
  if (!data.event.some((e) => e === 1)) return null;
  return concordance(prepareCoxData(data), lp).concordance;
}

export function checkAligned(pp: PersonPeriods): void {
  const a = pp.table.array('person_id') as ArrayLike<string>;
  const b = pp.protected.array('person_id') as ArrayLike<string>;
  const am = pp.table.array('month') as ArrayLike<string>;
  const bm = pp.protected.array('month') as ArrayLike<string>;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] || am[i] !== bm[i] || a.length !== b.length) {
      throw new Error(
        `validateRiskModel: the protected table is not aligned with the model rows at row ${i} (${a[i]} ${am[i]} vs ${b[i]} ${bm[i]}). Filter both tables with the same rows, or rebuild them with buildPersonPeriods().`,
      );
    }
  }
}
