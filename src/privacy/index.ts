// Disclosure control: the public API of src/privacy (see docs/disclosure-control.md).
export { publishTable } from './publish.js';
export {
  DEFAULT_POLICY,
  resolvePolicy,
  protectionIntervalOf,
  type DisclosurePolicy,
  type RatePolicy,
} from './policy.js';
export { DOMINANCE_RULE } from './spec.js';
export type { CellSpec, RateSpec, MeanSpec, HierarchySpec, ContributorSpec } from './spec.js';
export { roundDecimals } from './publish.js';
export {
  isPublishedTable,
  checkPublishedTable,
  analystBannerHtml,
  publishedTableHtml,
  selectPublishedRows,
  type PublishedTable,
  type CellStatus,
} from './published.js';
export {
  suppressionSummaryText,
  suppressionSummaryHtml,
  SUPPRESSION_REASONS,
  type SuppressionLog,
  type SuppressionEntry,
  type SuppressionReason,
} from './log.js';
export { DisclosureLedger, ledgerKey, type LedgerEntry } from './ledger.js';
export {
  auditPublishedTables,
  auditLeakText,
  type AuditTable,
  type AuditOptions,
  type AuditLeak,
} from './audit.js';
export {
  protectRun,
  tablesTouch,
  ledgerFromEntries,
  ledgerFromEnvironment,
  DISCLOSURE_SEED_ENV,
  type RunProtection,
  type RunRound,
} from './run.js';
export { describedScope, periodInWords, dayInWords, scopeText } from './scope.js';
