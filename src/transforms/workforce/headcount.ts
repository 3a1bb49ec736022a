// Headcount and FTE in post on a date.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

export interface HeadcountOptions {
  /** The day (epoch day) to count on. */
  date: number;
  /** Grouping columns of `people` (default: none, one row). */
  by?: string[];
}

/**
 * People in post on `date`, per group: `headcount` (employment spells) and `fte` (sum of fte).
 * In post means start_date ≤ date and (no end_date, or end_date ≥ date): a leaver counts on their
 * last day. Groups with nobody in post do not appear.
 * @example summarizeHeadcount(people, { date: epochDay(2025, 3, 31), by: ['worker_type'] })
 */
export function summarizeHeadcount(
  people: ColumnTable,
  { date, by = [] }: HeadcountOptions,
): ColumnTable {
  const needed = ['start_date', 'end_date', 'fte', ...by];
  const missing = needed.filter((c) => !people.columnNames().includes(c));
  if (missing.length) {
    throw new Error(
      `summarizeHeadcount: column(s) ${missing.join(', ')} missing. Found: ${people.columnNames().join(', ')}. Load people with loadDataset().`,
    );
  }
  if (!Number.isInteger(date))
    throw new Error(`summarizeHeadcount: date must be an epoch day (integer), got ${date}.`);
  return people
    .params({ day: date })
    .filter(
      (d: Record<string, number | null>, $: { day: number }) =>
        d.start_date! <= $.day && (d.end_date === null || d.end_date >= $.day),
    )
    .groupby(by)
    .rollup({ headcount: aq.op.count(), fte: aq.op.sum('fte') })
    .orderby(by);
}
