// Working days for sickness and working-time measures: Monday–Friday days, minus the bank holidays a
// caller lists (none by default), and the small checks every sickness and overtime transform shares.
import type { ColumnTable } from 'arquero';
import type { Period } from '../time/periods.js';

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

/** Throws naming every column of `needed` that `table` lacks, the columns it has, and how to fix it. */
export function requireColumns(
  table: ColumnTable,
  needed: readonly string[],
  where: string,
  what: string,
): void {
  const have = table.columnNames();
  const missing = needed.filter((c) => !have.includes(c));
  if (missing.length > 0) {
    throw new Error(
      `${where}: ${what} lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. ` +
        `Found: ${have.join(', ')}. Load it with loadDataset() or derive the column first (e.g. deriveUnitAtLevel).`,
    );
  }
}

/** Throws unless `periods` is a non-empty list of periods with integer start ≤ end. */
export function checkPeriods(periods: readonly Period[], where: string): void {
  if (!Array.isArray(periods) || periods.length === 0) {
    throw new Error(
      `${where}: periods must list at least one period, e.g. periodsBetween(from, to, 'month').`,
    );
  }
  for (const p of periods) {
    if (!Number.isInteger(p.start) || !Number.isInteger(p.end) || p.end < p.start) {
      throw new Error(
        `${where}: period ${JSON.stringify(p.label)} needs integer epoch days start ≤ end, got ${p.start}..${p.end}.`,
      );
    }
  }
}

/** The FTE of a people row: fte, else contracted hours / full-time hours, else 1. */
export function fteOf(fte: number | null, hours: number | null, fullTimeHours: number): number {
  if (typeof fte === 'number' && fte > 0) return fte;
  if (typeof hours === 'number' && hours > 0) return hours / fullTimeHours;
  return 1;
}
