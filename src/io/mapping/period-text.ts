// Reading a month or a year out of text (a file name, a date cell, a month name carried in the rows)
// and writing the first or last day of it as ISO text, which the date parser then reads.
import { daysInMonth } from '../../time/dates.js';
import { parseDateOrNaN, dateParts, type DateFormat } from '../../time/dates.js';
import { MappingProblem } from './problem.js';

/** What a value read from text becomes: the text itself, or the first or last day of its month or year. */
export type PeriodAs = 'text' | 'month_start' | 'month_end' | 'year_start' | 'year_end';

export const PERIOD_AS: readonly PeriodAs[] = [
  'text',
  'month_start',
  'month_end',
  'year_start',
  'year_end',
];

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * `text` as `as` says: itself, or the first/last day (yyyy-mm-dd) of the month or year it names; a
 * MappingProblem (rule invalid_period, naming `origin`) when it names none. Months are read from a
 * date in `format` (or ISO), yyyy-mm, mm/yyyy, or a month name (or its first three letters or more)
 * beside a four-digit year; a year from any of these or a lone four-digit number.
 * @example periodText('January 2017', 'month_end', 'dd/mm/yyyy', 'column Month') // '2017-01-31'
 */
export function periodText(
  text: string,
  as: PeriodAs,
  format: DateFormat,
  origin: string,
): string | MappingProblem {
  if (as === 'text') return text;
  const month = monthOf(text, format);
  if (as === 'month_start' || as === 'month_end') {
    if (month === undefined) {
      return new MappingProblem(
        'invalid_period',
        `"${text}" (from ${origin}) is not a month: expected a date (${format}), yyyy-mm, mm/yyyy or a month name with a four-digit year. Correct the source or the mapping's recipe.`,
        text,
      );
    }
    const [y, m] = month;
    return iso(y, m, as === 'month_start' ? 1 : daysInMonth(y, m));
  }
  const year = month?.[0] ?? loneYear(text);
  if (year === undefined) {
    return new MappingProblem(
      'invalid_period',
      `"${text}" (from ${origin}) holds no four-digit year. Correct the source or the mapping's recipe.`,
      text,
    );
  }
  return as === 'year_start' ? iso(year, 1, 1) : iso(year, 12, 31);
}

/** [year, month] named by `text`, or undefined. */
function monthOf(text: string, format: DateFormat): [number, number] | undefined {
  const t = text.trim();
  for (const f of [format, 'iso'] as DateFormat[]) {
    const day = parseDateOrNaN(t, f);
    if (!Number.isNaN(day)) {
      const { year, month } = dateParts(day);
      return [year, month];
    }
  }
  let m = /^(\d{4})[-/._ ]?(\d{1,2})$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/._ ](\d{4})$/.exec(t);
  if (m) return valid(Number(m[2]), Number(m[1]));
  const words = t
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const years = words.filter((w) => /^\d{4}$/.test(w));
  const names = words
    .filter((w) => /^[a-z]{3,}$/.test(w))
    .map((w) => MONTHS.findIndex((name) => name.startsWith(w)))
    .filter((i) => i >= 0);
  if (years.length === 1 && names.length === 1 && words.length === 2) {
    return [Number(years[0]), names[0] + 1];
  }
  return undefined;
}

function valid(year: number, month: number): [number, number] | undefined {
  return month >= 1 && month <= 12 ? [year, month] : undefined;
}

function loneYear(text: string): number | undefined {
  const m = /^\D*(\d{4})\D*$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
