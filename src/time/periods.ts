// Reporting periods over epoch days: financial years (April–March by default), financial quarters,
// calendar quarters, months and calendar years, each with a label that parses back to the same period.
import { dateParts, daysInMonth, epochDay } from './dates.js';

/**
 * Kinds of period: financial year, financial quarter, calendar quarter, month, calendar year, and two
 * pooled kinds: a range of periods (FY2012-13..FY2013-14) and all the data an extract holds.
 */
export type PeriodKind =
  'financial_year' | 'financial_quarter' | 'quarter' | 'month' | 'year' | 'range' | 'all';

/** A reporting period: `start` and `end` are epoch days and both inside the period (inclusive). */
export interface Period {
  kind: PeriodKind;
  /** FY2024-25, FY2024-25 Q1, 2024-Q2, 2024-04 or 2024. */
  label: string;
  start: number;
  end: number;
}

export interface PeriodOptions {
  /** Month (1–12) in which the financial year starts; default 4 (April, UK public sector). */
  fyStartMonth?: number;
  /** First and last day of the data, for the period 'all' (e.g. from dataStart and dataEnd). */
  extent?: { start: number; end: number };
}

/**
 * The period of `kind` that contains the epoch day `date`.
 * Financial years are labelled by their two calendar years (FY2024-25 runs 2024-04-01 to 2025-03-31);
 * with fyStartMonth 1 the label is FY2024. Financial quarter Q1 is the first three months of the year.
 * @example periodOf(19814, 'financial_year').label // 'FY2024-25' (19814 is 2024-04-01)
 */
export function periodOf(date: number, kind: PeriodKind, options: PeriodOptions = {}): Period {
  const fyStart = checkStartMonth(options.fyStartMonth);
  const { year, month } = dateParts(date);
  switch (kind) {
    case 'year':
      return monthSpan(kind, String(year), year, 1, 12);
    case 'month':
      return monthSpan(kind, `${year}-${pad(month)}`, year, month, 1);
    case 'quarter': {
      const q = Math.floor((month - 1) / 3);
      return monthSpan(kind, `${year}-Q${q + 1}`, year, q * 3 + 1, 3);
    }
    case 'financial_year':
    case 'financial_quarter': {
      const fyYear = month >= fyStart ? year : year - 1;
      const fy = fyLabel(fyYear, fyStart);
      if (kind === 'financial_year') return monthSpan(kind, fy, fyYear, fyStart, 12);
      const monthsIn = (month - fyStart + 12) % 12;
      const q = Math.floor(monthsIn / 3);
      const first = ((fyStart - 1 + q * 3) % 12) + 1;
      return monthSpan(kind, `${fy} Q${q + 1}`, first < fyStart ? fyYear + 1 : fyYear, first, 3);
    }
    default:
      throw new Error(
        `periodOf: unknown period kind "${String(kind)}". Use financial_year, financial_quarter, quarter, month or year.`,
      );
  }
}

/**
 * The period a label names: FY2024-25, FY2024 (when the year starts in January), FY2024-25 Q3, 2024-Q2,
 * 2024-04 or 2024; a range of two of them, pooled (`FY2012-13..FY2013-14`, `2024-04..2025-03`, or
 * written `FY2012-13 to FY2013-14` as its label reads), from the start of the first to the end of the
 * last; or `all`, the whole extent of the data (options.extent). Throws when the label matches none
 * of these, its two FY years do not follow, or a range ends before it starts.
 * @example parsePeriod('FY2024-25') // { kind: 'financial_year', label: 'FY2024-25', start: 19814, end: 20178 }
 * @example parsePeriod('FY2012-13..FY2013-14').label // 'FY2012-13 to FY2013-14'
 */
export function parsePeriod(label: string, options: PeriodOptions = {}): Period {
  const text = label.trim();
  if (/^all$/i.test(text) || /^all data\b/i.test(text)) {
    const extent = options.extent;
    if (!extent || !Number.isInteger(extent.start) || !Number.isInteger(extent.end)) {
      throw new Error(
        'parsePeriod: "all" needs the extent of the data (options.extent = { start, end }): pass dataStart(data) and dataEnd(data).',
      );
    }
    return {
      kind: 'all',
      label: `all data (${formatIso(extent.start)} to ${formatIso(extent.end)})`,
      start: extent.start,
      end: extent.end,
    };
  }
  const range = /^(.+?)\s*(?:\.\.|\bto\b)\s*(.+)$/i.exec(text);
  if (range) {
    const first = parseSingle(range[1], label, options);
    const last = parseSingle(range[2], label, options);
    if (last.end < first.start) {
      throw new Error(
        `parsePeriod: the range "${label}" ends (${last.label}) before it starts (${first.label}). Write the earlier period first.`,
      );
    }
    if (first.label === last.label) return first;
    return {
      kind: 'range',
      label: `${first.label} to ${last.label}`,
      start: first.start,
      end: last.end,
    };
  }
  return parseSingle(text, label, options);
}

function parseSingle(text: string, label: string, options: PeriodOptions): Period {
  const fyStart = checkStartMonth(options.fyStartMonth);
  text = text.trim();
  let m = /^FY(\d{4})(?:-(\d{2}))?(?: Q([1-4]))?$/i.exec(text);
  if (m) {
    const year = Number(m[1]);
    const wanted = fyLabel(year, fyStart);
    if (wanted !== `FY${m[1]}${m[2] === undefined ? '' : `-${m[2]}`}`) {
      throw new Error(
        `parsePeriod: "${label}" is not a financial year label for a year starting in month ${fyStart}. Write ${wanted}.`,
      );
    }
    const fy = periodOf(epochDay(year, fyStart, 1), 'financial_year', options);
    if (m[3] === undefined) return fy;
    const first = dateParts(fy.start);
    const startMonth = ((first.month - 1 + (Number(m[3]) - 1) * 3) % 12) + 1;
    const startYear = startMonth < fyStart ? year + 1 : year;
    return periodOf(epochDay(startYear, startMonth, 1), 'financial_quarter', options);
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) return periodOf(epochDay(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 1), 'quarter');
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return periodOf(epochDay(Number(m[1]), Number(m[2]), 1), 'month');
  }
  m = /^(\d{4})$/.exec(text);
  if (m) return periodOf(epochDay(Number(m[1]), 1, 1), 'year');
  throw new Error(
    `parsePeriod: "${label}" is not a period label. Use FY2024-25, FY2024-25 Q1, 2024-Q2, 2024-04, 2024, a range such as FY2022-23..FY2024-25, or all.`,
  );
}

/**
 * Whether a period pools several periods (a range, or all the data): tables of it are labelled so.
 * @example isPooled(parsePeriod('FY2022-23..FY2024-25')) // true
 */
export function isPooled(period: Period): boolean {
  return period.kind === 'range' || period.kind === 'all';
}

/**
 * The period a report compares `period` with: the one just before it for a single period, the range of
 * equal length (in months) just before a range, and null for 'all' (the whole extent has no "before").
 * @example previousPeriod(parsePeriod('FY2022-23..FY2023-24'))?.label // 'FY2020-21 to FY2021-22'
 * @example previousPeriod(parsePeriod('all', { extent })) // null
 */
export function previousPeriod(period: Period, options: PeriodOptions = {}): Period | null {
  if (period.kind === 'all') return null;
  if (period.kind !== 'range') return periodOf(period.start - 1, period.kind, options);
  const first = dateParts(period.start);
  const last = dateParts(period.end);
  const months = (last.year - first.year) * 12 + (last.month - first.month) + 1;
  const startIndex = first.year * 12 + (first.month - 1) - months;
  const endIndex = first.year * 12 + (first.month - 1) - 1;
  const start = epochDay(Math.floor(startIndex / 12), (startIndex % 12) + 1, 1);
  const endYear = Math.floor(endIndex / 12);
  const endMonth = (endIndex % 12) + 1;
  const end = epochDay(endYear, endMonth, daysInMonth(endYear, endMonth));
  // Label the ends as the range's own ends are labelled (FY2020-21, 2023-04 …) when they parse back.
  const ends = period.label.split(' to ');
  let label = `${formatIso(start).slice(0, 7)} to ${formatIso(end).slice(0, 7)}`;
  if (ends.length === 2) {
    try {
      const kind = parseSingle(ends[0], period.label, options).kind;
      const a = periodOf(start, kind, options);
      const b = periodOf(end, kind, options);
      if (a.start === start && b.end === end) label = `${a.label} to ${b.label}`;
    } catch {
      // keep the month label
    }
  }
  return { kind: 'range', label, start, end };
}

function formatIso(day: number): string {
  const { year, month, day: d } = dateParts(day);
  return `${year}-${pad(month)}-${pad(d)}`;
}

/**
 * Every period of `kind` that overlaps the epoch days from..to (both inclusive), in order.
 * @example periodsBetween(19814, 20178, 'financial_quarter').map((p) => p.label)
 * // ['FY2024-25 Q1', 'FY2024-25 Q2', 'FY2024-25 Q3', 'FY2024-25 Q4']
 */
export function periodsBetween(
  from: number,
  to: number,
  kind: PeriodKind,
  options: PeriodOptions = {},
): Period[] {
  if (to < from) {
    throw new Error(`periodsBetween: "to" (${to}) is before "from" (${from}). Swap them.`);
  }
  const periods: Period[] = [];
  for (let day = from; day <= to;) {
    const period = periodOf(day, kind, options);
    periods.push(period);
    day = period.end + 1;
  }
  return periods;
}

/**
 * The one period from the start of the first of `periods` to the end of the last, labelled as a range
 * reads ('FY2020-21 to FY2024-25'): a trend's years pooled into one window.
 * @example periodSpan(periodsBetween(18353, 20178, 'financial_year')).label // 'FY2020-21 to FY2024-25'
 */
export function periodSpan(periods: readonly Period[]): Period {
  checkPeriods(periods, 'periodSpan');
  const first = periods[0];
  const last = periods[periods.length - 1];
  return {
    kind: 'range',
    label: `${first.label} to ${last.label}`,
    start: first.start,
    end: last.end,
  };
}

/**
 * The financial-year label of an epoch day, e.g. FY2024-25 (shorthand for periodOf(date, 'financial_year')).
 * @example financialYearLabel(19813) // 'FY2023-24' (2024-03-31)
 */
export function financialYearLabel(date: number, options: PeriodOptions = {}): string {
  return periodOf(date, 'financial_year', options).label;
}

function fyLabel(startYear: number, fyStart: number): string {
  return fyStart === 1 ? `FY${startYear}` : `FY${startYear}-${pad((startYear + 1) % 100)}`;
}

function monthSpan(
  kind: PeriodKind,
  label: string,
  year: number,
  month: number,
  count: number,
): Period {
  const start = epochDay(year, month, 1);
  const lastMonthIndex = month - 1 + count - 1;
  const endYear = year + Math.floor(lastMonthIndex / 12);
  const endMonth = (lastMonthIndex % 12) + 1;
  return { kind, label, start, end: epochDay(endYear, endMonth, daysInMonth(endYear, endMonth)) };
}

function checkStartMonth(month = 4): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`fyStartMonth must be a whole month number 1–12 (4 = April), got ${month}.`);
  }
  return month;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
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
