// Epoch-day arithmetic for the generator: ISO strings, weekdays and financial years, all in UTC.

const MS_PER_DAY = 86_400_000;

/** Epoch day (days since 1970-01-01 UTC) of a calendar date; month is 1–12. */
export function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Calendar year of an epoch day. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day of week of an epoch day: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Number of Monday–Friday days in [from, to], both ends included (0 when to < from). */
export function weekdaysBetween(from: number, to: number): number {
  if (to < from) return 0;
  const days = to - from + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let d = from + weeks * 7; d <= to; d++) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

/** ISO yyyy-mm-dd strings for epoch days, memoised over a fixed range for speed. */
export class IsoDates {
  private readonly cache: string[] = [];

  constructor(
    private readonly first: number,
    last: number,
  ) {
    for (let d = first; d <= last; d++) this.cache.push(toIso(d));
  }

  /** The ISO string of `day` (computed directly when outside the cached range). */
  format(day: number): string {
    const cached = this.cache[day - this.first];
    return cached === undefined ? toIso(day) : cached;
  }
}

/** ISO yyyy-mm-dd of an epoch day. */
export function toIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Epoch day of the given number of months after `day` (day of month clamped, e.g. 31 Jan + 1 → 28 Feb). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(date.getUTCDate(), last)) / MS_PER_DAY;
}

/** "HH:MM" for a number of minutes after midnight (wrapped into one day). */
export function clockTime(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
