// Where a figure comes from (issue 14): the population and period of a published table in words, so
// that two tables that differ can be told apart by a reader. Filled from the CellSpec (who, when) or,
// for the period, from the table's own period_start and period_end columns.
import type { ColumnTable } from 'arquero';
import { dateParts, MONTH_NAMES } from '../time/dates.js';
import { parsePeriod } from '../time/periods.js';
import type { CellSpec } from './spec.js';

/**
 * An epoch day in words, e.g. '1 Apr 2024'.
 * @example dayInWords(19814) // '1 Apr 2024'
 */
export function dayInWords(day: number): string {
  const { year, month, day: d } = dateParts(day);
  return `${d} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * The span a table covers, in words: from the earliest period_start to the latest period_end
 * ('1 Apr 2024 to 31 Mar 2025'), saying when rows hold several periods; else the day of a status
 * table's as_of_date ('on 31 Mar 2025'); else `label`, with its dates
 * when it is a period label ('FY2024-25 (1 Apr 2024 to 31 Mar 2025)'); else null.
 * @example periodInWords(summarizeSickness(people, sickness, { periods: [fy] })) // '1 Apr 2024 to 31 Mar 2025'
 */
export function periodInWords(table: ColumnTable, label?: string): string | null {
  const names = table.columnNames();
  if (names.includes('period_start') && names.includes('period_end') && table.numRows() > 0) {
    const starts = (table.array('period_start') as ArrayLike<unknown>) ?? [];
    const ends = (table.array('period_end') as ArrayLike<unknown>) ?? [];
    let from = Infinity;
    let to = -Infinity;
    const periods = new Set<string>();
    for (let i = 0; i < starts.length; i++) {
      const a = starts[i];
      const b = ends[i];
      if (typeof a !== 'number' || typeof b !== 'number') continue;
      from = Math.min(from, a);
      to = Math.max(to, b);
      periods.add(`${a}|${b}`);
    }
    if (Number.isFinite(from) && Number.isFinite(to)) {
      const span = `${dayInWords(from)} to ${dayInWords(to)}`;
      return periods.size > 1 ? `${span}, each row for its own period` : span;
    }
  }
  if (names.includes('as_of_date') && table.numRows() > 0) {
    const days = [...new Set(Array.from(table.array('as_of_date') as ArrayLike<unknown>))]
      .filter((x): x is number => typeof x === 'number')
      .sort((a, b) => a - b);
    if (days.length === 1) return `on ${dayInWords(days[0])}`;
    if (days.length > 1)
      return `each row on its own day, from ${dayInWords(days[0])} to ${dayInWords(days[days.length - 1])}`;
  }
  if (label === undefined) return null;
  try {
    const p = parsePeriod(label);
    return `${label} (${dayInWords(p.start)} to ${dayInWords(p.end)})`;
  } catch {
    return label;
  }
}

/**
 * The who and when of a published table: the spec's words, the period defaulting to
 * periodInWords(table, spec.period). Empty fields are left out.
 * @example describedScope({ by: ['unit'], who: 'officers in post' }, table) // { who: …, when: '1 Apr 2024 to 31 Mar 2025' }
 */
export function describedScope(
  spec: Pick<CellSpec, 'who' | 'when' | 'period'>,
  table: ColumnTable,
): { who?: string; when?: string } {
  const when = spec.when ?? periodInWords(table, spec.period);
  return {
    ...(spec.who ? { who: spec.who } : {}),
    ...(when ? { when } : {}),
  };
}

/**
 * The population and period as one sentence for a card: 'Who is counted: … Period: ….', or ''.
 * @example scopeText({ who: 'people in post', when: '1 Apr 2024 to 31 Mar 2025' }) // 'Who is counted: people in post. Period: 1 Apr 2024 to 31 Mar 2025.'
 */
export function scopeText(scope: { who?: string; when?: string }): string {
  const parts: string[] = [];
  if (scope.who) parts.push(`Who is counted: ${scope.who.replace(/\.$/, '')}.`);
  if (scope.when) parts.push(`Period: ${scope.when.replace(/\.$/, '')}.`);
  return parts.join(' ');
}
