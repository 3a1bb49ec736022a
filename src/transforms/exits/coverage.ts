// Exit-interview coverage: how many leavers were interviewed, per leaver type, unit, band or group.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { exitGroups, exitSpec, outputColumns, pct, type ExitGroupOptions } from './margins.js';
import { checkColumns } from '../../shared/columns.js';

export const EXIT_INTERVIEW_COVERAGE: DefinitionCard = {
  id: 'exit_interview_coverage',
  title: 'Exit-interview coverage',
  definition:
    'Share of leavers whose ended employment spell has an exit interview or exit-survey response matched to it.',
  numerator: 'leavers with an exit interview',
  denominator: 'leavers (spells whose end_date falls in the period)',
  unit: '% of leavers',
  source:
    'HMICFRS PEEL 2021/22 found forces under-use exit interviews; coverage shows how far the reasons below can be trusted',
  notes:
    'Reasons are known only for interviewed leavers: when coverage is low or differs between groups, the reasons may not speak for all leavers.',
};

/**
 * Leavers and interviewed leavers per group of a deriveExitLeavers table: columns by… (or `group`),
 * leavers, interviewed, coverage_pct (interviewed / leavers × 100), with 'All' margin rows.
 * @example summarizeExitCoverage(leavers, { by: ['leaver_type'] })
 */
export function summarizeExitCoverage(
  leavers: ColumnTable,
  { by = [], total = 'All' }: ExitGroupOptions = {},
): ColumnTable {
  const fn = 'summarizeExitCoverage';
  checkColumns(fn, leavers, ['interviewed'], { fix: 'Build the table with deriveExitLeavers().' });
  const { dims, groups } = exitGroups(fn, leavers, by, total);
  const interviewed = leavers.array('interviewed') as ArrayLike<boolean>;
  const out = outputColumns([...dims, 'leavers', 'interviewed', 'coverage_pct']);
  for (const g of groups) {
    const n = g.rows.filter((i) => interviewed[i]).length;
    dims.forEach((d, k) => out[d].push(g.values[k]));
    out.leavers.push(g.rows.length);
    out.interviewed.push(n);
    out.coverage_pct.push(pct(n, g.rows.length));
  }
  return toTable(out);
}

/**
 * The CellSpec of summarizeExitCoverage's output for the same `by` (and total label).
 * @example report.publish(coverage, exitCoverageSpec(['leaver_type']))
 */
export function exitCoverageSpec(
  by: string[] = [],
  { total = 'All' }: { total?: string | false } = {},
): CellSpec {
  return exitSpec(by, total, [], {
    who: 'leavers in the group of the row, interviewed or not',
    population: 'leavers',
    counts: ['interviewed'],
    rates: [{ name: 'coverage_pct', numerator: 'interviewed', denominator: 'leavers', per: 100 }],
  });
}
