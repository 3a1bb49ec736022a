// The suppression log: which cells were hidden and why (never their values), and its short summary.
import { escapeHtml } from '../shared/html.js';

/** Why a cell was hidden. */
export type SuppressionReason =
  | 'primary-population'
  | 'primary-count'
  | 'primary-people'
  | 'primary-dominance'
  | 'order-statistic'
  | 'free-text'
  | 'ledger'
  | 'secondary-margin'
  | 'secondary-hierarchy';

/** The order reasons are listed in (first wins when several apply). */
export const SUPPRESSION_REASONS: readonly SuppressionReason[] = [
  'primary-population',
  'free-text',
  'primary-count',
  'primary-people',
  'primary-dominance',
  'order-statistic',
  'ledger',
  'secondary-margin',
  'secondary-hierarchy',
];

/** One hidden cell: its row's dimension values, its column, and why. */
export interface SuppressionEntry {
  cell: Readonly<Record<string, string | number>>;
  column: string;
  reason: SuppressionReason;
}

/** What was hidden in one published table, and under which rules. */
export interface SuppressionLog {
  mode: 'publish' | 'analyst';
  entries: readonly SuppressionEntry[];
  /** Hidden cells per reason. */
  counts: Readonly<Record<SuppressionReason, number>>;
  hiddenCells: number;
  minGroupSize: number;
  minCount: number;
  freeTextMinGroupSize: number;
  roundTo?: number;
  /** Input columns not declared in the spec, left out of the published table. */
  droppedColumns: readonly string[];
}

/**
 * Returns a one-line plain-text summary of a suppression log: how many cells were hidden and under
 * which rules (not why each one was), rounding, mode.
 * @example suppressionSummaryText(published.log) // "4 cells hidden: groups under 5 people and counts under 5, figures with fewer than 5 people behind them or dominated by one or two, maxima, with other cells so that …"
 */
export function suppressionSummaryText(log: SuppressionLog): string {
  if (log.mode === 'analyst') {
    return 'Analyst mode — not for circulation: no cells hidden, no rounding. Publish before sharing.';
  }
  // How many cells, not why each one was (issue 18): a count per reason tells a reader which hidden
  // cells are the small ones. The rules are stated once; log.counts keeps the detail for analysts.
  const n = log.hiddenCells;
  const rules =
    `groups under ${log.minGroupSize} people and counts under ${log.minCount}` +
    (log.counts['free-text'] > 0 ? ` (${log.freeTextMinGroupSize} for free text)` : '') +
    `, figures with fewer than ${log.minGroupSize} people behind them or dominated by one or two, maxima` +
    ', with other cells so that they cannot be worked out from totals or other tables';
  let text = n === 0 ? 'No cells hidden.' : `${n} ${n === 1 ? 'cell' : 'cells'} hidden: ${rules}.`;
  if (log.roundTo !== undefined && log.roundTo > 1) {
    text += ` Counts rounded to the nearest ${log.roundTo}; totals may not add up.`;
  }
  return text;
}

/**
 * Returns the summary of a suppression log as a small HTML paragraph (text escaped).
 * @example suppressionSummaryHtml(published.log) // '<p class="wbk-suppression-log">4 cells hidden: …</p>'
 */
export function suppressionSummaryHtml(log: SuppressionLog): string {
  return `<p class="wbk-suppression-log">${escapeHtml(suppressionSummaryText(log))}</p>`;
}

/** Counts of entries per reason, every reason present (zeros included). */
export function countByReason(
  entries: readonly SuppressionEntry[],
): Record<SuppressionReason, number> {
  const counts = Object.fromEntries(SUPPRESSION_REASONS.map((r) => [r, 0])) as Record<
    SuppressionReason,
    number
  >;
  for (const e of entries) counts[e.reason] += 1;
  return counts;
}
