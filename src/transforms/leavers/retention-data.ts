// Person-level retention data: time in this organisation as counting-process rows (entry, time] with
// the exit and its cause, for Kaplan–Meier, Aalen–Johansen and log-rank. Steps: window start and end →
// tenure on entering the window (left truncation) and at exit or data end (right censoring) → intake FY.
import { table as toTable, type ColumnTable } from 'arquero';
import { financialYearLabel } from '../../time/periods.js';
import type { DefinitionCard } from '../shared/definition.js';
import { checkColumns, numbers } from '../../shared/columns.js';

/** Days in a year and a month of tenure: the Julian year, so that R and JS divide identically. */
export const DAYS_PER_YEAR = 365.25;

export type TenureUnit = 'years' | 'months';

export interface RetentionDataOptions {
  /** Last day the data covers (epoch day), e.g. dataEnd(data): people in post are censored there. */
  dataEnd: number;
  /**
   * First day of the data window (epoch day), from which leavers are complete: people who joined
   * before it enter the risk set with the tenure they had on it. Pass recordsStart(data).day (the
   * mapping's records_from, else the earliest dated record); there is no default, because guessing it
   * from the first exit can open the window too late or too early.
   */
  windowStart: number;
  /** Time scale: 'years' (default) or 'months' of tenure in this organisation. */
  unit?: TenureUnit;
  /** Month the financial year starts, for intake_fy (default 4, April). */
  fyStartMonth?: number;
}

export const RETENTION_TIME_SCALE: DefinitionCard = {
  id: 'retention_time_scale',
  title: 'Retention curves: time scale and follow-up',
  definition:
    'Time is tenure in this organisation: days from start_date to the last day inclusive (days served), in years of 365.25 days (or months of 30.44 days). People still in post are followed to the end of the data (right censoring). People who joined before the data window enter the risk set with the tenure they had when it opened (left truncation), so those who left before the window do not bias the curve. The window opens on the first day the extract\u2019s records are complete: records_from in the mapping, else the earliest exit or event date in the extract.',
  notes:
    'Tenure in this organisation, not police service: transferees start again at 0, matching what the organisation can act on. Each employment spell is followed separately (a rejoiner counts twice). A leavers-only extract has no one in post and cannot give retention curves.',
};

/**
 * Returns the spells observed in the window with columns added: tenure_entry_<unit> (tenure when the
 * window opened, 0 for people who joined in it), tenure_<unit> (tenure at the last day, or at dataEnd
 * for people in post), left (1 when the spell ended by dataEnd, else 0), exit_cause (leaver_type, null
 * while in post) and intake_fy (financial year of start_date). Spells that ended before the window,
 * or start after dataEnd, are dropped. Tenure in days = last day − start_date + 1.
 * @example deriveRetentionData(people, { windowStart: recordsStart(data).day, dataEnd: dataEnd(data) })
 */
export function deriveRetentionData(
  people: ColumnTable,
  { dataEnd, windowStart, unit = 'years', fyStartMonth = 4 }: RetentionDataOptions,
): ColumnTable {
  const fn = 'deriveRetentionData';
  checkColumns(fn, people, ['start_date', 'end_date', 'leaver_type']);
  if (!Number.isInteger(dataEnd)) {
    throw new Error(
      `${fn}: dataEnd must be an epoch day (integer), got ${dataEnd}. Pass dataEnd(data).`,
    );
  }
  if (unit !== 'years' && unit !== 'months') {
    throw new Error(`${fn}: unit must be 'years' or 'months', got ${JSON.stringify(unit)}.`);
  }
  const start = numbers(people, 'start_date');
  const end = numbers(people, 'end_date');
  const type = people.array('leaver_type') as ArrayLike<string | null>;
  if (windowStart === undefined || windowStart === null) {
    throw new Error(
      `${fn}: windowStart is missing. Pass the first day the extract's records are complete: { windowStart: recordsStart(data).day } (set config.records_from in the mapping when the tables start on different days).`,
    );
  }
  const window = windowStart;
  if (!Number.isInteger(window) || window > dataEnd) {
    throw new Error(
      `${fn}: windowStart ${window} must be an epoch day on or before dataEnd ${dataEnd}. Pass the first day of the extract.`,
    );
  }
  const perUnit = unit === 'years' ? DAYS_PER_YEAR : DAYS_PER_YEAR / 12;
  const keep: number[] = [];
  const entry: number[] = [];
  const time: number[] = [];
  const left: number[] = [];
  const cause: (string | null)[] = [];
  const intake: string[] = [];
  for (let i = 0; i < people.numRows(); i++) {
    const s = start[i]!;
    const e = end[i];
    const exited = e !== null && e <= dataEnd;
    const last = exited ? e : dataEnd;
    if (s > dataEnd || last < window) continue;
    keep.push(i);
    entry.push(Math.max(0, window - s) / perUnit);
    time.push((last - s + 1) / perUnit);
    left.push(exited ? 1 : 0);
    cause.push(exited ? type[i] || 'other' : null);
    intake.push(financialYearLabel(s, { fyStartMonth }));
  }
  const picked = toTable(
    Object.fromEntries(
      people.columnNames().map((c) => [c, keep.map((i) => people.get(c, i) as unknown)]),
    ),
  );
  return picked.assign(
    toTable({
      [`tenure_entry_${unit}`]: entry,
      [`tenure_${unit}`]: time,
      left,
      exit_cause: cause,
      intake_fy: intake,
    }),
  );
}

/**
 * Why retention curves cannot be drawn from `people`, or null when they can: no rows, or nobody in
 * post (a leavers-only extract, e.g. exit surveys, has no one at risk who stayed).
 * @example retentionUnavailableReason(people) // null for a full workforce extract
 */
export function retentionUnavailableReason(people: ColumnTable): string | null {
  checkColumns('retentionUnavailableReason', people, ['end_date']);
  if (people.numRows() === 0) return 'the extract holds no employment records';
  const end = numbers(people, 'end_date');
  for (let i = 0; i < end.length; i++) if (end[i] === null) return null;
  return 'the extract holds leavers only (nobody in post), so it cannot show how long people stay: retention curves and the 3-year point need the whole workforce';
}
