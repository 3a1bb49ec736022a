// New-starter turnover: of the people who joined in a period and could be followed for a full year,
// the share who left within it. Steps: starters in the period → keep those whose first year ends by
// the data end → count those who left (transfers out excluded) before their first anniversary.
import { table as toTable, type ColumnTable } from 'arquero';
import type { CellSpec } from '../../privacy/index.js';
import type { Period } from '../../time/periods.js';
import type { DefinitionCard } from '../shared/definition.js';
import { groupRows, periodList } from '../shared/groups.js';
import { NON_HEADLINE_LEAVER_TYPES } from './leavers.js';
import { completedMonths } from './service-bands.js';
import { checkColumns, numbers } from '../../shared/columns.js';

export interface NewStarterOptions {
  /** Starters are spells whose start_date falls in this period. */
  period: Period;
  /** Last day the data covers (epoch day), e.g. dataEnd(data): starters whose first year ends after it are not followed. */
  dataEnd: number;
  by?: string[];
  /** Length of the first spell that counts as "new" (default 1 year). */
  withinYears?: number;
}

export const NEW_STARTER_TURNOVER: DefinitionCard = {
  id: 'new_starter_turnover',
  title: 'New-starter turnover',
  definition:
    'Of the people who joined this organisation in the period and whose first year ended by the end of the data, the percentage who left (transfers out excluded) before completing one year (completed years from start_date to the day after the last day).',
  numerator: 'starters followed for a full year who left within it',
  denominator:
    'starters in the period whose first anniversary falls on or before the day after the data end',
  unit: '% of starters followed for a year',
  notes:
    'Starters whose year is not yet over are left out (starters_not_followed), whether or not they have left, so recent periods are not biased by early leavers only. Service here is in this organisation (start_date), not police service.',
};

/**
 * Per group: starters (start_date in the period), starters_followed (their first `withinYears` ended
 * by `dataEnd`), early_leavers (followed starters who left before that), and
 * new_starter_turnover_pct = early_leavers / starters_followed × 100 (null when none followed).
 * @example summarizeNewStarterTurnover(people, { period: parsePeriod('FY2022-23'), dataEnd: dataEnd(data) })
 */
export function summarizeNewStarterTurnover(
  people: ColumnTable,
  { period, dataEnd, by = [], withinYears = 1 }: NewStarterOptions,
): ColumnTable {
  const fn = 'summarizeNewStarterTurnover';
  checkColumns(fn, people, ['start_date', 'end_date', 'leaver_type', ...by]);
  const [p] = periodList(fn, period);
  if (!Number.isInteger(dataEnd)) {
    throw new Error(
      `${fn}: dataEnd must be an epoch day (integer), got ${dataEnd}. Pass dataEnd(data) or epochDay(2025, 3, 31).`,
    );
  }
  if (!(withinYears > 0)) {
    throw new Error(`${fn}: withinYears must be > 0, got ${withinYears}.`);
  }
  const months = withinYears * 12;
  const start = numbers(people, 'start_date');
  const end = numbers(people, 'end_date');
  const type = people.array('leaver_type') as ArrayLike<string | null>;
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...by, 'starters', 'starters_followed', 'early_leavers', 'new_starter_turnover_pct'].map(
      (c) => [c, []],
    ),
  );
  for (const group of groupRows(people, by)) {
    const starters = group.rows.filter((i) => start[i]! >= p.start && start[i]! <= p.end);
    if (starters.length === 0) continue;
    const followed = starters.filter((i) => completedMonths(start[i]!, dataEnd + 1) >= months);
    const early = followed.filter(
      (i) =>
        end[i] !== null &&
        completedMonths(start[i]!, end[i]! + 1) < months &&
        !NON_HEADLINE_LEAVER_TYPES.includes(type[i] ?? ''),
    ).length;
    by.forEach((c, k) => out[c].push(group.values[k]));
    out.starters.push(starters.length);
    out.starters_followed.push(followed.length);
    out.early_leavers.push(early);
    out.new_starter_turnover_pct.push(followed.length > 0 ? (100 * early) / followed.length : null);
  }
  return toTable(out);
}

/**
 * CellSpec of summarizeNewStarterTurnover's output (`by` must name at least one dimension column).
 * @example report.publish(newStarters, newStarterTurnoverSpec(['worker_type']))
 */
export function newStarterTurnoverSpec(by: string[]): CellSpec {
  return {
    by,
    who: 'people who started in the period (start date), each followed through their first years in post',
    population: 'starters',
    counts: ['early_leavers'],
    rates: [
      {
        name: 'new_starter_turnover_pct',
        numerator: 'early_leavers',
        denominator: 'starters_followed',
        per: 100,
      },
    ],
  };
}
