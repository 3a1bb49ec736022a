// Which dates an extract covers, and the latest financial year it covers completely: the one
// definition of the first and last day of data that reports, commands and models share.
import type { Dataset } from './load-dataset.js';
import { formatDate } from '../time/dates.js';
import { periodOf, type Period } from '../time/periods.js';

/** Date columns that show how far an extract reaches: events and employment starts and ends. */
const COVERAGE_COLUMNS: Record<string, string[]> = {
  people: ['start_date', 'end_date'],
  overtime: ['date'],
  sickness: ['start_date', 'end_date'],
  oh_referrals: ['date'],
  welfare_checks: ['date'],
  exit_interviews: ['interview_date'],
};

/**
 * The last day the extract covers: the latest date in its event and employment columns, never
 * after the as-of date.
 * @example formatDate(dataEnd(data)) // '2025-03-31'
 */
export function dataEnd(data: Pick<Dataset, 'tables' | 'asOf'>): number {
  let last = -Infinity;
  for (const [name, columns] of Object.entries(COVERAGE_COLUMNS)) {
    const table = data.tables[name as keyof Dataset['tables']];
    if (!table || table.numRows() === 0) continue;
    for (const column of columns) {
      if (!table.columnNames().includes(column)) continue;
      const values = table.array(column) as ArrayLike<number | null>;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== null && v > last) last = v;
      }
    }
  }
  if (last === -Infinity) {
    throw new Error(
      'dataEnd: the extract has no dated rows (people, overtime, sickness…). Check the data folder and mapping.',
    );
  }
  return Math.min(last, data.asOf);
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
 * The first day from which the extract's records are complete: the mapping's `config.records_from`
 * when set, else the earliest exit or event date in it (people.end_date, overtime.date,
 * sickness.end_date, oh_referrals.date, welfare_checks.date). The
 * fallback assumes every table starts at the same time; when they do not (e.g. overtime kept for ten
 * years, leavers for five), set records_from to the start of the shortest, or people who left before it
 * are missing while their colleagues who stayed are counted from the earlier date.
 * @example formatDate(dataStart(data).day) // '2020-04-01'
 */
export function dataStart(data: Pick<Dataset, 'tables' | 'config'>): DataStart {
  if (data.config.recordsFrom !== null && data.config.recordsFrom !== undefined) {
    return { day: data.config.recordsFrom, source: 'records_from in the mapping' };
  }
  let first = Infinity;
  let where = '';
  for (const [name, columns] of Object.entries(START_COLUMNS)) {
    const table = data.tables[name as keyof Dataset['tables']];
    if (!table || table.numRows() === 0) continue;
    for (const column of columns) {
      if (!table.columnNames().includes(column)) continue;
      const values = table.array(column) as ArrayLike<number | null>;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== null && v < first) {
          first = v;
          where = `${name}.${column}`;
        }
      }
    }
  }
  if (first === Infinity) {
    throw new Error(
      'dataStart: the extract has no dated records (no end_date, overtime, sickness, referral or welfare check date), so the first day of its records is unknown. Set config.records_from in the mapping (yyyy-mm-dd).',
    );
  }
  return { day: first, source: `the earliest date in the extract (${where})` };
}

/**
 * The extract's window: dataStart (with where it came from) to dataEnd.
 * @example formatDataWindow(dataWindow(data)) // 'from 2020-04-01 (records_from in the mapping) to 2025-03-31'
 */
export function dataWindow(data: Pick<Dataset, 'tables' | 'config' | 'asOf'>): DataWindow {
  const { day, source } = dataStart(data);
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
export function latestCompleteFinancialYear(data: Dataset): Period {
  const end = dataEnd(data);
  const options = { fyStartMonth: data.config.fyStartMonth };
  const current = periodOf(end, 'financial_year', options);
  return current.end <= end ? current : periodOf(current.start - 1, 'financial_year', options);
}
