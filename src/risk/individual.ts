// The one way to see individual leaving-risk scores: analyst mode, behind an explicit acknowledgement.
// Never call it from a report in publish mode; notebooks show only summarised risk.
import type { ColumnTable } from 'arquero';
import type { ScoredRisk } from './output.js';

export interface IndividualRiskOptions {
  analystMode: boolean;
  iUnderstandThisListsIndividuals: boolean;
  /** How many of the highest-risk people to list (default 20). */
  top?: number;
  month?: string;
}

/**
 * The `top` people with the highest predicted risk in one month (person_id, unit_id, role, tenure_band,
 * risk) — for an analyst checking data quality, never for circulation or decisions about a person.
 * Throws unless called with { analystMode: true, iUnderstandThisListsIndividuals: true }.
 * @example listIndividualRisk(fit, { analystMode: true, iUnderstandThisListsIndividuals: true, top: 10 })
 */
export function listIndividualRisk(fit: ScoredRisk, options: IndividualRiskOptions): ColumnTable {
  if (options?.analystMode !== true || options?.iUnderstandThisListsIndividuals !== true) {
    throw new Error(
      'listIndividualRisk: individual risk scores are shown only in analyst mode. Pass { analystMode: true, iUnderstandThisListsIndividuals: true } — and never put the result in a report: use summarizeRisk for groups.',
    );
  }
  const { top = 20 } = options;
  const months = fit.scored.array('month') as ArrayLike<string>;
  const at = options.month ?? Array.from(months).reduce((a, b) => (b > a ? b : a), '');
  return fit.scored
    .params({ at })
    .filter((d: { month: string }, $: { at: string }) => d.month === $.at)
    .select('person_id', 'month', 'unit_id', 'role', 'tenure_band', 'risk')
    .orderby((d: { risk: number }) => -d.risk)
    .slice(0, top);
}
