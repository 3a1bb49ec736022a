// Leavers per period by Home Office leaver type, and the two leaving measures: leaver rate (Home
// Office: leavers / headcount at the start of the year) and turnover (leavers / average headcount).
// Steps: check → assign each leaver to the period holding their end_date → count by group and type.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import { LEAVER_TYPES } from '../../schema/vocabularies.js';
import type { Period } from '../../time/periods.js';
import type { DefinitionCard } from '../shared/definition.js';
import { groupRows, periodList } from '../shared/groups.js';
import { summarizeAverageHeadcount } from '../workforce/periods-at-risk.js';
import { checkColumns, numbers } from '../../shared/columns.js';

export interface LeaverOptions {
  /** One period or several (parsePeriod, periodsBetween). */
  periods: Period | readonly Period[];
  /** Grouping columns of `people`, e.g. worker_type, rank_or_grade, sex, or a unit level from deriveUnitAtLevel. */
  by?: string[];
}

/** Leaver types left out of headline counts (the Home Office counts transfers separately). */
export const NON_HEADLINE_LEAVER_TYPES: readonly string[] = ['transfer_out'];

/** The leaver_type of summarizeLeaversByType's headline row: every type except transfers out. */
export const HEADLINE_LEAVERS = 'all_except_transfers';

export const LEAVERS_BY_TYPE: DefinitionCard = {
  id: 'leavers_by_type',
  title: 'Leavers by leaver type',
  definition:
    'Employment spells whose end_date falls in the period, by Home Office leaver type. A spell that ends on the last day of the period counts in that period.',
  unit: 'people',
  source: 'Home Office, Police workforce, England and Wales: leavers tables',
  notes:
    'Transfers to other forces (transfer_out) are shown but are not part of headline leaver counts, as the Home Office reports them separately.',
};

export const LEAVER_RATE: DefinitionCard = {
  id: 'leaver_rate',
  title: 'Leaver rate (Home Office)',
  definition:
    'Leavers in the period (all leaver types except transfer_out) as a percentage of the people in post at the start of the period.',
  numerator: 'leavers whose end_date falls in the period, transfers out excluded',
  denominator:
    'headcount on the first day of the period (start_date ≤ day ≤ end_date); the Home Office uses 31 March, which differs only by people who left on 31 March or joined on 1 April',
  unit: '% of headcount at the start of the period',
  source: 'Home Office, Police workforce, England and Wales: leaver rate definition',
  notes: 'Voluntary leaver rate: the same with voluntary resignations only in the numerator.',
};

export const TURNOVER: DefinitionCard = {
  id: 'turnover',
  title: 'Turnover',
  definition:
    'Leavers in the period (transfers out excluded) as a percentage of the average headcount over the period, two-point ((start + end) / 2) or time-weighted (person-days / days); both are given and labelled.',
  numerator: 'leavers whose end_date falls in the period, transfers out excluded',
  denominator: 'average headcount, two-point or time-weighted (see Average headcount and FTE)',
  unit: '% of average headcount',
  source: 'CIPD labour turnover rate (leavers / average number employed)',
};

/**
 * Leavers per period, group and leaver type: columns period, the `by` columns, leaver_type, leavers.
 * Every Home Office type appears (0 when none) for each period × group with a leaver, then the headline
 * row 'all_except_transfers' (their sum without transfer_out, the parent of the other types in
 * leaversByTypeSpec's hierarchy); empty leaver types count as 'missing'.
 * @example summarizeLeaversByType(people, { periods: parsePeriod('FY2023-24'), by: ['worker_type'] })
 */
export function summarizeLeaversByType(
  people: ColumnTable,
  { periods, by = [] }: LeaverOptions,
): ColumnTable {
  const fn = 'summarizeLeaversByType';
  checkColumns(fn, people, ['end_date', 'leaver_type', ...by]);
  const list = periodList(fn, periods);
  const end = numbers(people, 'end_date');
  const type = people.array('leaver_type') as ArrayLike<string | null>;
  const out: Record<string, unknown[]> = Object.fromEntries(
    ['period', ...by, 'leaver_type', 'leavers'].map((c) => [c, []]),
  );
  const groups = groupRows(people, by);
  for (const period of list) {
    for (const group of groups) {
      const counts = new Map<string, number>();
      for (const i of group.rows) {
        const e = end[i];
        if (e === null || e < period.start || e > period.end) continue;
        const t = type[i] || 'missing';
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      if (counts.size === 0) continue;
      const types = [...LEAVER_TYPES, ...[...counts.keys()].filter((t) => !isHomeOffice(t))];
      const headline = types
        .filter((t) => !NON_HEADLINE_LEAVER_TYPES.includes(t))
        .reduce((sum, t) => sum + (counts.get(t) ?? 0), 0);
      counts.set(HEADLINE_LEAVERS, headline);
      for (const t of [...types, HEADLINE_LEAVERS]) {
        out.period.push(period.label);
        by.forEach((c, k) => out[c].push(group.values[k]));
        out.leaver_type.push(t);
        out.leavers.push(counts.get(t) ?? 0);
      }
    }
  }
  return toTable(out);
}

/**
 * Leaver rate and turnover per period and group. Columns: period, period_start, period_end, the `by`
 * columns, headcount_start, avg_headcount_two_point, avg_headcount_time_weighted, leavers (transfers
 * out excluded), voluntary_resignations, transfers_out, then leaver_rate_pct (leavers /
 * headcount_start), voluntary_rate_pct, turnover_two_point_pct and turnover_time_weighted_pct (leavers
 * / each average), all × 100. Rates are null over a zero denominator.
 * @example summarizeLeaverRates(people, { periods: periodsBetween(from, to, 'financial_year'), by: ['worker_type'] })
 */
export function summarizeLeaverRates(
  people: ColumnTable,
  { periods, by = [] }: LeaverOptions,
): ColumnTable {
  const fn = 'summarizeLeaverRates';
  checkColumns(fn, people, ['start_date', 'end_date', 'fte', 'leaver_type', ...by]);
  const list = periodList(fn, periods);
  const base = summarizeAverageHeadcount(people, { periods: list, by });
  const byType = summarizeLeaversByType(people, { periods: list, by });
  const key = (t: ColumnTable, row: number) =>
    JSON.stringify(['period', ...by].map((c) => t.get(c, row)));
  const counts = new Map<string, { all: number; vol: number; transfer: number }>();
  for (let r = 0; r < byType.numRows(); r++) {
    const k = key(byType, r);
    const c = counts.get(k) ?? { all: 0, vol: 0, transfer: 0 };
    const t = byType.get('leaver_type', r) as string;
    if (t === HEADLINE_LEAVERS) continue;
    const n = byType.get('leavers', r) as number;
    if (NON_HEADLINE_LEAVER_TYPES.includes(t)) c.transfer += n;
    else c.all += n;
    if (t === 'voluntary_resignation') c.vol += n;
    counts.set(k, c);
  }
  const rows = Array.from({ length: base.numRows() }, (_, r) => counts.get(key(base, r)));
  const col = (name: string) => base.array(name) as ArrayLike<number>;
  const leavers = rows.map((c) => c?.all ?? 0);
  const voluntary = rows.map((c) => c?.vol ?? 0);
  const pct = (num: number[], den: ArrayLike<number>) =>
    num.map((v, i) => (den[i] > 0 ? (100 * v) / den[i] : null));
  return toTable({
    ...Object.fromEntries(
      ['period', 'period_start', 'period_end', ...by].map((c) => [c, base.array(c)]),
    ),
    headcount_start: col('headcount_start'),
    avg_headcount_two_point: col('avg_headcount_two_point'),
    avg_headcount_time_weighted: col('avg_headcount_time_weighted'),
    leavers,
    voluntary_resignations: voluntary,
    transfers_out: rows.map((c) => c?.transfer ?? 0),
    leaver_rate_pct: pct(leavers, col('headcount_start')),
    voluntary_rate_pct: pct(voluntary, col('headcount_start')),
    turnover_two_point_pct: pct(leavers, col('avg_headcount_two_point')),
    turnover_time_weighted_pct: pct(leavers, col('avg_headcount_time_weighted')),
  });
}

/**
 * The CellSpec of summarizeLeaverRates' output (pass `total` when addTotals added 'All' rows).
 * @example report.publish(rates, leaverRatesSpec(['worker_type']))
 */
export function leaverRatesSpec(by: string[] = [], { total }: { total?: string } = {}): CellSpec {
  return {
    by: ['period', ...by],
    who: 'people in post in the group on the first day of each period (headcount), and the leavers with an end date in it (transfers out apart)',
    population: 'headcount_start',
    counts: ['leavers', 'voluntary_resignations', 'transfers_out'],
    rates: [
      { name: 'leaver_rate_pct', numerator: 'leavers', denominator: 'headcount_start', per: 100 },
      {
        name: 'voluntary_rate_pct',
        numerator: 'voluntary_resignations',
        denominator: 'headcount_start',
        per: 100,
      },
      {
        name: 'turnover_two_point_pct',
        numerator: 'leavers',
        denominator: 'avg_headcount_two_point',
        per: 100,
      },
      {
        name: 'turnover_time_weighted_pct',
        numerator: 'leavers',
        denominator: 'avg_headcount_time_weighted',
        per: 100,
      },
    ],
    ...(total === undefined ? {} : { total }),
  };
}

/**
 * The CellSpec of summarizeLeaversByType's output: the headline row is declared the parent of every
 * type but transfer_out, so a hidden type cannot be worked out from the headline count.
 * @example report.publish(byType, leaversByTypeSpec(['worker_type']))
 */
export function leaversByTypeSpec(by: string[] = [], { total }: { total?: string } = {}): CellSpec {
  const parent = Object.fromEntries(
    [...LEAVER_TYPES, 'missing']
      .filter((t) => !NON_HEADLINE_LEAVER_TYPES.includes(t))
      .map((t) => [t, HEADLINE_LEAVERS]),
  );
  return {
    by: ['period', ...by, 'leaver_type'],
    who: 'leavers with an end date in each period, by leaver type',
    counts: ['leavers'],
    hierarchy: { column: 'leaver_type', parent },
    ...(total ? { total } : {}),
  };
}

function isHomeOffice(type: string): boolean {
  return (LEAVER_TYPES as readonly string[]).includes(type);
}
