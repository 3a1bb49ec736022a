// Which dates an extract covers, and the latest financial year it covers completely: the one
// definition of the last day of data that reports, commands and models share.
import type { Dataset } from './load-dataset.js';
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
 * The latest financial year that ends on or before the last day the extract covers.
 * @example latestCompleteFinancialYear(data).label // 'FY2024-25'
 */
export function latestCompleteFinancialYear(data: Dataset): Period {
  const end = dataEnd(data);
  const options = { fyStartMonth: data.config.fyStartMonth };
  const current = periodOf(end, 'financial_year', options);
  return current.end <= end ? current : periodOf(current.start - 1, 'financial_year', options);
}
