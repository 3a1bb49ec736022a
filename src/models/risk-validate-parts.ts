// Types of risk validation and the small pieces it shares: concordance of held-out intervals,
// the alignment check of the protected table, month numbers.
import { concordance } from './cox-concordance.js';
import { prepareCoxData } from './cox-input.js';
import type { ZphTest } from './cox-zph.js';
import type { RiskDesign, RiskFeature } from './risk-design.js';
import type { RiskModel } from './risk-model.js';
import type { SkillReport } from './risk-skill.js';
import type { PersonPeriods } from '../transforms/person-period.js';

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
  return concordanceOf(
    rows,
    rows.map((i) => d.X[i].reduce((s, v, j) => s + v * m.estimate[j], 0)),
    entry,
    stop,
    event,
  );
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

export function monthNumber(label: string): number {
  return Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1;
}
