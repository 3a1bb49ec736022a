// Welfare checks for people in high-risk roles: who is owed one, and how late it is.
export { HIGH_RISK_STAFF, WELFARE_CHECKS_OVERDUE, WELFARE_LONGEST_OVERDUE } from './cards.js';
export {
  type WelfareCheckOptions,
  summarizeWelfareChecks,
  welfareChecksCellSpec,
  listWelfareStatus,
} from './checks.js';
export {
  type WelfareCadence,
  type ResolvedCadence,
  type WelfareStatus,
  resolveCadence,
  welfareStatus,
} from './due.js';
export { type HighRiskStaffOptions, deriveHighRiskStaff } from './staff.js';
