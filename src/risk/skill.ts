// Shared pieces of risk validation: the skill report of held-out predictions, the comparison of plain
// and penalised models, and k-fold cross-validated logistic regression on any one-row-per-person table.
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
import { calibrationFit, type CalibrationFit } from './calibration.js';
import { riskDesign, type RiskDesign, type RiskFeature } from './design.js';
import { personFolds } from './folds.js';
import { fitRiskLogistic, fitRiskPenalised, predictRisk, type RiskModel } from './model.js';
import { choosePenalty, type PenaltyChoice, type PenaltyKind } from './penalty.js';

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
  /** Calibration slope and intercept with intervals (logistic recalibration), and its flag. */
  calibration_fit: CalibrationFit;
  groups: GroupSkill[];
  gaps: GroupGap[];
}

/** One model's skill on the same held-out rows, for the plain-versus-penalised comparison. */
export interface ModelComparison {
  model: PenaltyKind;
  /** The model the card reports (chosen by the rule or asked for). */
  chosen: boolean;
  auc: number | null;
  brier: number;
  calibration: CalibrationFit;
  /** Penalised: λ of the model refitted on every row (each fold chose its own). */
  lambda: number | null;
}

/**
 * One row per model validated on the same rows (plain and penalised): its kind, whether `choice`
 * picked it, its AUC, Brier score and calibration, and λ for a penalised one (null otherwise).
 * @example compareModels([{ kind: 'none', model, skill }], choosePenalty(leavers, p, 'auto'))
 */
export function compareModels(
  runs: readonly { kind: PenaltyKind; model: RiskModel; skill: SkillReport }[],
  choice: PenaltyChoice,
): ModelComparison[] {
  return runs.map((r) => ({
    model: r.kind,
    chosen: r.kind === choice.kind,
    auc: r.skill.auc,
    brier: r.skill.brier,
    calibration: r.skill.calibration_fit,
    lambda: r.model.penalty?.lambda ?? null,
  }));
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
    calibration_fit: calibrationFit(p, y, { persons, boundary: 'drop' }),
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
  /** 'auto' (default: ridge under 20 events per parameter, see choosePenalty), 'none', 'ridge' or 'elastic-net'. */
  penalty?: PenaltyKind | 'auto';
  /** Folds of the inner cross-validation that chooses the penalty (default 5). */
  innerFolds?: number;
}

/** What crossValidateLogistic returns: the chosen model's skill, and the comparison. */
export interface CrossValidation {
  folds: number;
  seed: number;
  /** AUC of each outer fold, for the chosen model. */
  fold_auc: (number | null)[];
  skill: SkillReport;
  /** The chosen model refitted on every row (for its drivers). */
  model: RiskModel;
  penalty: PenaltyChoice;
  /** Plain and penalised on the same folds (only plain when the penalty is 'none'). */
  comparison: ModelComparison[];
}

/**
 * k-fold cross-validated logistic regression by person: each fold is scored by a model fitted on the
 * other folds, and the pooled out-of-fold predictions are scored. The plain (maximum-likelihood) model
 * and a penalised one (ridge, or the elastic net when asked; its penalty chosen by an inner
 * cross-validation by person within each training part) are compared on the same folds; the rule of
 * choosePenalty picks which one `skill` and `model` report, unless `penalty` names one ('none' skips
 * the penalised fit). Also the AUC of each fold, and the chosen model refitted on every row.
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
    penalty = 'auto',
    innerFolds = 5,
  }: CrossValidationOptions,
): CrossValidation {
  const y = Array.from(table.array(outcome) as ArrayLike<number | null>);
  const persons = Array.from(table.array(person) as ArrayLike<unknown>, String);
  const rows = [...Array(table.numRows()).keys()].filter((i) => y[i] === 0 || y[i] === 1);
  const design = riskDesign(table, features, rows, { outcome: y });
  const fold = personFolds(
    rows.map((i) => persons[i]),
    folds,
    seed,
  );
  const leavers = new Set(rows.filter((i) => y[i] === 1).map((i) => persons[i])).size;
  const choice = choosePenalty(leavers, design.names.length, penalty);
  const kinds: PenaltyKind[] =
    penalty === 'none' ? ['none'] : ['none', choice.kind === 'none' ? 'ridge' : choice.kind];
  const dims = Object.fromEntries(
    groups.map((g) => [g, rows.map((i) => valueOf(table.get(g, i)))]),
  );
  const fit = (kind: PenaltyKind, fitRows: readonly number[]) =>
    kind === 'none'
      ? fitRiskLogistic(design, y, persons, fitRows, 0)
      : fitRiskPenalised(design, y, persons, fitRows, 0, { kind, innerFolds, seed });
  const runs = kinds.map((kind) => {
    const { predicted, foldAuc } = outOfFold(design, y, rows, fold, folds, (train) =>
      fit(kind, train),
    );
    const skill = skillReport(
      predicted,
      rows.map((i) => y[i] as number),
      rows.map((i) => persons[i]),
      dims,
      minGroupSize,
    );
    return { kind, skill, foldAuc, model: fit(kind, rows) };
  });
  const chosen = runs.find((r) => r.kind === choice.kind)!;
  return {
    folds,
    seed,
    fold_auc: chosen.foldAuc,
    skill: chosen.skill,
    model: chosen.model,
    penalty: choice,
    comparison: compareModels(runs, choice),
  };
}

/** Out-of-fold predictions: fold f scored by the model fitted on the other folds, and each fold's AUC. */
function outOfFold(
  design: RiskDesign,
  y: readonly (number | null)[],
  rows: readonly number[],
  fold: readonly number[],
  folds: number,
  fit: (train: number[]) => RiskModel,
): { predicted: number[]; foldAuc: (number | null)[] } {
  const predicted = new Array<number>(rows.length);
  const foldAuc: (number | null)[] = [];
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((_, r) => fold[r] !== f);
    const testIdx = rows.map((_, r) => r).filter((r) => fold[r] === f);
    const p = predictRisk(
      fit(train),
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
  return { predicted, foldAuc };
}

function valueOf(v: unknown): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}
