// Return-to-work interviews: of the people returning from sickness in a period, how many had their
// interview within N working days of coming back.
import type { ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { DefinitionCard } from '../shared/definition.js';
import { countWorkingDays, nextWorkingDay } from '../../time/working-days.js';
import {
  checkPeople,
  GroupPeriodSums,
  indexPeople,
  type ExposureOptions,
} from '../workforce/exposure.js';
import { checkColumns } from '../../shared/columns.js';
import { checkPeriods } from '../../time/periods.js';

export interface ReturnToWorkOptions extends ExposureOptions {
  /** The interview is on time when held by the Nth working day after the return day (default 3). */
  withinWorkingDays?: number;
  /** Last day of the data: spells ending after it have no return yet (default: end of the last period). */
  asOf?: number;
}

/**
 * Returns from sickness per group × period of the return day (the first working day after the
 * spell's end_date): `returns`, `rtw_on_time` (interview on or after the spell's start and no later
 * than the Nth working day after the return day, so a Monday return with N = 3 is on time up to
 * Thursday), `rtw_late` (held later) and `rtw_missing` (no interview date), and rtw_on_time_pct.
 * Open spells, and returns after the person left, are not returns.
 * @example summarizeReturnToWork(people, sickness, { periods, by: ['unit'], withinWorkingDays: 3 })
 */
export function summarizeReturnToWork(
  people: ColumnTable,
  sickness: ColumnTable,
  options: ReturnToWorkOptions,
): ColumnTable {
  const where = 'summarizeReturnToWork';
  const { periods, by = [], withinWorkingDays = 3, fullTimeHours = 40 } = options;
  checkPeople(where, people, by);
  checkColumns(where, sickness, ['person_id', 'start_date', 'end_date', 'rtw_interview_date'], {
    what: 'sickness',
  });
  checkPeriods(periods, where);
  if (!Number.isInteger(withinWorkingDays) || withinWorkingDays < 0) {
    throw new Error(
      `${where}: withinWorkingDays must be a whole number ≥ 0, got ${withinWorkingDays}.`,
    );
  }
  const asOf = options.asOf ?? Math.max(...periods.map((p) => p.end));
  const index = indexPeople(people, by, fullTimeHours);
  const sums = new GroupPeriodSums(by, periods, [
    'returns',
    'rtw_on_time',
    'rtw_late',
    'rtw_missing',
  ]);
  const person = sickness.array('person_id') as ArrayLike<string>;
  const starts = sickness.array('start_date') as ArrayLike<number>;
  const ends = sickness.array('end_date') as ArrayLike<number | null>;
  const interview = sickness.array('rtw_interview_date') as ArrayLike<number | null>;
  for (let s = 0; s < sickness.numRows(); s++) {
    const end = ends[s];
    if (end === null || end >= asOf) continue;
    const back = nextWorkingDay(end, options);
    if (back > asOf) continue;
    const row = index.find(person[s], back);
    const group = row < 0 ? null : index.group[row];
    if (group === null) continue;
    const k = periods.findIndex((p) => p.start <= back && back <= p.end);
    if (k < 0) continue;
    const at = sums.row(group, k);
    sums.add(at, 'returns', 1);
    const held = interview[s];
    if (held === null) sums.add(at, 'rtw_missing', 1);
    else if (held >= starts[s] && countWorkingDays(back + 1, held, options) <= withinWorkingDays) {
      sums.add(at, 'rtw_on_time', 1);
    } else sums.add(at, 'rtw_late', 1);
  }
  return sums.toTable().derive({
    rtw_on_time_pct: (d: { returns: number; rtw_on_time: number }) =>
      d.returns > 0 ? (100 * d.rtw_on_time) / d.returns : null,
  });
}

/**
 * The CellSpec for publishing summarizeReturnToWork output grouped by `by` (period added).
 * @example report.publish(t, returnToWorkCellSpec(['unit']))
 */
export function returnToWorkCellSpec(by: readonly string[]): CellSpec {
  return {
    by: [...by, 'period'],
    who: 'returns to work from sickness in the period, each counted in the group the person was posted to on the day of return',
    population: 'returns',
    counts: ['rtw_on_time', 'rtw_late', 'rtw_missing'],
    rates: [
      { name: 'rtw_on_time_pct', numerator: 'rtw_on_time', denominator: 'returns', per: 100 },
    ],
  };
}

/** Definition card: return-to-work interviews on time. */
export const RETURN_TO_WORK: DefinitionCard = {
  id: 'return_to_work_interview',
  title: 'Return-to-work interviews on time',
  definition:
    'Share of returns from sickness with a return-to-work interview held no later than the 3rd working day (configurable) after the return day, the first working day after the spell ends.',
  numerator: 'returns with an interview on time',
  denominator: 'returns from sickness in the period (closed spells; leavers excluded)',
  unit: '% of returns',
  notes:
    'Working days are Monday–Friday minus the bank holidays passed in. An interview dated before the spell started is counted late (a data error).',
};
