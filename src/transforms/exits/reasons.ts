// Reasons for leaving: how often each reason is the primary one and how often it is cited at all,
// per tenure band, unit, group or period, among leavers who were interviewed.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import {
  exitGroups,
  exitSpec,
  outputColumns,
  pct,
  REASON_RESPONDENTS,
  reasonList,
  respondentsOf,
  type ExitGroupOptions,
} from './margins.js';
import { checkColumns } from '../../shared/columns.js';

export const EXIT_REASONS_CITED: DefinitionCard = {
  id: 'exit_reasons_cited',
  title: 'Reasons for leaving (exit interviews)',
  definition:
    'For each reason, the share of interviewed leavers who gave it as their primary reason, and the share who cited it at all (primary or other). A leaver may cite several reasons, so any-mention shares add up to more than 100%.',
  numerator: 'interviewed leavers citing the reason (as primary, or at all)',
  denominator: 'interviewed leavers in the group (respondents), whether or not they gave a reason',
  unit: '% of respondents',
  notes:
    'Leavers without an exit interview are not in the denominator: read with exit-interview coverage.',
};

export interface ExitReasonOptions extends ExitGroupOptions {
  /** Reasons to report, in order (default: the kit vocabulary, then other cited reasons). */
  reasons?: readonly string[];
}

/**
 * One row per group × reason: by… (or `group`), reason, respondents, primary, mentioned,
 * primary_pct and mentioned_pct (× 100 / respondents); groups without respondents are left out.
 * Every listed reason appears in every group (0 when not cited).
 * @example summarizeExitReasons(leavers, { by: ['service_band'] })
 */
export function summarizeExitReasons(
  leavers: ColumnTable,
  { by = [], total = 'All', reasons }: ExitReasonOptions = {},
): ColumnTable {
  const fn = 'summarizeExitReasons';
  checkColumns(fn, leavers, ['interviewed', 'primary_reason', 'reasons'], {
    fix: 'Build the table with deriveExitLeavers().',
  });
  const interviewed = leavers.array('interviewed') as ArrayLike<boolean>;
  const primary = leavers.array('primary_reason') as ArrayLike<string | null>;
  const cited = leavers.array('reasons') as ArrayLike<string[]>;
  const list = reasonList(cited, reasons);
  const { dims, groups } = exitGroups(fn, leavers, by, total);
  const out = outputColumns([
    ...dims,
    'reason',
    'respondents',
    'primary',
    'mentioned',
    'primary_pct',
    'mentioned_pct',
  ]);
  for (const g of groups) {
    const rows = respondentsOf(g.rows, interviewed);
    if (rows.length === 0) continue;
    for (const reason of list) {
      const first = rows.filter((i) => primary[i] === reason).length;
      const any = rows.filter((i) => cited[i].includes(reason)).length;
      dims.forEach((d, k) => out[d].push(g.values[k]));
      out.reason.push(reason);
      out.respondents.push(rows.length);
      out.primary.push(first);
      out.mentioned.push(any);
      out.primary_pct.push(pct(first, rows.length));
      out.mentioned_pct.push(pct(any, rows.length));
    }
  }
  return toTable(out);
}

/**
 * The CellSpec of summarizeExitReasons' output for the same `by` (and total label).
 * @example report.publish(reasons, exitReasonsSpec(['service_band']))
 */
export function exitReasonsSpec(
  by: string[] = [],
  { total = 'All' }: { total?: string | false } = {},
): CellSpec {
  return exitSpec(by, total, ['reason'], {
    who: REASON_RESPONDENTS,
    population: 'respondents',
    counts: ['primary', 'mentioned'],
    sameAcross: { respondents: ['reason'] },
    rates: [
      { name: 'primary_pct', numerator: 'primary', denominator: 'respondents', per: 100 },
      { name: 'mentioned_pct', numerator: 'mentioned', denominator: 'respondents', per: 100 },
    ],
  });
}
