// Welfare checks owed to people in high-risk roles: counts overdue and the longest delay per group
// (publishable), and the person-level list (analyst mode only). Steps: staff in high-risk roles on the
// day (deriveHighRiskStaff) → each person's checks against the cadence (welfareStatus) → sums per group.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import { groupRows } from '../shared/groups.js';
import { resolveCadence, welfareStatus, type WelfareCadence, type WelfareStatus } from './due.js';
import { checkColumns, numbers } from '../../shared/columns.js';

export interface WelfareCheckOptions {
  /** The day the status is taken on (epoch day), e.g. the last day of the report period. */
  asOf: number;
  /** Grouping columns of the staff table (e.g. ['unit'] after report.labelUnits). */
  by?: string[];
  cadence?: WelfareCadence;
}

/** The counts of people a welfare check summary publishes (each thresholded as a count). */
const COUNTS = [
  'overdue',
  'screening_overdue',
  'pause_point_overdue',
  'meeting_overdue',
  'never_screened',
  'overdue_over_1_year',
] as const;

const SUMS = [
  'high_risk_staff',
  ...COUNTS,
  'overdue_days_sum',
  'screened',
  'months_since_screening_sum',
] as const;

/**
 * Per group of `staff` (from deriveHighRiskStaff) on `asOf`: high_risk_staff; overdue (any check
 * overdue), screening_overdue, pause_point_overdue, meeting_overdue (0 without a meeting cadence),
 * never_screened (no screening recorded), overdue_over_1_year; overdue_days_sum (days overdue of the
 * overdue, summed); screened and months_since_screening_sum (completed months since the last screening,
 * people with one); longest_overdue_months (completed 30.44-day months of the most overdue person, 0
 * when none); longest_without_check_months (the same for the time since anyone's last check of any
 * kind, counted from the role start or the start of records when none); as_of_date; then overdue_pct = 100 × overdue / high_risk_staff and avg_months_since_screening.
 * Overdue = a check past its due date under the cadence (see welfareStatus).
 * @example summarizeWelfareChecks(staff, data.tables.welfare_checks, { asOf: report.period.end, by: ['unit'] })
 */
export function summarizeWelfareChecks(
  staff: ColumnTable,
  welfareChecks: ColumnTable,
  { asOf, by = [], cadence = {} }: WelfareCheckOptions,
): ColumnTable {
  const fn = 'summarizeWelfareChecks';
  const statuses = statusRows(fn, staff, welfareChecks, asOf, cadence, by);
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...by, ...SUMS, 'longest_overdue_months', 'longest_without_check_months'].map((c) => [c, []]),
  );
  for (const group of groupRows(staff, by)) {
    const sums = Object.fromEntries(SUMS.map((s) => [s, 0])) as Record<string, number>;
    let longest = 0;
    let unchecked = 0;
    for (const i of group.rows) {
      const s = statuses[i];
      sums.high_risk_staff++;
      if (s.overdue_days > 0) sums.overdue++;
      if (s.screening_overdue_days > 0) sums.screening_overdue++;
      if (s.pause_point_overdue_days > 0) sums.pause_point_overdue++;
      if ((s.meeting_overdue_days ?? 0) > 0) sums.meeting_overdue++;
      if (s.last_screening_date === null) sums.never_screened++;
      if (s.overdue_days > 365) sums.overdue_over_1_year++;
      sums.overdue_days_sum += s.overdue_days;
      if (s.last_screening_date !== null) {
        sums.screened++;
        sums.months_since_screening_sum += months(asOf - s.last_screening_date);
      }
      longest = Math.max(longest, s.overdue_days);
      unchecked = Math.max(unchecked, s.days_since_last_check);
    }
    by.forEach((c, k) => out[c].push(group.values[k]));
    for (const s of SUMS) out[s].push(sums[s]);
    out.longest_overdue_months.push(months(longest));
    out.longest_without_check_months.push(months(unchecked));
  }
  // The day of the status, so a published table can say it (issue 14: the period in words).
  out.as_of_date = out[SUMS[0]].map(() => asOf);
  const t = toTable(out);
  return t.derive({
    overdue_pct: (d: { overdue: number; high_risk_staff: number }) =>
      d.high_risk_staff > 0 ? (100 * d.overdue) / d.high_risk_staff : null,
    avg_months_since_screening: (d: { months_since_screening_sum: number; screened: number }) =>
      d.screened > 0 ? d.months_since_screening_sum / d.screened : null,
  });
}

/**
 * The CellSpec of summarizeWelfareChecks output: population high_risk_staff, counts of people
 * overdue. The longest delays are one person's value (an order statistic): maxima, shown in analyst
 * mode only and hidden in every row in publish mode, whatever the group's size.
 * @example report.publish(summary, welfareChecksCellSpec(['unit']))
 */
export function welfareChecksCellSpec(
  by: readonly string[],
  extra: Pick<CellSpec, 'total' | 'hierarchy' | 'who' | 'when'> = {},
): CellSpec {
  return {
    by: [...by],
    who: 'staff posted to a high-risk role on the day the checks are assessed (the posting on that day)',
    population: 'high_risk_staff',
    counts: [...COUNTS],
    rates: [
      { name: 'overdue_pct', numerator: 'overdue', denominator: 'high_risk_staff', per: 100 },
      {
        name: 'avg_months_since_screening',
        numerator: 'months_since_screening_sum',
        denominator: 'screened',
      },
    ],
    maxima: ['longest_overdue_months', 'longest_without_check_months'],
    ...extra,
  };
}

/**
 * One row per person of `staff` with their welfare status (dates of the last checks, due dates, days
 * overdue), most overdue first. Names people, so it refuses unless `mode: 'analyst'`: use it to
 * arrange the overdue checks, never in a published report.
 * @example listWelfareStatus(staff, checks, { mode: 'analyst', asOf: data.asOf })
 */
export function listWelfareStatus(
  staff: ColumnTable,
  welfareChecks: ColumnTable,
  options: { mode: 'analyst'; asOf: number; cadence?: WelfareCadence },
): ColumnTable {
  const fn = 'listWelfareStatus';
  if ((options as { mode?: unknown })?.mode !== 'analyst') {
    throw new Error(
      `${fn}: the list names people, so it runs in analyst mode only. Call it with { mode: 'analyst', asOf } in an analyst notebook; publish summarizeWelfareChecks counts instead.`,
    );
  }
  const statuses = statusRows(fn, staff, welfareChecks, options.asOf, options.cadence ?? {}, []);
  const rows: Record<string, unknown>[] = (staff.objects() as Record<string, unknown>[]).map(
    (r, i) => ({ ...r, ...statuses[i] }),
  );
  rows.sort(
    (a, b) =>
      (b.days_since_last_check as number) - (a.days_since_last_check as number) ||
      (b.overdue_days as number) - (a.overdue_days as number) ||
      String(a.person_id).localeCompare(String(b.person_id)),
  );
  return toTable(
    Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, rows.map((r) => r[k])])),
  );
}

function statusRows(
  fn: string,
  staff: ColumnTable,
  checks: ColumnTable,
  asOf: number,
  cadence: WelfareCadence,
  by: readonly string[],
): WelfareStatus[] {
  checkColumns(fn, staff, ['person_id', 'role_start_date', ...by], {
    fix: 'Build it with deriveHighRiskStaff().',
  });
  checkColumns(fn, checks, ['person_id', 'date', 'kind'], {
    fix: 'Pass data.tables.welfare_checks.',
  });
  if (!Number.isInteger(asOf)) {
    throw new Error(
      `${fn}: asOf must be an epoch day (integer), got ${asOf}. Pass e.g. report.period.end.`,
    );
  }
  const dates = numbers(checks, 'date');
  const first = Array.from(dates as ArrayLike<number>).reduce((m, d) => Math.min(m, d), Infinity);
  const c = resolveCadence(
    { ...cadence, recordsFrom: cadence.recordsFrom ?? (Number.isFinite(first) ? first : null) },
    fn,
  );
  const ids = checks.array('person_id') as ArrayLike<string>;
  const kinds = checks.array('kind') as ArrayLike<string>;
  const byPerson = new Map<string, { date: number; kind: string }[]>();
  for (let i = 0; i < checks.numRows(); i++) {
    const list = byPerson.get(ids[i]) ?? [];
    list.push({ date: dates[i] as number, kind: kinds[i] });
    byPerson.set(ids[i], list);
  }
  const person = staff.array('person_id') as ArrayLike<string>;
  const start = staff.array('role_start_date') as ArrayLike<number>;
  return Array.from({ length: staff.numRows() }, (_, i) =>
    welfareStatus(start[i], asOf, byPerson.get(person[i]) ?? [], c),
  );
}

/** Completed months in a number of days (average month of 30.44 days). */
function months(days: number): number {
  return Math.floor(days / 30.4375);
}
