// When overtime is worked: claims and hours by day of the week, and hours spread over the clock
// hours between start and end time (when the export has them).
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import { minutesOfDay } from '../../time/clock.js';
import { WEEKDAY_NAMES } from '../../time/dates.js';
import type { DefinitionCard } from '../shared/definition.js';
import { isoWeekday } from '../../time/working-days.js';
import { checkColumns, columnArray, columnReader } from '../../shared/columns.js';

export interface OvertimePatternOptions {
  /** 'weekday': by ISO day of the week of the date; 'hour': by clock hour 0–23 of the time worked. */
  calendar: 'weekday' | 'hour';
  /** Only claims dated from / to these epoch days (inclusive). */
  from?: number;
  to?: number;
}

/**
 * Overtime by time: with calendar 'weekday', one row per weekday (1 = Monday … 7 = Sunday) with
 * `claims`, `overtime_hours` and `people_claiming`; with 'hour', one row per clock hour 0–23 with
 * `claims_starting` (claims whose start_time falls in the hour), `hours_worked` (the minutes between
 * start_time and end_time that fall in the hour, an end before the start running past midnight) and
 * `people_claiming` (people with any claim starting in the hour). Claims without both times are left
 * out of the hour view and counted in the returned table's `claims_without_times` column.
 * @example summarizeOvertimePattern(overtime, { calendar: 'hour', from: fy.start, to: fy.end })
 */
export function summarizeOvertimePattern(
  overtime: ColumnTable,
  options: OvertimePatternOptions,
): ColumnTable {
  const where = 'summarizeOvertimePattern';
  const { calendar, from = -Infinity, to = Infinity } = options;
  if (calendar !== 'weekday' && calendar !== 'hour') {
    throw new Error(
      `${where}: calendar must be 'weekday' or 'hour', got ${JSON.stringify(calendar)}.`,
    );
  }
  const needed = [
    'person_id',
    'date',
    'hours',
    ...(calendar === 'hour' ? ['start_time', 'end_time'] : []),
  ];
  checkColumns(where, overtime, needed, { what: 'overtime' });
  const person = columnReader<string>(overtime, 'person_id');
  const date = columnArray<number>(overtime, 'date');
  const hours = columnArray<number>(overtime, 'hours');
  const size = calendar === 'weekday' ? 7 : 24;
  const count = new Float64Array(size);
  const worked = new Float64Array(size);
  const people = Array.from({ length: size }, () => new Set<string>());
  let untimed = 0;
  const starts =
    calendar === 'hour' ? columnReader<string | null>(overtime, 'start_time') : undefined;
  const ends = calendar === 'hour' ? columnReader<string | null>(overtime, 'end_time') : undefined;
  for (let i = 0; i < overtime.numRows(); i++) {
    if (date[i] < from || date[i] > to) continue;
    if (calendar === 'weekday') {
      const w = isoWeekday(date[i]) - 1;
      count[w]++;
      worked[w] += hours[i];
      people[w].add(person(i));
      continue;
    }
    const start = starts!(i);
    const end = ends!(i);
    const a = start ? minutesOfDay(start) : NaN;
    const b = end ? minutesOfDay(end) : NaN;
    if (Number.isNaN(a) || Number.isNaN(b)) {
      untimed++;
      continue;
    }
    const h = Math.min(23, Math.floor(a / 60));
    count[h]++;
    people[h].add(person(i));
    const length = b > a ? b - a : b + 1440 - a;
    for (let m = a; m < a + length;) {
      const hour = Math.floor(m / 60) % 24;
      const next = Math.min((Math.floor(m / 60) + 1) * 60, a + length);
      worked[hour] += (next - m) / 60;
      m = next;
    }
  }
  const slot = Array.from({ length: size }, (_, i) => (calendar === 'weekday' ? i + 1 : i));
  return calendar === 'weekday'
    ? aq.table({
        weekday: slot,
        label: [...WEEKDAY_NAMES],
        claims: Array.from(count),
        overtime_hours: Array.from(worked),
        people_claiming: people.map((s) => s.size),
      })
    : aq.table({
        hour: slot,
        label: slot.map((h) => `${String(h).padStart(2, '0')}:00`),
        claims_starting: Array.from(count),
        hours_worked: Array.from(worked),
        people_claiming: people.map((s) => s.size),
        claims_without_times: slot.map(() => untimed),
      });
}

const OVERTIME_PATTERN_WHO =
  'overtime claims dated in the period by the people in the table, whatever their posting';

/**
 * The CellSpec for publishing summarizeOvertimePattern output: people claiming is the population.
 * @example report.publish(t, overtimePatternCellSpec('hour'))
 */
export function overtimePatternCellSpec(calendar: 'weekday' | 'hour'): CellSpec {
  return calendar === 'weekday'
    ? {
        by: ['weekday', 'label'],
        who: OVERTIME_PATTERN_WHO,
        population: 'people_claiming',
        counts: ['claims', 'overtime_hours'],
      }
    : {
        by: ['hour', 'label'],
        who: OVERTIME_PATTERN_WHO,
        population: 'people_claiming',
        counts: ['claims_starting', 'hours_worked'],
      };
}

/** Definition card: time-of-day and day-of-week pattern of overtime. */
export const OVERTIME_PATTERN: DefinitionCard = {
  id: 'overtime_pattern',
  title: 'When overtime is worked',
  definition:
    'Overtime claims and hours by day of the week of the date worked, and hours by clock hour between the recorded start and end times (a claim ending before it starts runs past midnight).',
  unit: 'claims, hours',
  notes:
    'Claims without start and end times are left out of the clock-hour view; their number is shown.',
};
