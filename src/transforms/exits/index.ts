// Exit interviews: coverage, reasons, reason groups, trends, themes and the year before leaving.
export {
  BEFORE_LEAVING,
  type BeforeLeavingOptions,
  compareLeaversWithStayers,
  beforeLeavingSpec,
} from './before-leaving.js';
export {
  EXIT_REASON_PAIRS,
  summarizeExitReasonPairs,
  exitReasonPairsSpec,
} from './cooccurrence.js';
export { EXIT_INTERVIEW_COVERAGE, summarizeExitCoverage, exitCoverageSpec } from './coverage.js';
export { type ExitLeaverOptions, EXIT_LEAVERS, deriveExitLeavers } from './leavers.js';
export { type ExitGroupOptions, exitGroups } from './margins.js';
export {
  type ExitReasonGroups,
  DEFAULT_EXIT_REASON_GROUPS,
  EXIT_REASON_GROUP_SHARE,
  parseExitReasonGroups,
  summarizeExitReasonGroups,
  exitReasonGroupsSpec,
} from './reason-groups.js';
export {
  EXIT_REASONS_CITED,
  type ExitReasonOptions,
  summarizeExitReasons,
  exitReasonsSpec,
} from './reasons.js';
export { EXIT_SENTIMENT, summarizeExitSentiment, exitSentimentSpec } from './sentiment.js';
export {
  type ExitThemes,
  DEFAULT_EXIT_THEMES,
  EXIT_COMMENT_THEMES,
  summarizeExitThemes,
  exitThemesSpec,
} from './themes.js';
export { EXIT_REASON_CHANGE, type ExitReasonChange, testExitReasonChange } from './trend.js';
