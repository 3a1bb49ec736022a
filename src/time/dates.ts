// Epoch-day dates: whole days since 1970-01-01 (UTC), the kit's one representation of a date in a table.
// Parsing is strict: a day that does not exist in its month is an error, never rolled into the next month.

/** A date format for parsing text: ISO, or a pattern of dd, mm and yyyy separated by '/', '-' or '.'. */
export type DateFormat = 'iso' | 'yyyy-mm-dd' | 'dd/mm/yyyy' | 'mm/dd/yyyy' | (string & {});

const DAY_MS = 86_400_000;

/**
 * Short names of the months, January first: `MONTH_NAMES[month - 1]`.
 * @example MONTH_NAMES[3] // 'Apr'
 */
export const MONTH_NAMES: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/**
 * Short names of the days of the week in ISO order, Monday first: `WEEKDAY_NAMES[isoWeekday(day) - 1]`.
 * @example WEEKDAY_NAMES[0] // 'Mon'
 */
export const WEEKDAY_NAMES: readonly string[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Epoch day of a calendar date (days since 1970-01-01 UTC); throws if the date does not exist.
 * @example epochDay(2024, 4, 1) // 19814
 */
export function epochDay(year: number, month: number, day: number): number {
  const problem = calendarProblem(year, month, day);
  if (problem !== undefined) throw new Error(`epochDay: ${problem}.`);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * Year, month (1–12) and day of an epoch day.
 * @example dateParts(19814) // { year: 2024, month: 4, day: 1 }
 */
export function dateParts(day: number): { year: number; month: number; day: number } {
  checkEpochDay('dateParts', day);
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * ISO text yyyy-mm-dd of an epoch day.
 * @example formatDate(19814) // '2024-04-01'
 */
export function formatDate(day: number): string {
  checkEpochDay('formatDate', day);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Epoch day of a date written in `format` (default ISO yyyy-mm-dd); throws a message naming the problem.
 * Day and month may have one or two digits; the year needs four. A time after the date
 * ("2023-02-01 09:30", "01/02/2023T00:00:00") is ignored. Impossible dates (31/02/2023) throw.
 * @example parseDate('31/03/2024', 'dd/mm/yyyy') // 19813
 */
export function parseDate(text: string, format: DateFormat = 'iso'): number {
  const day = parseDateOrNaN(text, format);
  if (Number.isNaN(day)) throw new Error(`parseDate: ${dateProblem(text, format)}.`);
  return day;
}

/**
 * Epoch day of `text` in `format`, or NaN when it is not a valid date (see `dateProblem` for why).
 * @example parseDateOrNaN('2023-02-31') // NaN
 */
export function parseDateOrNaN(text: string, format: DateFormat = 'iso'): number {
  const parts = splitDate(text, format);
  if (typeof parts === 'string') return NaN;
  const [year, month, day] = parts;
  if (calendarProblem(year, month, day) !== undefined) return NaN;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * Why `text` is not a date in `format` (one clause, lower case), or undefined when it is valid.
 * @example dateProblem('31/02/2023', 'dd/mm/yyyy') // '"31/02/2023" is not a real date: February 2023 has 28 days'
 */
export function dateProblem(text: string, format: DateFormat = 'iso'): string | undefined {
  const parts = splitDate(text, format);
  if (typeof parts === 'string') return parts;
  const problem = calendarProblem(...parts);
  return problem === undefined ? undefined : `"${text}" is not a real date: ${problem}`;
}

/**
 * Today's date as an epoch day in UTC (the default as-of date).
 * @example todayEpochDay() // e.g. 20100
 */
export function todayEpochDay(now: Date = new Date()): number {
  return Math.floor(now.getTime() / DAY_MS);
}

/**
 * The as-of date as an epoch day: `value` parsed as ISO when text, taken as-is when a number, today when absent.
 * @example resolveAsOf('2025-03-31') // 20178
 */
export function resolveAsOf(value?: string | number): number {
  if (value === undefined) return todayEpochDay();
  if (typeof value === 'number') {
    checkEpochDay('resolveAsOf', value);
    return value;
  }
  const day = parseDateOrNaN(value.trim(), 'iso');
  if (Number.isNaN(day)) {
    throw new Error(
      `as-of date: ${dateProblem(value.trim(), 'iso')}. Write it as yyyy-mm-dd, e.g. 2025-03-31.`,
    );
  }
  return day;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days in a month of a year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarProblem(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return `year ${year} is out of range`;
  if (!Number.isInteger(month) || month < 1 || month > 12) return `month ${month} does not exist`;
  const days = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > days) {
    return `${MONTHS[month - 1]} ${year} has ${days} days`;
  }
  return undefined;
}

const patternCache = new Map<string, { regex: RegExp; order: ('y' | 'm' | 'd')[] }>();

function compileFormat(format: string): { regex: RegExp; order: ('y' | 'm' | 'd')[] } {
  const cached = patternCache.get(format);
  if (cached) return cached;
  const key = format === 'iso' ? 'yyyy-mm-dd' : format.toLowerCase();
  const tokens = key.match(/^(yyyy|mm|dd)([/.-])(yyyy|mm|dd)\2(yyyy|mm|dd)$/);
  const order = tokens ? [tokens[1], tokens[3], tokens[4]].map((t) => t[0] as 'y' | 'm' | 'd') : [];
  if (!tokens || new Set(order).size !== 3) {
    throw new Error(
      `date format "${format}" is not supported. Use "iso" or a pattern of dd, mm and yyyy separated by /, - or ., such as "dd/mm/yyyy".`,
    );
  }
  const sep = tokens[2] === '.' ? '\\.' : tokens[2];
  const part = (t: string) => (t === 'y' ? '(\\d{4})' : '(\\d{1,2})');
  const regex = new RegExp(
    `^${order.map(part).join(sep)}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?$`,
  );
  const compiled = { regex, order };
  patternCache.set(format, compiled);
  return compiled;
}

/** [year, month, day] from text, or a message saying why the text does not match the format. */
function splitDate(text: string, format: string): [number, number, number] | string {
  const { regex, order } = compileFormat(format);
  const match = regex.exec(text);
  if (!match) {
    const shown = format === 'iso' ? 'yyyy-mm-dd' : format;
    return `"${text}" is not a date in the format ${shown}`;
  }
  const value = { y: 0, m: 0, d: 0 };
  order.forEach((token, i) => (value[token] = Number(match[i + 1])));
  return [value.y, value.m, value.d];
}

function checkEpochDay(fn: string, day: number): void {
  if (!Number.isInteger(day)) {
    throw new Error(
      `${fn}: expected an epoch day (a whole number of days since 1970-01-01), got ${day}.`,
    );
  }
}
