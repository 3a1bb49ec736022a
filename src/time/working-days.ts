// Working days for sickness and working-time measures: Monday–Friday days, minus the bank holidays a
// caller lists (none by default).

/** How working days are counted. */
export interface WorkingDayOptions {
  /**
   * Bank holidays (epoch days) that are not working days. Default: none, so bank holidays count as
   * working days unless listed (the kit ships no holiday calendar: pass the one your force uses).
   */
  bankHolidays?: readonly number[];
}

/**
 * Day of the week of an epoch day, ISO numbering: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
 * @example isoWeekday(19814) // 1 (2024-04-01 was a Monday)
 */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Working days from `from` to `to` (epoch days, both inclusive): Monday–Friday days that are not in
 * `bankHolidays`; 0 when `to` is before `from`.
 * @example countWorkingDays(19814, 19827) // 10 (two full weeks from Monday 2024-04-01)
 */
export function countWorkingDays(
  from: number,
  to: number,
  { bankHolidays = [] }: WorkingDayOptions = {},
): number {
  if (to < from) return 0;
  const days = to - from + 1;
  let count = Math.floor(days / 7) * 5;
  for (let d = from + Math.floor(days / 7) * 7; d <= to; d++) if (isoWeekday(d) <= 5) count++;
  for (const h of bankHolidays) if (h >= from && h <= to && isoWeekday(h) <= 5) count--;
  return count;
}

/**
 * The first working day after `day` (the day someone returns from a spell that ended on `day`).
 * @example nextWorkingDay(19818) // 19821 (Friday 2024-04-05 → Monday 2024-04-08)
 */
export function nextWorkingDay(day: number, options: WorkingDayOptions = {}): number {
  const holidays = new Set(options.bankHolidays ?? []);
  let d = day + 1;
  while (isoWeekday(d) > 5 || holidays.has(d)) d++;
  return d;
}
