// Overtime per group × period: hours per FTE, paid vs TOIL vs unpaid, rest days worked per person.
// Steps: person-time per group and period → each claim added to its person's group and period → rates.
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import {
  EXPOSURE_MEASURES,
  GroupPeriodSums,
  addExposure,
  checkPeople,
  indexPeople,
  type ExposureOptions,
} from '../workforce/exposure.js';
import { checkColumns, columnArray, columnReader, optionalReader } from '../../shared/columns.js';
import { summarizeWithWhole } from '../shared/totals.js';
import {
  contributorsOf,
  PersonContributions,
  type ContributionColumns,
} from '../workforce/contributions.js';
import { checkPeriods } from '../../time/periods.js';
import { searchSorted } from '../../shared/numeric.js';
import { personEvents } from '../workforce/person-events.js';

const MEASURES = [
  'claims',
  'people_claiming',
  'overtime_hours',
  'paid_hours',
  'toil_hours',
  'unpaid_hours',
  'rest_days_worked',
];
/** Magnitudes with the people behind them: [column, people column, top-1 column, top-2 column]. */
const CONTRIBUTIONS: readonly ContributionColumns[] = [
  'overtime_hours',
  'paid_hours',
  'toil_hours',
  'unpaid_hours',
  'rest_days_worked',
].map((c) => [c, `people_${c}`, `${c}_top1`, `${c}_top2`] as const);

/** summarizeOvertime's options: ExposureOptions and an optional total label. */
export interface OvertimeOptions extends ExposureOptions {
  /**
   * When set, rows where every `by` column reads this label (e.g. 'All') are added, computed from
   * all people together (so people counts and the largest contributions are exact, not summed).
   */
  total?: string;
}

/**
 * Overtime per group of `people` and period: claims, people_claiming, overtime_hours split into
 * paid_hours, toil_hours and unpaid_hours (a claim without compensation counts in overtime_hours
 * only), rest_days_worked (days with at least one claim marked rest_day_worked, per person), plus the
 * person-time of summarizeSickness (headcount, headcount_avg, fte_avg). Rates: hours_per_fte =
 * overtime_hours / fte_avg; rest_days_per_person = rest_days_worked / headcount_avg. A claim counts
 * in the group of the employment spell the person was in on its date; claims outside every spell are
 * left out. Counts and hours add up across groups. The people behind each figure, for disclosure
 * control: for each of overtime_hours, paid_hours, toil_hours, unpaid_hours and rest_days_worked,
 * `people_<column>` (people contributing) and `<column>_top1`, `<column>_top2` (the largest and
 * second-largest single person's contribution). These do not add up: use `total` for margins.
 * @example summarizeOvertime(people, overtime, { periods: periodsBetween(from, to, 'month'), by: ['unit'] })
 */
export function summarizeOvertime(
  people: ColumnTable,
  overtime: ColumnTable,
  options: OvertimeOptions,
): ColumnTable {
  const { by = [], total } = options;
  const sum = [...EXPOSURE_MEASURES, ...MEASURES];
  return withRates(
    summarizeWithWhole(people, { by, total, sum }, (p) => overtimeSums(p, overtime, options)),
  );
}

function overtimeSums(
  people: ColumnTable,
  overtime: ColumnTable,
  options: OvertimeOptions,
): ColumnTable {
  const where = 'summarizeOvertime';
  const { periods, by = [], fullTimeHours = 40 } = options;
  checkPeople(where, people, by);
  checkColumns(where, overtime, ['person_id', 'date', 'hours'], { what: 'overtime' });
  checkPeriods(periods, where);
  const index = indexPeople(people, by, fullTimeHours);
  // Per row, each person's [overtime, paid, toil, unpaid hours, rest days worked].
  const byPerson = new PersonContributions(CONTRIBUTIONS);
  const sums = new GroupPeriodSums(by, periods, [
    ...EXPOSURE_MEASURES,
    ...MEASURES,
    ...byPerson.measures,
  ]);
  addExposure(sums, index, options);
  // numbers as typed arrays, text and flags read in place: no copy of a column of every claim
  const person = columnReader<string>(overtime, 'person_id');
  const date = columnArray<number>(overtime, 'date');
  const hours = columnArray<number>(overtime, 'hours');
  const comp = optionalReader<string | null>(overtime, 'compensation');
  const rest = optionalReader<boolean | null>(overtime, 'rest_day_worked');
  const claimers = new Map<number, Set<string>>();
  const restDays = new Map<number, Set<string>>();
  const periodAt = periodFinder(periods);
  const { rows, find } = personEvents(index, overtime);
  // The sums row and the person's totals of each people row × period, looked up once.
  const slots = periods.length;
  const slotRow = new Int32Array(index.start.length * slots).fill(-1);
  const slotOwn: number[][] = [];
  for (const i of rows) {
    const k = periodAt(date[i]);
    if (k < 0) continue;
    const row = find(i, date[i]);
    const group = row < 0 ? null : index.group[row];
    if (group === null) continue;
    const slot = row * slots + k;
    let at = slotRow[slot];
    if (at < 0) {
      at = slotRow[slot] = sums.row(group, k);
      addTo(claimers, at, person(i));
      slotOwn[slot] = byPerson.of(at, person(i));
    }
    sums.add(at, 'claims', 1);
    sums.add(at, 'overtime_hours', hours[i]);
    const c = comp?.(i);
    if (c === 'paid' || c === 'toil' || c === 'unpaid') sums.add(at, `${c}_hours`, hours[i]);
    const own = slotOwn[slot];
    own[0] += hours[i];
    if (c === 'paid') own[1] += hours[i];
    if (c === 'toil') own[2] += hours[i];
    if (c === 'unpaid') own[3] += hours[i];
    if (rest?.(i) === true) {
      const restKey = `${person(i)}|${date[i]}`;
      if (!restDays.get(at)?.has(restKey)) {
        own[4] += 1;
        addTo(restDays, at, restKey);
      }
    }
  }
  byPerson.addTo(sums);
  for (const [at, who] of claimers) sums.add(at, 'people_claiming', who.size);
  for (const [at, days] of restDays) sums.add(at, 'rest_days_worked', days.size);
  return sums.toTable();
}

function withRates(table: ColumnTable): ColumnTable {
  return table.derive({
    hours_per_fte: (d: { overtime_hours: number; fte_avg: number }) =>
      d.fte_avg > 0 ? d.overtime_hours / d.fte_avg : null,
    rest_days_per_person: (d: { rest_days_worked: number; headcount_avg: number }) =>
      d.headcount_avg > 0 ? d.rest_days_worked / d.headcount_avg : null,
  });
}

/**
 * The CellSpec for publishing summarizeOvertime output grouped by `by` (period added). Hours and
 * rest days are magnitudes: each is shown only when 5 or more people contribute and no one person
 * makes up over 50% (two people over 80%) of it; claims need 5 people claiming. Build margins with
 * summarizeOvertime's `total` option.
 * @example report.publish(t, overtimeCellSpec(['unit']))
 */
export function overtimeCellSpec(
  by: readonly string[],
  extra: Pick<CellSpec, 'total' | 'hierarchy' | 'who' | 'when'> = {},
): CellSpec {
  return {
    by: [...by, 'period'],
    who: 'people in the row’s group on any day of the period, each person once; each overtime claim counts in the group the person was posted to on the day worked',
    population: 'headcount',
    counts: ['people_claiming', 'claims'],
    magnitudes: CONTRIBUTIONS.map(([column]) => column),
    rates: [
      { name: 'hours_per_fte', numerator: 'overtime_hours', denominator: 'fte_avg' },
      { name: 'rest_days_per_person', numerator: 'rest_days_worked', denominator: 'headcount_avg' },
    ],
    contributors: [
      { column: 'claims', people: 'people_claiming' },
      ...contributorsOf(CONTRIBUTIONS),
    ],
    ...extra,
  };
}

/** Index of the period holding `day` (periods must not overlap), or -1. */
export function periodFinder(periods: ExposureOptions['periods']): (day: number) => number {
  const order = periods.map((_, k) => k).sort((a, b) => periods[a].start - periods[b].start);
  const starts = order.map((k) => periods[k].start);
  return (day) => {
    const found = searchSorted(starts, day, 'right') - 1;
    return found >= 0 && day <= periods[order[found]].end ? order[found] : -1;
  };
}

function addTo(map: Map<number, Set<string>>, at: number, value: string): void {
  const set = map.get(at);
  if (set) set.add(value);
  else map.set(at, new Set([value]));
}

/** Definition card: overtime hours per FTE. */
export const OVERTIME_HOURS_PER_FTE: DefinitionCard = {
  id: 'overtime_hours_per_fte',
  title: 'Overtime hours per FTE',
  definition:
    'Overtime hours claimed in the period (paid, TOIL and unpaid together) divided by the average FTE in post over the period.',
  numerator: 'overtime hours claimed, by the date worked',
  denominator: 'average FTE in post (FTE × days in post ÷ days in the period, summed)',
  unit: 'hours per FTE',
  notes:
    'Claims are counted where the person was posted on the day worked. Unpaid hours are only those someone chose to record, so the unpaid share is a lower bound.',
};

/** Definition card: rest days worked. */
export const REST_DAYS_WORKED: DefinitionCard = {
  id: 'rest_days_worked',
  title: 'Rest days worked per person',
  definition:
    'Days on which a person claimed overtime marked as worked on a rest day (one per person per day), divided by the average headcount over the period.',
  numerator: 'person-days of rest-day working',
  denominator: 'average headcount',
  unit: 'rest days per person',
};
