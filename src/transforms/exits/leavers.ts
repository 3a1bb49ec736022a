// Leavers joined to their exit interviews: the one table every exit-interview summary starts from.
// Steps: pick leaver spells (end_date set, in the periods, of the leaver types) → match each interview
// to the person's leaver spell nearest its date → service band at leaving → reasons as one list.
import { table as toTable, type ColumnTable } from 'arquero';
import { periodOf, type Period, type PeriodKind } from '../../time/periods.js';
import type { DefinitionCard } from '../shared/definition.js';
import { periodList } from '../shared/groups.js';
import { JL6_EDGES, deriveServiceBand } from '../leavers/service.js';
import { checkColumns, numbers } from '../../shared/columns.js';

export interface ExitLeaverOptions {
  /** Keep leavers whose end_date falls in one of these periods and label them with it (default: every leaver). */
  periods?: Period | readonly Period[];
  /** Without `periods`, each leaver's `period` is the period of this kind holding end_date (default financial_year). */
  periodKind?: PeriodKind;
  /** Month the financial year starts (default 4, April). */
  fyStartMonth?: number;
  /** Service band edges in years (default Home Office JL6; e.g. [3, 7, 11]). */
  serviceBandEdges?: readonly number[];
  /** Leaver types to keep (default all, transfers included: pass a list to narrow). */
  leaverTypes?: readonly string[];
  /**
   * Leavers of unknown date (data.tables.undated_leavers): counted only when `periods` is the one
   * period pooling all the data (kind 'all'), since they belong to no single period.
   */
  undatedLeavers?: ColumnTable;
}

export const EXIT_LEAVERS: DefinitionCard = {
  id: 'exit_leavers',
  title: 'Leavers and their exit interviews',
  definition:
    'One row per employment spell that ended (end_date set), with the exit interview matched to it: an interview belongs to the same person’s ended spell whose end_date is nearest the interview date (the latest spell when the interview is undated); a second interview of the same spell is ignored.',
  unit: 'leavers',
  notes:
    'Reasons cited = the primary reason plus the other reasons, each counted once. Service band: completed years from service_start_date to the day after end_date (unknown when service_start_date is empty).',
};

/**
 * One row per leaver (people columns kept) with `period`, `service_months`, `service_band`,
 * `interviewed`, `interview_row` (row of exit_interviews, for themes), `primary_reason`, `reasons`
 * (distinct reasons cited, primary first), `would_recommend` and `would_return`.
 * Comments are never copied: summarizeExitThemes reads them through `interview_row`.
 * @example deriveExitLeavers(data.tables.people, data.tables.exit_interviews, { periods: parsePeriod('FY2023-24') })
 */
export function deriveExitLeavers(
  people: ColumnTable,
  exitInterviews: ColumnTable,
  {
    periods,
    periodKind = 'financial_year',
    fyStartMonth = 4,
    serviceBandEdges = JL6_EDGES,
    leaverTypes,
    undatedLeavers,
  }: ExitLeaverOptions = {},
): ColumnTable {
  const fn = 'deriveExitLeavers';
  checkColumns(fn, people, ['person_id', 'end_date', 'leaver_type', 'service_start_date']);
  checkColumns(
    fn,
    exitInterviews,
    [
      'person_id',
      'interview_date',
      'primary_reason',
      'other_reasons',
      'would_recommend',
      'would_return',
    ],
    { fix: 'Pass data.tables.exit_interviews from loadDataset().' },
  );
  const list = periods === undefined ? undefined : periodList(fn, periods);
  // A leaver of unknown date (leaver_type set, no end_date: an exit survey without a cease year)
  // counts only in a period pooling all the data (kind 'all').
  const pooled = list?.length === 1 && list[0].kind === 'all' ? list[0].label : undefined;
  if (pooled !== undefined && undatedLeavers !== undefined && undatedLeavers.numRows() > 0) {
    people = people.concat(undatedLeavers.select(people.columnNames()));
  }
  const ids = people.array('person_id') as ArrayLike<string>;
  const end = numbers(people, 'end_date');
  const type = people.array('leaver_type') as ArrayLike<string | null>;
  const keep: number[] = [];
  const labels: string[] = [];
  for (let i = 0; i < people.numRows(); i++) {
    const e = end[i];
    if (leaverTypes !== undefined && !leaverTypes.includes(type[i] ?? '')) continue;
    if (e === null) {
      if (pooled !== undefined && type[i] !== null) {
        keep.push(i);
        labels.push(pooled);
      }
      continue;
    }
    const label = list
      ? list.find((p) => e >= p.start && e <= p.end)?.label
      : periodOf(e, periodKind, { fyStartMonth }).label;
    if (label === undefined) continue;
    keep.push(i);
    labels.push(label);
  }
  const match = matchInterviews(ids, end, type, exitInterviews);
  const primary = exitInterviews.array('primary_reason') as ArrayLike<string | null>;
  const others = exitInterviews.array('other_reasons') as ArrayLike<string[] | null>;
  const recommend = numbers(exitInterviews, 'would_recommend');
  const returning = exitInterviews.array('would_return') as ArrayLike<boolean | null>;
  const columns: Record<string, unknown[]> = {};
  for (const c of people.columnNames()) columns[c] = keep.map((i) => people.get(c, i));
  const rows = keep.map((i) => match.get(i) ?? null);
  columns.period = labels;
  columns.interviewed = rows.map((j) => j !== null);
  columns.interview_row = rows;
  columns.primary_reason = rows.map((j) => (j === null ? null : primary[j]));
  columns.reasons = rows.map((j) =>
    j === null ? [] : [...new Set([primary[j], ...(others[j] ?? [])].filter((r) => !!r))],
  );
  columns.would_recommend = rows.map((j) => (j === null ? null : recommend[j]));
  columns.would_return = rows.map((j) => (j === null ? null : returning[j]));
  return deriveServiceBand(toTable(columns), { edges: serviceBandEdges });
}

/** people row of a leaver spell → exit_interviews row matched to it. */
function matchInterviews(
  ids: ArrayLike<string>,
  end: ArrayLike<number | null>,
  type: ArrayLike<string | null>,
  interviews: ColumnTable,
): Map<number, number> {
  const spells = new Map<string, number[]>();
  for (let i = 0; i < ids.length; i++) {
    if (end[i] === null && type[i] === null) continue;
    const list = spells.get(ids[i]);
    if (list) list.push(i);
    else spells.set(ids[i], [i]);
  }
  const who = interviews.array('person_id') as ArrayLike<string>;
  const when = numbers(interviews, 'interview_date');
  const matched = new Map<number, number>();
  for (let j = 0; j < interviews.numRows(); j++) {
    const candidates = spells.get(who[j]);
    if (!candidates) continue;
    const day = when[j];
    let best = candidates[0];
    for (const i of candidates) {
      // a dated spell before an undated one; among dated, the nearest (or the latest when undated)
      const better =
        end[i] === null
          ? false
          : end[best] === null ||
            (day === null
              ? end[i]! > end[best]!
              : Math.abs(end[i]! - day) < Math.abs(end[best]! - day));
      if (better) best = i;
    }
    if (!matched.has(best)) matched.set(best, j);
  }
  return matched;
}
