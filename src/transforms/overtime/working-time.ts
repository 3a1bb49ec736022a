// Working Time Regulations view: average weekly hours (contracted + overtime) over a 17-week
// reference period ending on each period's last day, and the share of people averaging over 48.
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import {
  checkPeople,
  GroupPeriodSums,
  indexPeople,
  type ExposureOptions,
} from '../workforce/exposure.js';
import { checkColumns, columnArray, optionalColumn } from '../../shared/columns.js';
import { checkPeriods } from '../../time/periods.js';
import { personEvents } from '../workforce/person-events.js';

export interface WorkingTimeOptions extends ExposureOptions {
  /** Weeks in the reference period (default 17). */
  weeks?: number;
  /** Average weekly hours above which a person counts as over (default 48). */
  limitHours?: number;
  /** Sickness spells: weeks with any day off sick are excluded from the person's average. */
  sickness?: ColumnTable;
}

/**
 * For each period, the reference period is the `weeks` × 7 days ending on the period's last day, cut
 * into whole weeks. A person's week counts when they were in post all 7 days and had no day off sick;
 * its hours are contracted hours per week (contracted_hours_per_week, else FTE × fullTimeHours) plus
 * overtime hours dated in it. Their average = sum over counted weeks ÷ counted weeks (excluded weeks
 * are dropped, not replaced by later weeks). Per group × period: `people_assessed` (at least one
 * counted week), `people_over_limit` (average strictly above limitHours), `weekly_hours_sum` (sum of
 * the averages), and share_over_limit_pct and avg_weekly_hours.
 * @example summarizeWorkingTime(people, overtime, { periods: months, by: ['unit'], sickness })
 */
export function summarizeWorkingTime(
  people: ColumnTable,
  overtime: ColumnTable,
  options: WorkingTimeOptions,
): ColumnTable {
  const where = 'summarizeWorkingTime';
  const { periods, by = [], weeks = 17, limitHours = 48, fullTimeHours = 40, sickness } = options;
  checkPeople(where, people, by);
  checkColumns(where, overtime, ['person_id', 'date', 'hours'], { what: 'overtime' });
  if (sickness)
    checkColumns(where, sickness, ['person_id', 'start_date', 'end_date'], { what: 'sickness' });
  checkPeriods(periods, where);
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new Error(`${where}: weeks must be a whole number ≥ 1, got ${weeks}.`);
  const index = indexPeople(people, by, fullTimeHours);
  const n = index.start.length;
  const contracted = optionalColumn<number | null>(people, 'contracted_hours_per_week');
  const weekly = Float64Array.from(
    { length: n },
    (_, i) => contracted?.[i] ?? index.fte[i] * fullTimeHours,
  );
  const sums = new GroupPeriodSums(by, periods, [
    'people_assessed',
    'people_over_limit',
    'weekly_hours_sum',
  ]);
  const claims = personEvents(index, overtime);
  const oDate = columnArray<number>(overtime, 'date');
  const oHours = columnArray<number>(overtime, 'hours');
  const span = weeks * 7;
  periods.forEach((p, k) => {
    const first = p.end - span + 1;
    const extra = new Float64Array(n * weeks);
    const excluded = new Uint8Array(n * weeks);
    for (const c of claims.rows) {
      if (oDate[c] < first || oDate[c] > p.end) continue;
      const i = claims.find(c, oDate[c]);
      if (i >= 0) extra[i * weeks + Math.floor((oDate[c] - first) / 7)] += oHours[c];
    }
    if (sickness) markSickWeeks(sickness, index, first, p.end, weeks, excluded);
    for (let i = 0; i < n; i++) {
      const group = index.group[i];
      if (group === null) continue;
      let total = 0;
      let counted = 0;
      for (let w = 0; w < weeks; w++) {
        const a = first + 7 * w;
        const inPost = index.start[i] <= a && (index.end[i] ?? Infinity) >= a + 6;
        if (!inPost || excluded[i * weeks + w]) continue;
        total += weekly[i] + extra[i * weeks + w];
        counted++;
      }
      if (counted === 0) continue;
      const average = total / counted;
      const at = sums.row(group, k);
      sums.add(at, 'people_assessed', 1);
      sums.add(at, 'weekly_hours_sum', average);
      if (average > limitHours) sums.add(at, 'people_over_limit', 1);
    }
  });
  return sums.toTable().derive({
    share_over_limit_pct: (d: { people_over_limit: number; people_assessed: number }) =>
      d.people_assessed > 0 ? (100 * d.people_over_limit) / d.people_assessed : null,
    avg_weekly_hours: (d: { weekly_hours_sum: number; people_assessed: number }) =>
      d.people_assessed > 0 ? d.weekly_hours_sum / d.people_assessed : null,
  });
}

function markSickWeeks(
  sickness: ColumnTable,
  index: ReturnType<typeof indexPeople>,
  first: number,
  last: number,
  weeks: number,
  excluded: Uint8Array,
): void {
  const person = sickness.array('person_id') as ArrayLike<string>;
  const starts = sickness.array('start_date') as ArrayLike<number>;
  const ends = sickness.array('end_date') as ArrayLike<number | null>;
  for (let s = 0; s < sickness.numRows(); s++) {
    const a = Math.max(starts[s], first);
    const b = Math.min(ends[s] ?? last, last);
    if (b < a) continue;
    // The spell may start in an earlier employment spell: mark every row of the person in post then.
    for (let day = a; day <= b; day += 7) {
      const i = index.find(person[s], day);
      if (i < 0) continue;
      for (let w = Math.floor((a - first) / 7); w <= Math.floor((b - first) / 7); w++)
        excluded[i * weeks + w] = 1;
      break;
    }
  }
}

/**
 * The CellSpec for publishing summarizeWorkingTime output grouped by `by` (period added).
 * @example report.publish(t, workingTimeCellSpec(['unit']))
 */
export function workingTimeCellSpec(by: readonly string[]): CellSpec {
  return {
    by: [...by, 'period'],
    who: 'people in post in the row’s group for at least one whole week of the 17 weeks to the end of the period (weeks off sick left out); each week counts where the person was posted',
    population: 'people_assessed',
    counts: ['people_over_limit'],
    rates: [
      {
        name: 'share_over_limit_pct',
        numerator: 'people_over_limit',
        denominator: 'people_assessed',
        per: 100,
      },
      { name: 'avg_weekly_hours', numerator: 'weekly_hours_sum', denominator: 'people_assessed' },
    ],
  };
}

/** Definition card: share of people averaging over 48 hours a week. */
export const WORKING_TIME_OVER_48: DefinitionCard = {
  id: 'working_time_over_48',
  title: 'People averaging over 48 hours a week (17-week reference period)',
  definition:
    'Share of people whose average weekly hours (contracted hours plus overtime claimed) over the 17 weeks ending on the last day of the period exceeds 48. Weeks not fully in post or with any day off sick are left out of the average.',
  numerator: 'people averaging more than 48 hours',
  denominator: 'people with at least one counted week',
  unit: '% of people',
  source: 'Working Time Regulations 1998, regulations 4 and 6 (17-week reference period)',
  notes:
    'A well-being indicator, not a compliance test. The Regulations replace excluded days with days after the reference period ((A + B) / C) and also exclude annual leave; the kit drops whole excluded weeks and, with no leave data, assumes contracted hours in every week. Police officers are covered by the Regulations, but regulation 18 disapplies the limits where the characteristics of police activities inevitably conflict with them (e.g. major incidents); staff may also have signed an individual opt-out.',
};
