// The counts behind every well-being matrix indicator, per unit of record and period. Steps: cut
// employment spells at posting changes → sickness, overtime, working time on those stretches →
// referrals, leavers, exit interviews, welfare checks, survey and workload rows → one row per unit.
import { escape, type ColumnTable } from 'arquero';
import type { Dataset } from '../../io/load-dataset.js';
import type { Period } from '../../time/periods.js';
import { deriveExitLeavers } from '../exits/leavers.js';
import { MatrixSums, addIndicator, addLeavers, addReferrals } from './sums.js';
import { derivePostingSpells } from './posting-spells.js';
import { summarizeOvertime } from '../overtime/summary.js';
import { summarizeSickness } from '../sickness/summary.js';
import { deriveHighRiskStaff } from '../welfare/staff.js';
import { summarizeWelfareChecks } from '../welfare/checks.js';
import type { WelfareCadence } from '../welfare/due.js';
import { summarizeWorkingTime } from '../overtime/working-time.js';
import { checkPeriods } from '../../time/periods.js';

export interface MatrixCountOptions {
  periods: readonly Period[];
  /** Last day of the data: open sickness spells run to it, welfare status is taken on min(period end, asOf). */
  asOf: number;
  /** Worker types counted (default officer, staff, PCSO: sickness and overtime are not recorded for others); null = all. */
  workerTypes?: readonly string[] | null;
  longTermDays?: number;
  /** Service below this many completed years makes a resignation an early one (default 5). */
  earlyServiceYears?: number;
  /** Exit reasons counted as workload or well-being (default workload, wellbeing_and_stress). */
  exitReasons?: readonly string[];
  cadence?: WelfareCadence;
  /** unit_indicators names of the survey score and the workload (defaults as in the demo force). */
  surveyIndicator?: string;
  workloadIndicator?: string;
  /**
   * One row per unit × person × period instead of per unit × period, with person_id (null on the
   * survey and workload rows, which come as unit aggregates): the people behind each count, for
   * bootstrap intervals. Summed over person_id it equals the default output.
   */
  byPerson?: boolean;
}

type Tables = Pick<
  Dataset['tables'],
  | 'people'
  | 'postings'
  | 'sickness'
  | 'overtime'
  | 'oh_referrals'
  | 'exit_interviews'
  | 'welfare_checks'
  | 'unit_indicators'
>;

/**
 * One row per unit of record (the unit_id people were posted to, at any level) and period: unit_id,
 * period, headcount (people in post on any day) and every numerator and denominator of
 * DEFAULT_MATRIX_INDICATORS (MATRIX_COUNT_COLUMNS), all additive. Events count in the unit of the
 * posting on their date; leavers and exit interviews in the unit of the last posting; welfare status
 * on min(period end, asOf); survey and workload rows that lie inside the period, in their own unit.
 * @example summarizeMatrixCounts(data.tables, { periods: [parsePeriod('FY2024-25')], asOf: data.asOf })
 */
export function summarizeMatrixCounts(tables: Tables, options: MatrixCountOptions): ColumnTable {
  const fn = 'summarizeMatrixCounts';
  const {
    periods,
    asOf,
    workerTypes = ['officer', 'staff', 'pcso'],
    earlyServiceYears = 5,
    byPerson = false,
  } = options;
  checkPeriods(periods, fn);
  if (!Number.isInteger(asOf)) throw new Error(`${fn}: asOf must be an epoch day, got ${asOf}.`);
  const people = workerTypes
    ? tables.people.filter(
        escape((d: { worker_type: string }) => workerTypes.includes(d.worker_type)),
      )
    : tables.people;
  const spells = derivePostingSpells(people, tables.postings);
  const rows = new MatrixSums(periods, byPerson);
  const by = byPerson ? ['unit_id', 'person_id'] : ['unit_id'];
  const add = (t: ColumnTable, map: Record<string, string>, label?: string) => {
    const unit = t.array('unit_id') as ArrayLike<string>;
    const who = byPerson ? (t.array('person_id') as ArrayLike<string>) : undefined;
    const period = label === undefined ? (t.array('period') as ArrayLike<string>) : undefined;
    for (const [from, to] of Object.entries(map)) {
      const v = t.array(from) as ArrayLike<number>;
      for (let i = 0; i < t.numRows(); i++)
        rows.add(unit[i], label ?? period![i], to, v[i], who?.[i] ?? null);
    }
  };
  const sick = summarizeSickness(spells, tables.sickness, {
    periods,
    by,
    asOf,
    longTermDays: options.longTermDays ?? 28,
  });
  add(
    sick,
    Object.fromEntries(
      [
        'headcount',
        'fte_days_lost',
        'fte_days_available',
        'mental_health_fte_days_lost',
        'long_term_fte_days_lost',
        'fte_avg',
        'headcount_avg',
      ].map((c) => [c, c]),
    ),
  );
  add(summarizeOvertime(spells, tables.overtime, { periods, by }), {
    overtime_hours: 'overtime_hours',
    rest_days_worked: 'rest_days_worked',
  });
  const wt = summarizeWorkingTime(spells, tables.overtime, {
    periods,
    by,
    sickness: tables.sickness,
  });
  add(wt, {
    people_over_limit: 'people_over_48_hours',
    people_assessed: 'people_assessed_48_hours',
  });
  addReferrals(rows, spells, tables.oh_referrals, periods);
  addLeavers(rows, spells, periods, earlyServiceYears * 12);
  const wanted = options.exitReasons ?? ['workload', 'wellbeing_and_stress'];
  const exits = deriveExitLeavers(people, tables.exit_interviews, { periods });
  const eUnit = exits.array('unit_id') as ArrayLike<string>;
  const eWho = exits.array('person_id') as ArrayLike<string>;
  const ePeriod = exits.array('period') as ArrayLike<string>;
  const asked = exits.array('interviewed') as ArrayLike<boolean>;
  const reasons = exits.array('reasons') as ArrayLike<string[]>;
  for (let i = 0; i < exits.numRows(); i++) {
    if (!asked[i]) continue;
    rows.add(eUnit[i], ePeriod[i], 'interviews', 1, eWho[i]);
    if (reasons[i].some((r) => wanted.includes(r)))
      rows.add(eUnit[i], ePeriod[i], 'interviews_citing_workload', 1, eWho[i]);
  }
  for (const p of periods) {
    const day = Math.min(p.end, asOf);
    const staff = deriveHighRiskStaff(people, tables.postings, { asOf: day });
    const w = summarizeWelfareChecks(staff, tables.welfare_checks, {
      asOf: day,
      by,
      cadence: options.cadence,
    });
    add(w, { overdue: 'welfare_overdue', high_risk_staff: 'high_risk_staff' }, p.label);
  }
  addIndicator(
    rows,
    tables.unit_indicators,
    periods,
    options.surveyIndicator ?? 'staff_survey_wellbeing_score',
    ['survey_score_sum', 'survey_respondents'],
  );
  addIndicator(
    rows,
    tables.unit_indicators,
    periods,
    options.workloadIndicator ?? 'workload_per_fte',
    ['workload_items', 'workload_fte'],
  );
  return rows.toTable();
}
