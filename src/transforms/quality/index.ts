// The data-quality report: rows loaded and rejected, completeness, coverage, equality data.
export {
  LOAD_SUMMARY_CARD,
  LOAD_ISSUES_CARD,
  COMPLETENESS_CARD,
  COVERAGE_CARD,
  EQUALITY_CARD,
  LOAD_SUMMARY_SPEC,
  LOAD_ISSUES_SPEC,
  COMPLETENESS_SPEC,
  COVERAGE_SPEC,
  EQUALITY_SPEC,
} from './cards.js';
export { summarizeCompleteness, summarizeCoverage, isFilled } from './columns.js';
export {
  type EqualityCharacteristic,
  type EqualityInput,
  summarizeEqualityCompleteness,
} from './equality.js';
export {
  type DataQualityOptions,
  type DataQuality,
  summarizeDataQuality,
  type ComparisonQuery,
  isComparisonReliable,
  checkComparisonReliable,
  equalityVerdicts,
} from './report.js';
