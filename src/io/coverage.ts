// Which dates an extract covers, and the latest financial year it covers completely: the one
// definition of the last day of data that reports, commands and models share.
import type { Dataset } from './load-dataset.js';
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
  for (const [name, columns] of Object.entries(COVERAGE_COLUMNS)) {
    const table = data.tables[name as keyof Dataset['tables']];
    if (!table || table.numRows() === 0) continue;
    for (const column of columns) {
      if (!table.columnNames().includes(column)) continue;
      const values = table.array(column) as ArrayLike<number | null>;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === null) continue;
        if (v > last) last = v;
        if (v < first) first = v;
      }
    }
  }
  if (last === -Infinity) {
    throw new Error(
      `${where}: the extract has no dated rows (people, overtime, sickness, unit indicators…). Check the data folder and mapping.`,
    );
  }
  return { first, last };
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
