// Sickness absence: lost time, frequency, long-term and mental-health absence, seasonality, return to work.
export { type BradfordOptions, summarizeBradfordFactor, BRADFORD_FACTOR } from './bradford.js';
export {
  DAYS_LOST_PER_FTE,
  LOST_TIME_RATE,
  SICKNESS_FREQUENCY,
  LONG_TERM_SICKNESS,
  MENTAL_HEALTH_SHARE,
} from './cards.js';
export { type FunnelOptions, flagFunnelOutliers, FUNNEL_OUTLIERS } from './funnel.js';
export {
  type IndicatorRateOptions,
  summarizeIndicatorRate,
  indicatorRateCellSpec,
  SICKNESS_ABSENCE_RATE_FTE_DAYS,
} from './published-rates.js';
export {
  type ReturnToWorkOptions,
  summarizeReturnToWork,
  returnToWorkCellSpec,
  RETURN_TO_WORK,
} from './return-to-work.js';
export {
  type SeasonCalendar,
  type SeasonalityOptions,
  summarizeSicknessSeasonality,
  seasonalityCellSpec,
  SICKNESS_SEASONALITY,
} from './seasonality.js';
export { type SicknessOptions, summarizeSickness, sicknessCellSpec } from './summary.js';
