// Co-occurrence of reasons for leaving: how often two reasons are cited by the same leaver.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { outputColumns, pct, reasonList } from './margins.js';
import { checkColumns } from '../../shared/columns.js';

export const EXIT_REASON_PAIRS: DefinitionCard = {
  id: 'exit_reason_pairs',
  title: 'Reasons cited together',
  definition:
    'For each pair of reasons, the share of interviewed leavers who cited both (each as primary or other reason). The diagonal (a reason with itself) is the share citing that reason.',
  numerator: 'interviewed leavers citing both reasons',
  denominator: 'interviewed leavers (respondents)',
  unit: '% of respondents',
  notes:
    'lift = share citing both / (share citing the first × share citing the second): above 1, the two go together more often than chance would have them.',
};

/**
 * One row per pair of reasons (reason_a ≤ reason_b in list order, the diagonal included): reason_a,
 * reason_b, respondents, both, both_pct (× 100 / respondents) and lift (null when either is never cited).
 * @example summarizeExitReasonPairs(leavers, { reasons: ['workload', 'wellbeing_and_stress'] })
 */
export function summarizeExitReasonPairs(
  leavers: ColumnTable,
  { reasons }: { reasons?: readonly string[] } = {},
): ColumnTable {
  checkColumns('summarizeExitReasonPairs', leavers, ['interviewed', 'reasons'], {
    fix: 'Build the table with deriveExitLeavers().',
  });
  const interviewed = leavers.array('interviewed') as ArrayLike<boolean>;
  const cited = leavers.array('reasons') as ArrayLike<string[]>;
  const list = reasonList(cited, reasons);
  const rows: number[] = [];
  for (let i = 0; i < leavers.numRows(); i++) if (interviewed[i]) rows.push(i);
  const has = list.map((r) => rows.map((i) => cited[i].includes(r)));
  const count = has.map((flags) => flags.filter(Boolean).length);
  const out = outputColumns(['reason_a', 'reason_b', 'respondents', 'both', 'both_pct', 'lift']);
  const n = rows.length;
  if (n === 0) return toTable(out);
  for (let a = 0; a < list.length; a++) {
    for (let b = a; b < list.length; b++) {
      const both = has[a].filter((f, k) => f && has[b][k]).length;
      out.reason_a.push(list[a]);
      out.reason_b.push(list[b]);
      out.respondents.push(n);
      out.both.push(both);
      out.both_pct.push(pct(both, n));
      out.lift.push(count[a] > 0 && count[b] > 0 ? (both * n) / (count[a] * count[b]) : null);
    }
  }
  return toTable(out);
}

/**
 * The CellSpec of summarizeExitReasonPairs' output (lift is not published: it would need both margins).
 * @example report.publish(pairs, exitReasonPairsSpec())
 */
export function exitReasonPairsSpec(): CellSpec {
  return {
    by: ['reason_a', 'reason_b'],
    who: 'leavers whose exit interview gives at least one reason, in the leavers passed to the table',
    population: 'respondents',
    counts: ['both'],
    // every pair's row shows the one number of respondents
    sameAcross: { respondents: ['reason_a', 'reason_b'] },
    rates: [{ name: 'both_pct', numerator: 'both', denominator: 'respondents', per: 100 }],
  };
}
