// Comparing retention between groups: median tenure at leaving per group, and the test that matches
// the curves drawn. Steps: group the retention data (deriveRetentionData) → Kaplan–Meier median per
// group → the log-rank of any exit (Kaplan–Meier curves), or for one exit cause Gray's test (cumulative
// incidence curves) or the log-rank of its cause-specific hazard, over the groups with a recorded value.
import { table as toTable, type ColumnTable } from 'arquero';
import { fitKaplanMeier } from '../../stats/survival/kaplan-meier.js';
import { grayTest } from '../../stats/survival/gray-test.js';
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

export const RESIGNATION_TEST: DefinitionCard = {
  id: 'resignation_test',
  title: 'Test of resignation curves between groups',
  definition:
    "Tests the curves drawn: Gray's test that the cumulative incidence of the exit (other exits competing) is the same in every group, comparing observed exits per group with those expected under the pooled subdistribution hazard. When people joined before the data window (delayed entry) Gray's test does not apply, and the log-rank test of the cause-specific hazard is used instead: the exit is the event and other exits are censored, which tests the rate of that exit among people still in post.",
  notes:
    'The caption says which test was used and why. A small p-value says the curves differ somewhere, not where or by how much. People whose group is not recorded are left out.',
  source:
    'Gray (1988) Ann. Statist. 16:1141–54; checked against R cmprsk::cuminc and survival::survdiff / coxph',
};

export interface RetentionCompareOptions {
  by: string[];
  unit?: 'years' | 'months';
}

export interface RetentionTestOptions extends RetentionCompareOptions {
  /** Compare one exit cause (exit_cause), e.g. 'voluntary_resignation'; omit to compare leaving for any reason. */
  event?: string;
  /**
   * With `event`: 'gray' — Gray's test of cumulative incidence, other exits competing (refused with
   * delayed entry); 'censored' — the log-rank of the cause-specific hazard, other exits censored;
   * 'auto' (default) — Gray's test when every spell is followed from tenure 0, else the cause-specific log-rank.
   */
  competing?: 'auto' | 'gray' | 'censored';
  /**
   * Groups with fewer people than this, or with 1 to minGroupSize − 1 exits of the event, are left
   * out of the test altogether (table, chi-square and p-value), so no statistic rests on a group a
   * published table would hide: observed and expected total the same over the groups, so one hidden
   * group's O − E would follow from the others. Pass the policy's minimum in publish mode. Default 0.
   */
  minGroupSize?: number;
}

/** The test with its per-group table (group, people, observed, expected), what it tested and what was left out. */
export interface RetentionDifference extends Omit<LogRankTest, 'groups' | 'method'> {
  method: LogRankTest['method'] | 'gray';
  /** Which test, in words, e.g. "Gray's test (cumulative incidence of voluntary_resignation)". */
  test: string;
  /** The exit cause compared, or null for leaving for any reason. */
  event: string | null;
  /** Other exit causes in the data: competing (Gray) or censored (cause-specific); empty for any exit. */
  competing_causes: string[];
  /** One sentence for a caption: the test, what was the event, what competed or was censored, and why (no counts of people, which could be small). */
  description: string;
  /** Spells that entered the risk set late (joined before the data window). */
  delayed_entry: number;
  table: ColumnTable;
  /** Spells left out because their group value is missing. */
  excluded: number;
  /** Groups left out for being under minGroupSize people or having 1 to minGroupSize − 1 exits. */
  groups_left_out: number;
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
 * The test that matches the curves drawn, across the groups of `by` (spells with a missing value left
 * out), with a table of people, observed and expected exits per group. Without `event`: the log-rank
 * test of leaving for any reason (Kaplan–Meier retention curves; with delayed entry the Cox score
 * test). With `event`: Gray's test of its cumulative incidence, other exits competing (Aalen–Johansen
 * curves), or — with delayed entry, or `competing: 'censored'` — the log-rank of its cause-specific
 * hazard, other exits censored. `test` and `description` say which was used and why. Throws when fewer
 * than two groups have a value.
 * @example testRetentionDifference(retention, { by: ['sex'], event: 'voluntary_resignation' }).description
 */
export function testRetentionDifference(
  data: ColumnTable,
  { by, unit = 'years', event, competing = 'auto', minGroupSize = 0 }: RetentionTestOptions,
): RetentionDifference {
  const fn = 'testRetentionDifference';
  const [entry, time, left] = columns(fn, data, by, unit);
  if (event !== undefined && !(typeof event === 'string' && event !== '')) {
    throw new Error(
      `${fn}: event must be an exit cause (e.g. 'voluntary_resignation'), or omitted for any exit.`,
    );
  }
  if (!['auto', 'gray', 'censored'].includes(competing)) {
    throw new Error(`${fn}: competing must be 'auto', 'gray' or 'censored', got ${competing}.`);
  }
  const recorded = groupRows(data, by).filter((g) => !g.values.includes(MISSING_GROUP));
  if (event !== undefined) {
    checkColumns(fn, data, ['exit_cause'], { fix: 'Derive it with deriveRetentionData().' });
  }
  const causes = event === undefined ? null : (data.array('exit_cause') as ArrayLike<unknown>);
  const exitsOf = (rows: number[]) =>
    rows.filter((i) => (causes === null ? left[i] === 1 : causes[i] === event)).length;
  const groups = recorded.filter((g) => {
    const exits = exitsOf(g.rows);
    return g.rows.length >= minGroupSize && (exits === 0 || exits >= minGroupSize);
  });
  const leftOut = recorded.length - groups.length;
  const smallNote =
    leftOut > 0
      ? ` ${leftOut} group${leftOut === 1 ? ' is' : 's are'} left out of the test (under ${minGroupSize} people or 1–${minGroupSize - 1} exits), so no figure or statistic rests on ${leftOut === 1 ? 'it' : 'them'}.`
      : '';
  if (groups.length < 2) {
    throw new Error(
      `${fn}: ${by.join(' × ')} has ${groups.length} recorded group(s)` +
        (leftOut > 0
          ? ` with at least ${minGroupSize} people and 0 or at least ${minGroupSize} exits (${leftOut} smaller left out)`
          : '') +
        '; a test needs at least two.',
    );
  }
  const rows = groups.flatMap((g) => g.rows);
  const label = new Map(groups.flatMap((g) => g.rows.map((i) => [i, g.values.join(' / ')])));
  const excluded = data.numRows() - recorded.reduce((n, g) => n + g.rows.length, 0);
  const pick = <T>(values: ArrayLike<T>) => rows.map((i) => values[i]);
  const group = rows.map((i) => label.get(i)!);
  if (event === undefined) {
    const { groups: perGroup, ...rest } = logRankTest({
      entry: pick(entry),
      time: pick(time),
      event: pick(left),
      group,
    });
    return {
      ...rest,
      test: 'log-rank test (leaving for any reason)',
      event: null,
      competing_causes: [],
      description: `Log-rank test${rest.method === 'survdiff' ? '' : ' (Cox score form, for people who joined before the data window)'}: every exit counts; people still in post are censored.${smallNote}`,
      delayed_entry: rows.filter((i) => entry[i] > 0).length,
      table: groupTable(perGroup),
      excluded,
      groups_left_out: leftOut,
    };
  }
  const cause = pick(data.array('exit_cause') as ArrayLike<string | null>);
  const others = [...new Set(cause.filter((c): c is string => !!c && c !== event))].sort();
  const otherText = others.length > 0 ? ` (${others.join(', ')})` : '';
  const late = rows.filter((i) => entry[i] > 0).length;
  if (competing === 'gray' || (competing === 'auto' && late === 0)) {
    const {
      groups: perGroup,
      method,
      chisq,
      df,
      p_value,
    } = grayTest({ entry: pick(entry), time: pick(time), cause, group }, { event });
    return {
      method,
      chisq,
      df,
      p_value,
      test: `Gray's test (cumulative incidence of ${event})`,
      event,
      competing_causes: others,
      description: `Gray's test of equal cumulative incidence: ${event} is the event; other exits${otherText} compete; people still in post are censored.${smallNote}`,
      delayed_entry: late,
      table: groupTable(perGroup),
      excluded,
      groups_left_out: leftOut,
    };
  }
  const { groups: perGroup, ...rest } = logRankTest({
    entry: pick(entry),
    time: pick(time),
    event: cause.map((c) => (c === event ? 1 : 0)),
    group,
  });
  const why =
    competing === 'auto'
      ? " Gray's test is not used: the curves include people who joined before the data window (delayed entry), which it does not allow."
      : '';
  return {
    ...rest,
    test: `log-rank test (cause-specific hazard of ${event})`,
    event,
    competing_causes: others,
    description: `Log-rank test of the cause-specific hazard${rest.method === 'survdiff' ? '' : ' (Cox score form, with delayed entry)'}: ${event} is the event; other exits${otherText} are censored, as are people still in post.${why}${smallNote}`,
    delayed_entry: late,
    table: groupTable(perGroup),
    excluded,
    groups_left_out: leftOut,
  };
}

/**
 * CellSpec of summarizeMedianTenure's output: medians follow the number of people in the group.
 * @example report.publish(medians, medianTenureSpec(['sex']))
 */
export function medianTenureSpec(by: string[], unit: 'years' | 'months' = 'years'): CellSpec {
  return {
    by: [...by, 'group'].filter((c, i, all) => all.indexOf(c) === i),
    who: 'employment spells followed from their start until the person left or the data ended, in the group of the row',
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
  who: 'employment spells followed from their start until the person left or the data ended, in the group of the row',
  population: 'people',
  counts: ['observed'],
  means: [{ name: 'expected', n: 'people' }],
};

function groupTable(
  groups: readonly { group: string; n: number; observed: number; expected: number }[],
): ColumnTable {
  return toTable({
    group: groups.map((g) => g.group),
    people: groups.map((g) => g.n),
    observed: groups.map((g) => g.observed),
    expected: groups.map((g) => g.expected),
  });
}

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
