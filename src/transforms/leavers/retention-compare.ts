// Comparing retention between groups: median tenure at leaving per group and the log-rank test.
// Steps: group the retention data (deriveRetentionData) → Kaplan–Meier median per group → log-rank
// (with delayed entry, the Cox score test) over the groups with a recorded value.
import { table as toTable, type ColumnTable } from 'arquero';
import { fitKaplanMeier } from '../../stats/survival/kaplan-meier.js';
import { logRankTest, type LogRankTest } from '../../stats/survival/log-rank.js';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { MISSING_GROUP, groupRows } from '../shared/groups.js';
import { checkColumns, numbers } from '../../shared/columns.js';

export const RETENTION_LOG_RANK: DefinitionCard = {
  id: 'retention_log_rank',
  title: 'Log-rank test of retention between groups',
  definition:
    'Tests whether the rate of leaving at each length of tenure is the same in every group: observed leavers per group against those expected if all groups left at the pooled rate. With people who joined before the data window (delayed entry) it is the score test of a Cox model with exact ties, the log-rank test generalised to delayed entry.',
  notes:
    'A small p-value says the curves differ somewhere, not where or by how much. People whose group is not recorded are left out (counted in the note).',
  source: 'Mantel (1966); checked against R survival::survdiff and coxph',
};

export interface RetentionCompareOptions {
  by: string[];
  unit?: 'years' | 'months';
}

/** The log-rank test with its per-group table (group, people, observed, expected) and what was left out. */
export interface RetentionDifference extends Omit<LogRankTest, 'groups'> {
  table: ColumnTable;
  /** Spells left out because their group value is missing. */
  excluded: number;
}

/**
 * Per group: people (spells), leavers (exits observed), median_<unit> with median_lower_<unit> and
 * median_upper_<unit> (Kaplan–Meier median tenure at leaving and its 95% interval, as R's survfit;
 * null where the curve does not reach 0.5).
 * @example summarizeMedianTenure(retention, { by: ['entry_route'] })
 */
export function summarizeMedianTenure(
  data: ColumnTable,
  { by, unit = 'years' }: RetentionCompareOptions,
): ColumnTable {
  const [entry, time, left] = columns('summarizeMedianTenure', data, by, unit);
  const out: Record<string, unknown[]> = Object.fromEntries(
    [
      ...by,
      'group',
      'people',
      'leavers',
      `median_${unit}`,
      `median_lower_${unit}`,
      `median_upper_${unit}`,
    ].map((c) => [c, []]),
  );
  for (const group of groupRows(data, by)) {
    const rows = group.rows;
    const fit = fitKaplanMeier({
      entry: rows.map((i) => entry[i]),
      time: rows.map((i) => time[i]),
      event: rows.map((i) => left[i]),
    });
    by.forEach((c, j) => out[c].push(group.values[j]));
    out.group.push(group.values.join(' / ') || 'all');
    out.people.push(rows.length);
    out.leavers.push(fit.n_events);
    out[`median_${unit}`].push(finite(fit.median.median));
    out[`median_lower_${unit}`].push(finite(fit.median.lower));
    out[`median_upper_${unit}`].push(finite(fit.median.upper));
  }
  return toTable(out);
}

/**
 * The log-rank test of equal leaving rates across the groups of `by` (spells with a missing value
 * left out), with a table of people, observed and expected leavers per group. Throws when fewer than
 * two groups have a value.
 * @example testRetentionDifference(retention, { by: ['sex'] }).p_value
 */
export function testRetentionDifference(
  data: ColumnTable,
  { by, unit = 'years' }: RetentionCompareOptions,
): RetentionDifference {
  const fn = 'testRetentionDifference';
  const [entry, time, left] = columns(fn, data, by, unit);
  const groups = groupRows(data, by).filter((g) => !g.values.includes(MISSING_GROUP));
  if (groups.length < 2) {
    throw new Error(
      `${fn}: ${by.join(' × ')} has ${groups.length} recorded group(s); a test needs at least two.`,
    );
  }
  const rows = groups.flatMap((g) => g.rows);
  const label = new Map(groups.flatMap((g) => g.rows.map((i) => [i, g.values.join(' / ')])));
  const test = logRankTest({
    entry: rows.map((i) => entry[i]),
    time: rows.map((i) => time[i]),
    event: rows.map((i) => left[i]),
    group: rows.map((i) => label.get(i)!),
  });
  const { groups: perGroup, ...rest } = test;
  return {
    ...rest,
    table: toTable({
      group: perGroup.map((g) => g.group),
      people: perGroup.map((g) => g.n),
      observed: perGroup.map((g) => g.observed),
      expected: perGroup.map((g) => g.expected),
    }),
    excluded: data.numRows() - rows.length,
  };
}

/**
 * CellSpec of summarizeMedianTenure's output: medians follow the number of people in the group.
 * @example report.publish(medians, medianTenureSpec(['sex']))
 */
export function medianTenureSpec(by: string[], unit: 'years' | 'months' = 'years'): CellSpec {
  return {
    by: [...by, 'group'].filter((c, i, all) => all.indexOf(c) === i),
    population: 'people',
    counts: ['leavers'],
    means: [`median_${unit}`, `median_lower_${unit}`, `median_upper_${unit}`].map((name) => ({
      name,
      n: 'people',
    })),
  };
}

/** CellSpec of a RetentionDifference's table: observed leavers as counts, expected following people. */
export const RETENTION_LOG_RANK_SPEC: CellSpec = {
  by: ['group'],
  population: 'people',
  counts: ['observed'],
  means: [{ name: 'expected', n: 'people' }],
};

function columns(
  fn: string,
  data: ColumnTable,
  by: string[],
  unit: string,
): [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>] {
  if (!Array.isArray(by)) throw new Error(`${fn}: by must be a list of columns, e.g. ['sex'].`);
  const names = [`tenure_entry_${unit}`, `tenure_${unit}`, 'left'];
  checkColumns(fn, data, [...names, ...by], { fix: 'Derive it with deriveRetentionData().' });
  return names.map((c) => numbers(data, c) as ArrayLike<number>) as [
    ArrayLike<number>,
    ArrayLike<number>,
    ArrayLike<number>,
  ];
}

function finite(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : v;
}
