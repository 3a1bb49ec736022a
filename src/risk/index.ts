// The leaving-risk model: fit, validation, fairness, model card, what-if.
export { type IntervalEstimate, type CalibrationFit, calibrationFit } from './calibration.js';
export {
  type RiskModelCard,
  type RiskCardInput,
  riskModelCard,
  riskModelCardMarkdown,
  riskModelCardHtml,
} from './card.js';
export {
  type RiskFeature,
  RISK_FEATURES,
  COX_FEATURES,
  type RiskDesign,
  riskDesign,
  designRows,
  linearPredictor,
} from './design.js';
export { type IndividualRiskOptions, listIndividualRisk } from './individual.js';
export { type CoxIntervals, coxIntervals } from './intervals.js';
export {
  type CalibrationBin,
  type GroupSkill,
  type GroupGap,
  aucScore,
  brierScore,
  calibrationByDecile,
} from './metrics.js';
export {
  type RiskCoefficient,
  type RiskModel,
  fitRiskLogistic,
  fitRiskCox,
  predictRisk,
} from './model.js';
export {
  type ScoredRisk,
  fitRiskModel,
  summarizeRisk,
  riskSummarySpec,
  riskDrivers,
  riskDriversSpec,
} from './output.js';
export { personFolds } from './folds.js';
export {
  type PenaltyKind,
  type PenaltyChoice,
  type PenaltyTuningOptions,
  type PenaltyTuning,
  MIN_EVENTS_PER_PARAMETER,
  PENALTY_ALPHA,
  choosePenalty,
  tunePenalty,
} from './penalty.js';
export { type SkillReport, type CrossValidationOptions, crossValidateLogistic } from './skill.js';
export {
  validateRiskModel,
  type RiskScheme,
  type RiskValidationOptions,
  type RiskValidation,
  coxConcordance,
  concordanceOf,
  checkAligned,
} from './validate.js';
export {
  type SnapshotMapping,
  type Snapshot,
  isSnapshotMapping,
  parseSnapshotMapping,
  readSnapshotMapping,
  loadSnapshot,
} from './snapshot.js';
export { type SnapshotCardOptions, snapshotModelCard } from './snapshot-card.js';
export { type WhatIfOptions, whatIfRisk, whatIfSpec } from './whatif.js';
