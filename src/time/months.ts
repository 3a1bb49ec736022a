// Calendar months as integers: the month index (year × 12 + month − 1) that monthly series, windows and
// labels share, and whole-month arithmetic on epoch days.
import { dateParts, daysInMonth, epochDay } from './dates.js';

/**
 * Month index of an epoch day: year × 12 + month − 1.
 * @example monthIndex(19814) // 24291 (April 2024)
 */
export function monthIndex(day: number): number {
  const { year, month } = dateParts(day);
  return year * 12 + month - 1;
}

/**
 * First epoch day of month index `k`.
 * @example monthStart(24291) // 19814 (2024-04-01)
 */
export function monthStart(k: number): number {
  return epochDay(Math.floor(k / 12), (k % 12) + 1, 1);
}

/**
 * Last epoch day of month index `k`.
 * @example monthEnd(24291) // 19843 (2024-04-30)
 */
export function monthEnd(k: number): number {
  return monthStart(k + 1) - 1;
}

/**
 * The 'yyyy-mm' label of month index `k`.
 * @example monthLabel(24291) // '2024-04'
 */
export function monthLabel(k: number): string {
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/**
 * Month index of a 'yyyy-mm' label; throws naming `where` and the expected form when it is not one.
 * @example parseMonthLabel('2024-04') // 24291
 */
export function parseMonthLabel(text: string, where = 'parseMonthLabel'): number {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new Error(`${where}: "${text}" is not a month; write yyyy-mm, e.g. 2021-04.`);
  }
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/**
 * The epoch day `months` calendar months after `day`, the day of month clamped (31 Jan + 1 → 28/29 Feb).
 * @example formatDate(addMonths(epochDay(2021, 1, 31), 1)) // '2021-02-28'
 */
export function addMonths(day: number, months: number): number {
  const { year, month, day: d } = dateParts(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return epochDay(y, m, Math.min(d, daysInMonth(y, m)));
}
