// DuckDB push-down of row-level aggregations for national-scale extracts.
export { type ScaleSession, openScaleSession } from './duckdb-session.js';
export {
  type ScaleEngine,
  type RowInput,
  type ScaleInputs,
  type ScaleOptions,
  DEFAULT_DUCKDB_THRESHOLD_BYTES,
  chooseEngine,
} from './engine.js';
export { type ScaleData, type ScaleDataOptions, openScaleData, isScaleData } from './scale-data.js';
export { type HeadcountAtDatesOptions, summarizeHeadcountAtDates } from './headcount-at-dates.js';
export { type ScalePeriodOptions, summarizeOvertimeByPeriod } from './overtime-by-period.js';
export { type RollingOvertimeOptions, summarizeRollingOvertime } from './overtime-rolling.js';
export { type SicknessByPeriodOptions, summarizeSicknessByPeriod } from './sickness-by-period.js';
export {
  type SpellIndex,
  indexSpells,
  periodsSql,
  periodIndexSql,
  checkScalePeriods,
  checkMeasures,
} from './spells.js';
