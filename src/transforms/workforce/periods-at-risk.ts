// Average headcount and FTE per period (two-point and time-weighted) and person-days at risk:
// the denominators of leaver rates and turnover. Steps: check → group people → per period, count
// spells in post on the first and last day and sum each spell's days (and FTE-days) inside the period.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { Period } from '../../time/periods.js';
import type { DefinitionCard } from '../shared/definition.js';
import { groupRows, periodList } from '../shared/groups.js';
import { checkColumns, numbers } from '../../shared/columns.js';

export interface AverageHeadcountOptions {
  /** One period or several (parsePeriod, periodsBetween): financial years, quarters, months. */
  periods: Period | readonly Period[];
  /** Grouping columns of `people` (default none); empty values become 'missing'. */
  by?: string[];
}

/** What the two averages mean, shown under every table that uses them. */
export const AVERAGE_HEADCOUNT: DefinitionCard = {
  id: 'average_headcount',
  title: 'Average headcount and FTE',
  definition:
    'Two-point average: (people in post on the first day of the period + people in post on its last day) / 2. ' +
    'Time-weighted average: person-days in post during the period / days in the period. ' +
    'In post on a day means start_date ≤ day ≤ end_date (a leaver counts on their last day). FTE averages weight each person by their fte.',
  unit: 'people (headcount) or full-time equivalents (FTE)',
  notes:
    'Counts employment spells: a rejoiner with two spells in one period counts in each. People without an fte are left out of the FTE columns, not the headcount. Person-days are the exposure behind turnover and rates per person-year.',
};

/**
 * Per period and group: people in post on the first and last day (headcount_start, headcount_end,
 * fte_start, fte_end), the two-point averages ((start + end) / 2), person_days and fte_days in post
 * during the period, days_in_period, and the time-weighted averages (person_days / days_in_period).
 * Rows are period × group with at least one person-day; columns period, period_start, period_end,
 * then the `by` columns.
 * @example summarizeAverageHeadcount(people, { periods: parsePeriod('FY2024-25'), by: ['worker_type'] })
 */
export function summarizeAverageHeadcount(
  people: ColumnTable,
  { periods, by = [] }: AverageHeadcountOptions,
): ColumnTable {
  const fn = 'summarizeAverageHeadcount';
  checkColumns(fn, people, ['start_date', 'end_date', 'fte', ...by]);
  const list = periodList(fn, periods);
  const start = numbers(people, 'start_date');
  const end = numbers(people, 'end_date');
  const fte = numbers(people, 'fte');
  const out: Record<string, unknown[]> = Object.fromEntries(
    ['period', 'period_start', 'period_end', ...by, ...MEASURES].map((c) => [c, []]),
  );
  const push = (name: string, value: unknown) => out[name].push(value);
  const groups = groupRows(people, by);
  for (const period of list) {
    const days = period.end - period.start + 1;
    for (const group of groups) {
      let [hs, he, fs, fe, personDays, fteDays] = [0, 0, 0, 0, 0, 0];
      for (const i of group.rows) {
        const s = start[i]!;
        const e = end[i] ?? Infinity;
        const f = fte[i];
        const overlap = Math.min(e, period.end) - Math.max(s, period.start) + 1;
        if (overlap <= 0) continue;
        personDays += overlap;
        if (f !== null) fteDays += f * overlap;
        if (s <= period.start && e >= period.start) {
          hs += 1;
          fs += f ?? 0;
        }
        if (s <= period.end && e >= period.end) {
          he += 1;
          fe += f ?? 0;
        }
      }
      if (personDays === 0) continue;
      push('period', period.label);
      push('period_start', period.start);
      push('period_end', period.end);
      by.forEach((c, k) => push(c, group.values[k]));
      push('headcount_start', hs);
      push('headcount_end', he);
      push('avg_headcount_two_point', (hs + he) / 2);
      push('person_days', personDays);
      push('days_in_period', days);
      push('avg_headcount_time_weighted', personDays / days);
      push('fte_start', fs);
      push('fte_end', fe);
      push('avg_fte_two_point', (fs + fe) / 2);
      push('fte_days', fteDays);
      push('avg_fte_time_weighted', fteDays / days);
    }
  }
  return toTable(out);
}

/**
 * The CellSpec of summarizeAverageHeadcount's output: headcounts and person-days are protected as
 * counts (the start headcount as the population), FTE figures follow the headcount they sum over.
 * @example publishTable(avg, averageHeadcountSpec(['worker_type']))
 */
export function averageHeadcountSpec(by: string[] = []): CellSpec {
  return {
    by: ['period', ...by],
    who: 'people in post in the group in each period: on its first and last day, and day by day for the time-weighted average',
    population: 'headcount_start',
    counts: [
      'headcount_end',
      'avg_headcount_two_point',
      'avg_headcount_time_weighted',
      'person_days',
    ],
    means: [
      { name: 'fte_start', n: 'headcount_start' },
      { name: 'fte_end', n: 'headcount_end' },
      { name: 'avg_fte_two_point', n: 'avg_headcount_two_point' },
      { name: 'avg_fte_time_weighted', n: 'avg_headcount_time_weighted' },
    ],
  };
}

const MEASURES = [
  'headcount_start',
  'headcount_end',
  'avg_headcount_two_point',
  'person_days',
  'days_in_period',
  'avg_headcount_time_weighted',
  'fte_start',
  'fte_end',
  'avg_fte_two_point',
  'fte_days',
  'avg_fte_time_weighted',
];
