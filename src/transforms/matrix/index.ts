// The well-being matrix: indicators per unit, rolled up the hierarchy, scored and combined into a temperature.
export { type MatrixCountOptions, summarizeMatrixCounts } from './counts.js';
export {
  LONG_TERM_LOST_TIME,
  OH_REFERRALS_PER_100_FTE,
  VOLUNTARY_RESIGNATION_RATE,
  EARLY_LEAVER_RATE,
  EXITS_CITING_WORKLOAD,
  SURVEY_WELLBEING_SCORE,
  WORKLOAD_PER_FTE,
  type MatrixIndicator,
  DEFAULT_MATRIX_INDICATORS,
  pickIndicators,
} from './indicators.js';
export { derivePostingSpells } from './posting-spells.js';
export {
  type MatrixRollUpOptions,
  rollUpMatrix,
  deriveMatrixCells,
  wellbeingMatrixCellSpec,
} from './rollup.js';
export { REST_UNIT_ID, scopeUnitTree, summarizeUnitMatrix } from './scope.js';
export {
  type MatrixScoreOptions,
  type HeatCell,
  MATRIX_BANDS,
  scoreWellbeingMatrix,
  scoreIndicatorCells,
} from './score.js';
export {
  type ScoredMatrix,
  scoreMatrix,
  checkScoredMatrix,
  matrixTemperatureTrend,
} from './scored.js';
export { type WellbeingMatrixOptions, summarizeWellbeingMatrix } from './summary.js';
export { addReferrals, addLeavers, addIndicator } from './sums.js';
export {
  type MatrixTemperatureOptions,
  type TemperatureCell,
  summarizeMatrixTemperature,
  unitTemperatures,
  WELLBEING_TEMPERATURE,
} from './temperature.js';
export { type TemperatureChangeOptions, bootstrapTemperatureChange } from './temperature-change.js';
export { type MatrixUnit, matrixUnitInfo } from './units.js';
