// When sickness starts: spells (and any additive measure) by month, financial quarter or day of the
// week of the spell's first day, for seasonality and day-of-week patterns.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { dayInWords, type CellSpec } from '../../privacy/index.js';
import { dateParts, MONTH_NAMES, WEEKDAY_NAMES } from '../../time/dates.js';
import type { DefinitionCard } from '../shared/definition.js';
import { isoWeekday } from '../../time/working-days.js';
import { checkColumns } from '../../shared/columns.js';
import { contributorsOf, topTwo } from '../workforce/contributions.js';

/** Calendar bucket of a spell's start. */
export type SeasonCalendar = 'month' | 'financial_quarter' | 'weekday';

export interface SeasonalityOptions {
  calendar: SeasonCalendar;
  /** Further grouping columns of the spells table (e.g. reason_category, unit). */
  by?: readonly string[];
  /** Additive columns to sum per bucket (e.g. working_days_lost, absence_hours). */
  sum?: readonly string[];
  /** Only spells starting on or after this epoch day / on or before this one. */
  from?: number;
  to?: number;
  /** Month (1–12) the financial year starts (default 4, April). */
  fyStartMonth?: number;
}

const KEY: Record<SeasonCalendar, string> = {
  month: 'start_month',
  financial_quarter: 'start_quarter',
  weekday: 'start_weekday',
};

/**
 * Spells per calendar bucket of their start: `start_month` (1–12), `start_quarter` (1–4 of the
 * financial year) or `start_weekday` (1 = Monday … 7 = Sunday), with a `label` (Jan, Q1, Mon), the
 * count `spells` and the sum of each `sum` column. Every bucket appears for every group (zeros
 * included) so seasonal profiles line up. The bucket comes from start_date; a table without dates
 * may carry start_month or start_weekday itself (e.g. a survey coded by month and weekday).
 * When the spells carry person_id, the people behind each bucket are added for disclosure control:
 * `people` (distinct people with a spell starting in the bucket) and, for each `sum` column, the
 * largest and second-largest single person's total (`<column>_top1`, `<column>_top2`).
 * @example summarizeSicknessSeasonality(sickness, { calendar: 'weekday', sum: ['working_days_lost'] })
 */
export function summarizeSicknessSeasonality(
  spells: ColumnTable,
  options: SeasonalityOptions,
): ColumnTable {
  const where = 'summarizeSicknessSeasonality';
  const { calendar, by = [], sum = [], fyStartMonth = 4 } = options;
  if (!(calendar in KEY)) {
    throw new Error(
      `${where}: calendar must be month, financial_quarter or weekday, got ${JSON.stringify(calendar)}.`,
    );
  }
  const key = KEY[calendar];
  const names = spells.columnNames();
  const given = calendar === 'weekday' ? 'start_weekday' : 'start_month';
  const fromDates = names.includes('start_date');
  if (!fromDates && !names.includes(given)) {
    throw new Error(
      `${where}: the spells table needs start_date (or ${given}) to place spells by ${calendar}. Found: ${names.join(', ')}.`,
    );
  }
  checkColumns(where, spells, [...by, ...sum], { what: 'the spells table' });
  const n = spells.numRows();
  const starts = fromDates ? (spells.array('start_date') as ArrayLike<number | null>) : undefined;
  const raw = fromDates ? undefined : (spells.array(given) as ArrayLike<number | null>);
  const bucket = new Array<number | null>(n);
  const keep = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const day = starts?.[i] ?? null;
    keep[i] = !(
      day !== null &&
      ((options.from !== undefined && day < options.from) ||
        (options.to !== undefined && day > options.to))
    );
    let b: number | null;
    if (starts)
      b = day === null ? null : calendar === 'weekday' ? isoWeekday(day) : dateParts(day).month;
    else b = raw![i];
    const max = calendar === 'weekday' ? 7 : 12;
    if (b !== null && (!Number.isInteger(b) || b < 1 || b > max)) b = null;
    if (b !== null && calendar === 'financial_quarter')
      b = Math.floor(((b - fyStartMonth + 12) % 12) / 3) + 1;
    bucket[i] = b;
  }
  const kept = spells
    .assign(aq.table({ [key]: bucket, __keep: keep }))
    .filter(aq.escape((d: Record<string, unknown>) => d.__keep === true && d[key] !== null));
  let counted = kept
    .groupby([...by, key])
    .rollup({ spells: aq.op.count(), ...Object.fromEntries(sum.map((c) => [c, aq.op.sum(c)])) });
  const withPeople = names.includes('person_id');
  const tops = sum.flatMap((c) => [`${c}_top1`, `${c}_top2`]);
  if (withPeople) {
    // Each person's total per bucket, then the people and the two largest totals per bucket.
    const perPerson = kept
      .groupby([...by, key, 'person_id'])
      .rollup(Object.fromEntries(sum.map((c) => [c, aq.op.sum(c)])))
      .objects() as Record<string, unknown>[];
    const cells = new Map<string, { people: number; values: number[][] }>();
    for (const r of perPerson) {
      const id = JSON.stringify([...by, key].map((c) => r[c]));
      const cell = cells.get(id) ?? { people: 0, values: sum.map(() => []) };
      cells.set(id, cell);
      cell.people += 1;
      sum.forEach((c, k) => cell.values[k].push(Number(r[c] ?? 0)));
    }
    const ids = (counted.objects() as Record<string, unknown>[]).map((r) =>
      JSON.stringify([...by, key].map((c) => r[c])),
    );
    const extra: Record<string, number[]> = { people: [] };
    for (const t of tops) extra[t] = [];
    for (const id of ids) {
      const cell = cells.get(id)!;
      extra.people.push(cell.people);
      sum.forEach((c, k) => {
        const [first, second] = topTwo(cell.values[k]);
        extra[`${c}_top1`].push(first);
        extra[`${c}_top2`].push(second);
      });
    }
    counted = counted.assign(aq.table(extra));
  }
  const added = withPeople ? ['people', ...tops] : [];
  const size = calendar === 'weekday' ? 7 : calendar === 'month' ? 12 : 4;
  const buckets = aq.table({ [key]: Array.from({ length: size }, (_, i) => i + 1) });
  const groups = by.length ? counted.select([...by]).dedupe() : aq.table({ __one: [1] });
  const labels =
    calendar === 'weekday'
      ? WEEKDAY_NAMES
      : calendar === 'month'
        ? MONTH_NAMES
        : ['Q1', 'Q2', 'Q3', 'Q4'];
  return groups
    .cross(buckets)
    .select([...by, key])
    .join_left(counted, [
      [...by, key],
      [...by, key],
    ])
    .derive({
      label: aq.escape((d: Record<string, number>) => labels[d[key] - 1]),
      spells: (d: { spells: number | null }) => d.spells ?? 0,
      ...Object.fromEntries(
        [...sum, ...added].map((c) => [
          c,
          aq.escape((d: Record<string, number | null>) => d[c] ?? 0),
        ]),
      ),
    })
    .select([...by, key, 'label', 'spells', ...sum, ...added])
    .orderby([...by, key]);
}

/**
 * The CellSpec for publishing summarizeSicknessSeasonality output (spells with person_id):
 * dimensions are `by` plus the bucket column; `people` is the population (a bucket of 1 to 4 people
 * is hidden whole); spells is a count; each summed column is a magnitude shown only when no one
 * person makes up over 50% (two over 80%) of it. Pass the summary's `from` and `to` (e.g. the same
 * options object) so the card states the period.
 * @example report.publish(t, seasonalityCellSpec('weekday', { sum: ['working_days_lost'] }))
 */
export function seasonalityCellSpec(
  calendar: SeasonCalendar,
  {
    by = [],
    sum = [],
    from,
    to,
  }: { by?: readonly string[]; sum?: readonly string[]; from?: number; to?: number } = {},
): CellSpec {
  return {
    by: [...by, KEY[calendar]],
    ...(from !== undefined && to !== undefined
      ? { when: `spells starting from ${dayInWords(from)} to ${dayInWords(to)}` }
      : {}),
    who: 'sickness spells of the people in the table, by the date the spell started',
    population: 'people',
    counts: ['spells'],
    magnitudes: [...sum],
    contributors: contributorsOf(sum.map((c) => [c, 'people', `${c}_top1`, `${c}_top2`] as const)),
  };
}

/** Definition card: sickness seasonality. */
export const SICKNESS_SEASONALITY: DefinitionCard = {
  id: 'sickness_seasonality',
  title: 'When sickness starts',
  definition:
    'Sickness spells counted by the month, financial quarter or day of the week of their first day of absence (days lost are attributed to the spell’s start, not spread over the months it spans).',
  numerator: 'spells (and days or hours lost in them)',
  unit: 'spells',
  notes:
    'Comparing months needs the same number of each month in the window (whole years); a Monday peak partly reflects weekend onsets recorded on the first working day.',
};
