// Leavers, leaver rates, length of service, retention curves, the 3-year point and the cost of early leavers.
export {
  type LeaverCostBand,
  type LeaverCostModel,
  DEFAULT_LEAVER_COST_MODEL,
  EARLY_LEAVER_COST,
  type LeaverCostOptions,
  summarizeEarlyLeaverCost,
  earlyLeaverCostSpec,
} from './cost.js';
export {
  type SurvivalByOptions,
  fitKaplanMeierBy,
  fitAalenJohansenBy,
  keepStepsWithRisk,
} from './curves.js';
export {
  type LeaverOptions,
  HEADLINE_LEAVERS,
  LEAVERS_BY_TYPE,
  LEAVER_RATE,
  TURNOVER,
  summarizeLeaversByType,
  summarizeLeaverRates,
  leaverRatesSpec,
  leaversByTypeSpec,
} from './leavers.js';
export {
  type NewStarterOptions,
  NEW_STARTER_TURNOVER,
  summarizeNewStarterTurnover,
  newStarterTurnoverSpec,
} from './new-starters.js';
export {
  RETENTION_LOG_RANK,
  RESIGNATION_TEST,
  type RetentionCompareOptions,
  type RetentionTestOptions,
  type RetentionDifference,
  summarizeMedianTenure,
  testRetentionDifference,
  medianTenureSpec,
  RETENTION_LOG_RANK_SPEC,
} from './retention-compare.js';
export {
  type TenureUnit,
  type RetentionDataOptions,
  RETENTION_TIME_SCALE,
  deriveRetentionData,
  retentionUnavailableReason,
} from './retention-data.js';
export {
  type OvertimeLevelOptions,
  OVERTIME_LEVEL,
  deriveOvertimeLevel,
} from './retention-overtime.js';
export {
  type RetentionCurveOptions,
  RETENTION_CURVE,
  RESIGNATION_INCIDENCE,
  summarizeRetentionCurves,
  summarizeResignationIncidence,
  retentionCurveSpec,
} from './retention.js';
export {
  JL6_EDGES,
  type ServiceBandOptions,
  type ServiceBasis,
  deriveServiceBand,
  parseServiceBands,
  serviceBandLabels,
  serviceBasisNote,
} from './service-bands.js';
export {
  SERVICE_AT_LEAVING,
  serviceAtLeavingCard,
  SHORT_SERVICE_SHARE,
  summarizeServiceAtLeaving,
  type ServiceSummaryOptions,
  summarizeShortServiceShare,
  serviceAtLeavingSpec,
  shortServiceShareSpec,
} from './service.js';
export {
  type ThreeYearByUnitOptions,
  type ThreeYearByUnit,
  summarizeThreeYearByUnit,
  threeYearByUnitSpec,
} from './three-year-units.js';
export {
  THREE_YEAR_RESIGNATION,
  type ThreeYearOptions,
  type ThreeYearResult,
  summarizeThreeYearResignation,
  threeYearSpec,
} from './three-year.js';
