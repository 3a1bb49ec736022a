// Shared pieces of risk validation: person folds with a fixed seed, the skill report of held-out
// predictions, and k-fold cross-validated logistic regression on any one-row-per-person table.
import type { ColumnTable } from 'arquero';
import {
  aucScore,
  brierScore,
  calibrationByDecile,
  groupSkill,
  type CalibrationBin,
  type GroupGap,
  type GroupSkill,
} from './metrics.js';
import { riskDesign, type RiskFeature } from './design.js';
import { fitRiskLogistic, predictRisk, type RiskModel } from './model.js';

/** Skill of held-out predictions, overall and per group. */
export interface SkillReport {
  rows: number;
  people: number;
  events: number;
  auc: number | null;
  brier: number;
  /** Brier score of always predicting the held-out base rate r: r(1 − r). Skill = 1 − brier / this. */
  brier_reference: number;
  calibration: CalibrationBin[];
  groups: GroupSkill[];
  gaps: GroupGap[];
}

/**
 * Fold (0 … k − 1) of every row such that all rows of one person share a fold: distinct persons in
 * order of first appearance are shuffled (Fisher–Yates, mulberry32 generator seeded with `seed`) and
 * dealt round-robin, so fold sizes differ by at most one person.
 * @example personFolds(['a', 'a', 'b', 'c'], 2, 1) // e.g. [1, 1, 0, 1]
 */
export function personFolds(persons: readonly string[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2)
    throw new Error(`personFolds: k = ${k}; use a whole number of folds ≥ 2 (5 or 10 are usual).`);
  const distinct = [...new Set(persons)];
  if (distinct.length < k)
    throw new Error(
      `personFolds: ${distinct.length} people cannot fill ${k} folds; use fewer folds.`,
    );
  const random = mulberry32(seed);
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [distinct[i], distinct[j]] = [distinct[j], distinct[i]];
  }
  const fold = new Map(distinct.map((p, i) => [p, i % k]));
  return persons.map((p) => fold.get(p) as number);
}

/**
 * The skill report of predictions `p` for outcomes `y` (0/1): AUC, Brier score and its base-rate
 * reference, calibration by decile, and per-group skill with gaps (groups under minGroupSize people,
 * leavers or stayers are not reported).
 * @example skillReport(p, y, persons, { sex }, 5).auc
 */
export function skillReport(
  p: readonly number[],
  y: readonly number[],
  persons: readonly string[],
  dimensions: Readonly<Record<string, readonly (string | null)[]>>,
  minGroupSize = 5,
): SkillReport {
  const events = y.reduce((a, b) => a + b, 0);
  const rate = events / y.length;
  const { groups, gaps } = groupSkill(p, y, persons, dimensions, { minGroupSize });
  return {
    rows: y.length,
    people: new Set(persons).size,
    events,
    auc: aucScore(p, y),
    brier: brierScore(p, y),
    brier_reference: rate * (1 - rate),
    calibration: calibrationByDecile(p, y),
    groups,
    gaps,
  };
}

export interface CrossValidationOptions {
  features: readonly RiskFeature[];
  /** 0/1 outcome column. */
  outcome: string;
  /** Column identifying the person (folds never split a person). */
  person: string;
  folds?: number;
  seed?: number;
  /** Columns to measure group gaps on (may include protected ones: they are never inputs). */
  groups?: readonly string[];
  minGroupSize?: number;
}

/**
 * k-fold cross-validated logistic regression by person: each fold is scored by a model fitted on the
 * other folds, and the pooled out-of-fold predictions are scored; also the AUC of each fold, and the
 * model refitted on every row (for its drivers).
 * @example crossValidateLogistic(ibm, { features, outcome: 'left', person: 'employee_id', folds: 10, seed: 1 })
 */
export function crossValidateLogistic(
  table: ColumnTable,
  {
    features,
    outcome,
    person,
    folds = 10,
    seed = 1,
    groups = [],
    minGroupSize = 5,
  }: CrossValidationOptions,
): {
  folds: number;
  seed: number;
  fold_auc: (number | null)[];
  skill: SkillReport;
  model: RiskModel;
} {
  const y = table.array(outcome) as ArrayLike<number | null>;
  const persons = Array.from(table.array(person) as ArrayLike<unknown>, String);
  const rows = [...Array(table.numRows()).keys()].filter((i) => y[i] === 0 || y[i] === 1);
  const design = riskDesign(table, features, rows, { outcome: Array.from(y) });
  const fold = personFolds(
    rows.map((i) => persons[i]),
    folds,
    seed,
  );
  const predicted = new Array<number>(rows.length);
  const foldAuc: (number | null)[] = [];
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((_, r) => fold[r] !== f);
    const testIdx = rows.map((_, r) => r).filter((r) => fold[r] === f);
    const model = fitRiskLogistic(design, Array.from(y), persons, train, 0);
    const p = predictRisk(
      model,
      design,
      testIdx.map((r) => rows[r]),
    );
    testIdx.forEach((r, j) => (predicted[r] = p[j]));
    foldAuc.push(
      aucScore(
        p,
        testIdx.map((r) => y[rows[r]] as number),
      ),
    );
  }
  const dims = Object.fromEntries(
    groups.map((g) => [g, rows.map((i) => valueOf(table.get(g, i)))]),
  );
  const skill = skillReport(
    predicted,
    rows.map((i) => y[i] as number),
    rows.map((i) => persons[i]),
    dims,
    minGroupSize,
  );
  const model = fitRiskLogistic(design, Array.from(y), persons, rows, 0);
  return { folds, seed, fold_auc: foldAuc, skill, model };
}

function valueOf(v: unknown): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

// mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same folds everywhere.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
