// Rules on one parsed row, after each cell has its type: dates after the as-of date, ends before starts,
// leaver_type exactly when end_date, values that need a partner; end dates after the as-of date read as
// plans (still in post, still off sick, still posted); and warnings for suspicious rows.
import { dateParts, formatDate } from '../time/dates.js';
import { minutesOfDay } from '../time/clock.js';
import { SCHEMA, type TableName } from './tables.js';

/** A problem with one row: the rule broken, the column and value concerned, and how to fix it. */
export interface RowProblem {
  rule: string;
  column: string;
  value: string;
  message: string;
}

export type ParsedRow = Record<string, string | number | boolean | string[] | null>;

/** Hours of overtime in one claim above which the claim is accepted with a warning. */
export const LONG_OVERTIME_HOURS = 16;

const ORDERED_DATES: Partial<Record<TableName, [start: string, end: string][]>> = {
  people: [
    ['start_date', 'end_date'],
    ['service_start_date', 'start_date'],
    ['service_start_date', 'end_date'],
  ],
  postings: [['from_date', 'to_date']],
  sickness: [['start_date', 'end_date']],
  unit_indicators: [['period_start', 'period_end']],
};

/**
 * End dates that may lie after the as-of date, as plans: a leaver who has given notice, a fit note that
 * runs on, a fixed-term posting. Each lists the columns that go with it (cleared with it).
 */
const PLANNED_ENDS: Partial<Record<TableName, { column: string; with: string[]; as: string }>> = {
  people: {
    column: 'end_date',
    with: ['leaver_type'],
    as: 'still in post on the as-of date (notice given): not a leaver yet',
  },
  postings: { column: 'to_date', with: [], as: 'the current posting' },
  sickness: { column: 'end_date', with: [], as: 'a spell still open on the as-of date' },
};

/**
 * A function that reads a planned end of a row of `table` (an end date after the as-of date) as
 * what is true on the as-of date: it clears the end date (and people's leaver_type) in `row` and
 * returns a `planned_end_date` warning giving the planned date; empty when nothing is planned. Run it
 * on rows that passed rowRules, so the row's other rules saw the dates as given.
 * @example plannedEnds('people', 20178)(row) // row.end_date 20200 → null, [{ rule: 'planned_end_date', … }]
 */
export function plannedEnds(table: TableName, asOf: number): (row: ParsedRow) => RowProblem[] {
  const plan = PLANNED_ENDS[table];
  if (plan === undefined) return () => [];
  return (row) => {
    const day = row[plan.column];
    if (typeof day !== 'number' || day <= asOf) return [];
    const kept = plan.with
      .filter((c) => row[c] !== null && row[c] !== undefined)
      .map((c) => `${c} "${String(row[c])}"`);
    row[plan.column] = null;
    for (const c of plan.with) row[c] = null;
    return [
      {
        rule: 'planned_end_date',
        column: plan.column,
        value: formatDate(day),
        message: `${plan.column} ${formatDate(day)} is after the as-of date ${formatDate(asOf)}, so the row is loaded as ${plan.as}${kept.length > 0 ? ` (${kept.join(', ')} set aside)` : ''}. Nothing to fix: an extract with a later as-of date will count it as it ends.`,
      },
    ];
  };
}

/** Columns read together by a rule of rowRules, rowWarnings or plannedEnds (besides ORDERED_DATES). */
const RULES_ACROSS_COLUMNS: Partial<Record<TableName, string[][]>> = {
  people: [
    ['end_date', 'leaver_type'],
    ['birth_year', 'start_date'],
  ],
  overtime: [['hours', 'start_time', 'end_time']],
  sickness: [['start_date', 'rtw_interview_date']],
  unit_indicators: [['value', 'numerator', 'denominator']],
  units: [['unit_id', 'parent_id']],
};

/**
 * The sets of columns of `table` that one row rule, planned end or row warning reads together (rules
 * on a single column are not listed): a check that judges a row's cells in parts (the DuckDB scan
 * judges each distinct value once) must judge each of these sets whole. Keep it in step with the
 * rules below.
 * @example rowRuleColumns('overtime') // [['hours', 'start_time', 'end_time']]
 */
export function rowRuleColumns(table: TableName): string[][] {
  const plan = PLANNED_ENDS[table];
  return [
    ...(ORDERED_DATES[table] ?? []).map((pair) => [...pair]),
    ...(plan !== undefined && plan.with.length > 0 ? [[plan.column, ...plan.with]] : []),
    ...(RULES_ACROSS_COLUMNS[table] ?? []),
  ];
}

/**
 * A function returning the problems that make a parsed row of `table` unusable (empty when none).
 * Rules: date_after_as_of (except planned ends, see plannedEnds), end_before_start,
 * leaver_type_without_end_date, end_date_without_leaver_type, indicator_without_value, unit_is_own_parent.
 * @example rowRules('people', 20178)({ start_date: 20000, end_date: 19000, ... }) // [{ rule: 'end_before_start', ... }]
 */
export function rowRules(table: TableName, asOf: number): (row: ParsedRow) => RowProblem[] {
  const columns = SCHEMA[table].columns as Record<
    string,
    { type: string; futureAllowed?: boolean }
  >;
  const planned = PLANNED_ENDS[table]?.column;
  const pastDates = Object.keys(columns).filter(
    (c) => columns[c].type === 'date' && !columns[c].futureAllowed && c !== planned,
  );
  const pairs = ORDERED_DATES[table] ?? [];
  return (row) => {
    const problems: RowProblem[] = [];
    for (const column of pastDates) {
      const day = row[column];
      if (typeof day === 'number' && day > asOf) {
        problems.push({
          rule: 'date_after_as_of',
          column,
          value: formatDate(day),
          message: `${column} ${formatDate(day)} is after the as-of date ${formatDate(asOf)}. Correct the date, or load with a later --as-of date.`,
        });
      }
    }
    for (const [start, end] of pairs) {
      const from = row[start];
      const to = row[end];
      if (typeof from === 'number' && typeof to === 'number' && to < from) {
        problems.push({
          rule: 'end_before_start',
          column: end,
          value: formatDate(to),
          message: `${end} ${formatDate(to)} is before ${start} ${formatDate(from)}. Correct one of the two dates (are day and month swapped?).`,
        });
      }
    }
    if (table === 'people') leaverRules(row, problems);
    if (table === 'unit_indicators' && row.value === null) {
      if (row.numerator === null || row.denominator === null) {
        problems.push({
          rule: 'indicator_without_value',
          column: 'value',
          value: '',
          message:
            'value is empty and numerator and denominator are not both given. Give the value, or both numerator and denominator.',
        });
      }
    }
    if (table === 'units' && row.parent_id !== null && row.parent_id === row.unit_id) {
      problems.push({
        rule: 'unit_is_own_parent',
        column: 'parent_id',
        value: String(row.parent_id),
        message: `unit ${row.unit_id} names itself as its parent. Give the unit above it, or leave parent_id empty for the top unit.`,
      });
    }
    return problems;
  };
}

/**
 * A function returning warnings for a row that is accepted but looks wrong (empty when none).
 * Rules: long_overtime_day (hours above 16), times_disagree_with_hours, rtw_interview_before_absence,
 * implausible_age (under 16 or over 75 at start_date).
 * @example rowWarnings('overtime')({ hours: 17, ... }) // [{ rule: 'long_overtime_day', ... }]
 */
export function rowWarnings(table: TableName): (row: ParsedRow) => RowProblem[] {
  return (row) => {
    const warnings: RowProblem[] = [];
    if (table === 'overtime') overtimeWarnings(row, warnings);
    if (table === 'sickness') {
      const { start_date: start, rtw_interview_date: rtw } = row;
      if (typeof start === 'number' && typeof rtw === 'number' && rtw < start) {
        warnings.push({
          rule: 'rtw_interview_before_absence',
          column: 'rtw_interview_date',
          value: formatDate(rtw),
          message: `rtw_interview_date ${formatDate(rtw)} is before the absence began (${formatDate(start)}). Check the date.`,
        });
      }
    }
    if (
      table === 'people' &&
      typeof row.birth_year === 'number' &&
      typeof row.start_date === 'number'
    ) {
      const age = dateParts(row.start_date).year - row.birth_year;
      if (age < 16 || age > 75) {
        warnings.push({
          rule: 'implausible_age',
          column: 'birth_year',
          value: String(row.birth_year),
          message: `birth_year ${row.birth_year} makes the person about ${age} at start_date. Check the year.`,
        });
      }
    }
    return warnings;
  };
}

function leaverRules(row: ParsedRow, problems: RowProblem[]): void {
  if (row.end_date !== null && row.leaver_type === null) {
    problems.push({
      rule: 'end_date_without_leaver_type',
      column: 'leaver_type',
      value: '',
      message: `end_date is set (${formatDate(row.end_date as number)}) but leaver_type is empty. Give the leaver type (use "other" when unknown), or clear end_date if the person is still in post.`,
    });
  }
  if (row.end_date === null && row.leaver_type !== null) {
    problems.push({
      rule: 'leaver_type_without_end_date',
      column: 'end_date',
      value: '',
      message: `leaver_type is "${row.leaver_type}" but end_date is empty. Give the last day of service, or clear leaver_type if the person is still in post.`,
    });
  }
}

function overtimeWarnings(row: ParsedRow, warnings: RowProblem[]): void {
  const hours = row.hours as number;
  if (hours > LONG_OVERTIME_HOURS) {
    warnings.push({
      rule: 'long_overtime_day',
      column: 'hours',
      value: String(hours),
      message: `${hours} hours of overtime in one claim (over ${LONG_OVERTIME_HOURS}). Accepted; check it is not two days in one claim.`,
    });
  }
  if (typeof row.start_time === 'string' && typeof row.end_time === 'string') {
    const span = (minutes(row.end_time) - minutes(row.start_time) + 1440) % 1440 || 1440;
    if (hours * 60 > span + 15) {
      warnings.push({
        rule: 'times_disagree_with_hours',
        column: 'hours',
        value: String(hours),
        message: `${hours} hours claimed but ${row.start_time}–${row.end_time} spans ${span / 60} hours. Check the hours or the times.`,
      });
    }
  }
}

/** minutesOfDay of canonical HH:MM text, remembered (at most 1,440 distinct values). */
const MINUTES = new Map<string, number>();
function minutes(time: string): number {
  let m = MINUTES.get(time);
  if (m === undefined) MINUTES.set(time, (m = minutesOfDay(time)));
  return m;
}
