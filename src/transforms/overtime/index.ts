// Overtime volume and concentration, when it is worked, the working-time view, and what it says about well-being.
export {
  type OvertimeDistributionOptions,
  summarizeOvertimeDistribution,
  spread,
  overtimeDistributionCellSpec,
  OVERTIME_CONCENTRATION,
} from './distribution.js';
export {
  type OvertimePatternOptions,
  summarizeOvertimePattern,
  overtimePatternCellSpec,
  OVERTIME_PATTERN,
} from './patterns.js';
export {
  summarizeOvertime,
  type OvertimeOptions,
  overtimeCellSpec,
  periodFinder,
  OVERTIME_HOURS_PER_FTE,
  REST_DAYS_WORKED,
} from './summary.js';
export {
  type OvertimeBandOptions,
  summarizeWellbeingByOvertimeBand,
  overtimeBandCellSpec,
  WELLBEING_BY_OVERTIME_BAND,
} from './wellbeing.js';
export {
  type WorkingTimeOptions,
  summarizeWorkingTime,
  workingTimeCellSpec,
  WORKING_TIME_OVER_48,
} from './working-time.js';
