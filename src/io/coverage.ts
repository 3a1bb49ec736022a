// Which dates an extract covers, and the latest financial year it covers completely: the one
// definition of the first and last day of data that reports, commands and models share.
import type { Dataset } from './load-dataset.js';
import { formatDate } from '../time/dates.js';
import { columnArray } from '../shared/columns.js';
import { parsePeriod, periodOf, type Period } from '../time/periods.js';

/** Date columns that show how far an extract reaches: events and employment starts and ends. */
const COVERAGE_COLUMNS: Record<string, string[]> = {
  people: ['start_date', 'end_date'],
  overtime: ['date'],
  sickness: ['start_date', 'end_date'],
  oh_referrals: ['date'],
  welfare_checks: ['date'],
  exit_interviews: ['interview_date'],
  unit_indicators: ['period_start', 'period_end'],
  person_measures: ['period_start', 'period_end'],
};

/**
 * The last day the extract covers: the latest date in its event and employment columns, never
 * after the as-of date.
 * @example formatDate(dataEnd(data)) // '2025-03-31'
 */
export function dataEnd(data: Pick<Dataset, 'tables' | 'asOf'>): number {
  const { last } = extent(data, 'dataEnd');
  return Math.min(last, data.asOf);
}

/**
 * The first day the extract covers: the earliest date in its event and employment columns (the
 * start of the period 'all').
 * @example formatDate(dataStart(data)) // '2020-04-01'
 */
export function dataStart(data: Pick<Dataset, 'tables' | 'asOf'>): number {
  return Math.min(extent(data, 'dataStart').first, data.asOf);
}

/**
 * The period a report or command asks for: 'latest' (the latest complete financial year), 'all' (every
 * day of the data, pooled), a range (FY2022-23..FY2024-25) or one period label (see parsePeriod).
 * @example resolvePeriod('all', data).label // 'all data (2012-01-01 to 2014-12-31)'
 */
export function resolvePeriod(
  text: string | null | undefined,
  data: Pick<Dataset, 'tables' | 'asOf' | 'config'>,
): Period {
  const options = { fyStartMonth: data.config.fyStartMonth };
  if (!text || text.trim().toLowerCase() === 'latest') return latestCompleteFinancialYear(data);
  if (/^all\b/i.test(text.trim())) {
    return parsePeriod(text, {
      ...options,
      extent: { start: dataStart(data), end: dataEnd(data) },
    });
  }
  return parsePeriod(text, options);
}

function extent(data: Pick<Dataset, 'tables'>, where: string): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  forEachDate(data, COVERAGE_COLUMNS, (v) => {
    if (v > last) last = v;
    if (v < first) first = v;
  });
  if (last === -Infinity) {
    throw new Error(
      `${where}: the extract has no dated rows (people, overtime, sickness, unit indicators…). Check the data folder and mapping.`,
    );
  }
  return { first, last };
}

/**
 * Dated records that show from when an extract is complete: exits and events, never the start of an
 * employment or a posting (people in post joined long before the extract began), nor an exit
 * interview (often held before the leaving date, so earlier than the leavers it belongs to).
 */
const START_COLUMNS: Record<string, string[]> = {
  people: ['end_date'],
  overtime: ['date'],
  sickness: ['end_date'],
  oh_referrals: ['date'],
  welfare_checks: ['date'],
};

/** The first day of an extract's records and where it was taken from, in words. */
export interface DataStart {
  day: number;
  source: string;
}

/** The window an extract covers: first and last day (epoch days), and where the first came from. */
export interface DataWindow {
  start: number;
  end: number;
  source: string;
}

/**
 * The first day from which the extract's records are complete (leavers and events; unlike dataStart,
 * which reaches back to the earliest start of employment): the mapping's `config.records_from`
 * when set, else the earliest exit or event date in it (people.end_date, overtime.date,
 * sickness.end_date, oh_referrals.date, welfare_checks.date). The
 * fallback assumes every table starts at the same time; when they do not (e.g. overtime kept for ten
 * years, leavers for five), set records_from to the start of the shortest, or people who left before it
 * are missing while their colleagues who stayed are counted from the earlier date.
 * @example formatDate(recordsStart(data).day) // '2020-04-01'
 */
export function recordsStart(data: Pick<Dataset, 'tables' | 'config'>): DataStart {
  if (data.config.recordsFrom !== null && data.config.recordsFrom !== undefined) {
    return { day: data.config.recordsFrom, source: 'records_from in the mapping' };
  }
  let first = Infinity;
  let where = '';
  forEachDate(data, START_COLUMNS, (v, name, column) => {
    if (v < first) {
      first = v;
      where = `${name}.${column}`;
    }
  });
  if (first === Infinity) {
    throw new Error(
      'recordsStart: the extract has no dated records (no end_date, overtime, sickness, referral or welfare check date), so the first day of its records is unknown. Set config.records_from in the mapping (yyyy-mm-dd).',
    );
  }
  return { day: first, source: `the earliest date in the extract, ${where}` };
}

/**
 * The extract's window for following people: recordsStart (with where it came from) to dataEnd.
 * @example formatDataWindow(dataWindow(data)) // 'from 2020-04-01 (records_from in the mapping) to 2025-03-31'
 */
export function dataWindow(data: Pick<Dataset, 'tables' | 'config' | 'asOf'>): DataWindow {
  const { day, source } = recordsStart(data);
  return { start: day, end: dataEnd(data), source };
}

/**
 * A window in words for captions and cards: "from <start> (<where it came from>) to <end>".
 * @example formatDataWindow({ start: 18353, end: 20178, source: 'records_from in the mapping' })
 */
export function formatDataWindow(window: DataWindow): string {
  return `from ${formatDate(window.start)} (${window.source}) to ${formatDate(window.end)}`;
}

/**
 * The latest financial year that ends on or before the last day the extract covers.
 * @example latestCompleteFinancialYear(data).label // 'FY2024-25'
 */
export function latestCompleteFinancialYear(
  data: Pick<Dataset, 'tables' | 'asOf' | 'config'>,
): Period {
  const end = dataEnd(data);
  const options = { fyStartMonth: data.config.fyStartMonth };
  const current = periodOf(end, 'financial_year', options);
  return current.end <= end ? current : periodOf(current.start - 1, 'financial_year', options);
}

/** Calls `visit` with every date (not empty) of the listed columns of the dataset's tables that have them. */
function forEachDate(
  data: Pick<Dataset, 'tables'>,
  columnsOf: Record<string, string[]>,
  visit: (day: number, table: string, column: string) => void,
): void {
  for (const [name, columns] of Object.entries(columnsOf)) {
    const table = data.tables[name as keyof Dataset['tables']];
    if (!table || table.numRows() === 0) continue;
    for (const column of columns) {
      if (!table.columnNames().includes(column)) continue;
      const values = columnArray<number | null>(table, column);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== null) visit(v, name, column);
      }
    }
  }
}
