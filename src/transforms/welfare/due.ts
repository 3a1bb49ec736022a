// When each welfare check falls due for one person in a high-risk role, and how late it is: the
// cadence (annual screening, pause-point reviews, optional welfare meetings) applied to their checks.
import { addMonths } from '../../time/months.js';

/** How often checks are owed to people in high-risk roles. */
export interface WelfareCadence {
  /** Months between psychological screenings (default 12: annual). */
  screeningMonths?: number;
  /** Days after entering the role by which the first screening is due when none is recorded (default 30). */
  initialScreeningDays?: number;
  /** Pause-point reviews due at these months in role (default [3, 6, 12, 36]). */
  pausePointMonths?: readonly number[];
  /** A review up to this many days before a pause point counts for it (default 30). */
  pausePointEarlyDays?: number;
  /** Months between welfare meetings; null (default) reports time since the last meeting without an overdue test. */
  welfareMeetingMonths?: number | null;
  /** First day checks were recorded: nothing can be shown overdue from before it (default: the earliest check). */
  recordsFrom?: number | null;
}

/** The cadence with every default filled in. */
export type ResolvedCadence = Required<WelfareCadence>;

/** One person's checks against the cadence on `asOf` (days; null when not applicable). */
export interface WelfareStatus {
  last_screening_date: number | null;
  last_meeting_date: number | null;
  last_check_date: number | null;
  /** Days since the last check of any kind (or since the role start, or records began, when none). */
  days_since_last_check: number;
  screening_due_date: number;
  screening_overdue_days: number;
  /** The latest pause point reached (months in role), or null when none yet. */
  pause_point_months: number | null;
  pause_point_overdue_days: number;
  /** Pause points reached with no review between them and the next one. */
  pause_points_missed: number;
  meeting_overdue_days: number | null;
  /** The largest of the overdue days above (0 when nothing is overdue). */
  overdue_days: number;
}

/**
 * The cadence with defaults, checked; throws naming the option and the fix.
 * @example resolveCadence({ welfareMeetingMonths: 6 }).pausePointMonths // [3, 6, 12, 36]
 */
export function resolveCadence(cadence: WelfareCadence = {}, where = 'welfare'): ResolvedCadence {
  const c: ResolvedCadence = {
    screeningMonths: 12,
    initialScreeningDays: 30,
    pausePointMonths: [3, 6, 12, 36],
    pausePointEarlyDays: 30,
    welfareMeetingMonths: null,
    recordsFrom: null,
    ...Object.fromEntries(Object.entries(cadence).filter(([, v]) => v !== undefined)),
  };
  const bad: string[] = [];
  if (!(Number.isInteger(c.screeningMonths) && c.screeningMonths > 0)) bad.push('screeningMonths');
  if (!(Number.isInteger(c.initialScreeningDays) && c.initialScreeningDays >= 0))
    bad.push('initialScreeningDays');
  if (
    !Array.isArray(c.pausePointMonths) ||
    c.pausePointMonths.some((m) => !(Number.isInteger(m) && m > 0))
  )
    bad.push('pausePointMonths');
  if (!(Number.isInteger(c.pausePointEarlyDays) && c.pausePointEarlyDays >= 0))
    bad.push('pausePointEarlyDays');
  const w = c.welfareMeetingMonths;
  if (w !== null && !(Number.isInteger(w) && w > 0)) bad.push('welfareMeetingMonths');
  if (c.recordsFrom !== null && !Number.isInteger(c.recordsFrom)) bad.push('recordsFrom');
  if (bad.length > 0) {
    throw new Error(
      `${where}: cadence option${bad.length > 1 ? 's' : ''} ${bad.join(', ')} out of range. ` +
        'Months and days are whole numbers > 0 (days may be 0), pausePointMonths a list of months, recordsFrom an epoch day.',
    );
  }
  return { ...c, pausePointMonths: [...c.pausePointMonths].sort((a, b) => a - b) };
}

/**
 * One person's welfare status on `asOf`, from the first day in role and their checks (any order).
 * Screening: due `screeningMonths` after the last screening on or before asOf, or
 * initialScreeningDays after the role start when none is recorded. Pause points: the latest one
 * reached is met by a review dated from (its due date − pausePointEarlyDays) to asOf; otherwise it is
 * overdue since its due date. Meetings (when welfareMeetingMonths is set): due that many months after
 * the last meeting, or after the role start. For someone in role before recordsFrom, a screening and
 * a meeting are assumed on recordsFrom, and pause points before it are not tested (unknown).
 * @example welfareStatus(epochDay(2024, 1, 1), epochDay(2025, 3, 31), [], resolveCadence())
 */
export function welfareStatus(
  roleStart: number,
  asOf: number,
  checks: readonly { date: number; kind: string }[],
  c: ResolvedCadence,
): WelfareStatus {
  const late = (due: number) => Math.max(0, asOf - due);
  const upTo = checks.filter((k) => k.date <= asOf);
  const last = (kind: string | null) =>
    upTo.reduce<number | null>(
      (m, k) => (kind !== null && k.kind !== kind ? m : m === null || k.date > m ? k.date : m),
      null,
    );
  const screening = last('psychological_screening');
  const meeting = last('welfare_meeting');
  // In role before records began: assume a check the day records began (nothing is known before it).
  const known = c.recordsFrom === null || roleStart >= c.recordsFrom ? null : c.recordsFrom;
  const screeningDue =
    screening !== null
      ? addMonths(screening, c.screeningMonths)
      : known !== null
        ? addMonths(known, c.screeningMonths)
        : roleStart + c.initialScreeningDays;
  const reviews = upTo
    .filter((k) => k.kind === 'pause_point_review' && k.date >= roleStart - c.pausePointEarlyDays)
    .map((k) => k.date);
  const points = c.pausePointMonths
    .map((m) => ({ m, due: addMonths(roleStart, m) }))
    .filter((p) => p.due <= asOf && (c.recordsFrom === null || p.due >= c.recordsFrom));
  let missed = 0;
  points.forEach((p, j) => {
    const next = j + 1 < points.length ? points[j + 1].due - c.pausePointEarlyDays : Infinity;
    if (!reviews.some((d) => d >= p.due - c.pausePointEarlyDays && d < next)) missed++;
  });
  const latest = points.length > 0 ? points[points.length - 1] : null;
  const latestMet = latest === null || reviews.some((d) => d >= latest.due - c.pausePointEarlyDays);
  const pauseLate = latest === null || latestMet ? 0 : late(latest.due);
  const meetingLate =
    c.welfareMeetingMonths === null
      ? null
      : late(addMonths(meeting ?? known ?? roleStart, c.welfareMeetingMonths));
  const screeningLate = late(screeningDue);
  return {
    last_screening_date: screening,
    last_meeting_date: meeting,
    last_check_date: last(null),
    days_since_last_check: asOf - (last(null) ?? known ?? roleStart),
    screening_due_date: screeningDue,
    screening_overdue_days: screeningLate,
    pause_point_months: latest?.m ?? null,
    pause_point_overdue_days: pauseLate,
    pause_points_missed: missed,
    meeting_overdue_days: meetingLate,
    overdue_days: Math.max(screeningLate, pauseLate, meetingLate ?? 0),
  };
}
