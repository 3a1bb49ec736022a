// Who is in a high-risk role on a given day, in which unit, and since when: the population that
// welfare checks are owed to. Steps: people in post on the day → the posting covering it → walk back
// through unbroken postings of the same high-risk category to find the first day in the role.
import { table as toTable, type ColumnTable } from 'arquero';
import { personPostings, type PostingSpan } from '../person-period/postings.js';
import { checkColumns, numbers, optionalColumn } from '../../shared/columns.js';

export interface HighRiskStaffOptions {
  /** The day on which staff are counted (epoch day), e.g. the last day of the report period. */
  asOf: number;
  /** Worker types counted (default: everyone; pass e.g. ['officer', 'staff', 'pcso']). */
  workerTypes?: readonly string[] | null;
}

/**
 * One row per person in a high-risk role on `asOf`: person_id, worker_type, unit_id, high_risk_role,
 * role_start_date (first day of the unbroken run of postings in the same high-risk category, cut at
 * the start of the employment spell) and role_source ('postings', or 'people' when the person has no
 * posting covering the day: then people.high_risk_role and start_date are used, so the time in role
 * is the time in this organisation). Postings are unbroken when one starts at most a day after the
 * previous one ends. A person-level table: aggregate it (summarizeWelfareChecks) before publishing.
 * @example deriveHighRiskStaff(data.tables.people, data.tables.postings, { asOf: epochDay(2025, 3, 31) })
 */
export function deriveHighRiskStaff(
  people: ColumnTable,
  postings: ColumnTable | undefined,
  { asOf, workerTypes = null }: HighRiskStaffOptions,
): ColumnTable {
  const fn = 'deriveHighRiskStaff';
  checkColumns(fn, people, ['person_id', 'start_date', 'end_date', 'unit_id', 'high_risk_role']);
  if (!Number.isInteger(asOf)) {
    throw new Error(
      `${fn}: asOf must be an epoch day (integer), got ${asOf}. Pass e.g. report.period.end.`,
    );
  }
  const byPerson = personPostings(postings);
  const ids = people.array('person_id') as ArrayLike<string>;
  const start = numbers(people, 'start_date');
  const end = numbers(people, 'end_date');
  const unit = people.array('unit_id') as ArrayLike<string | null>;
  const risk = people.array('high_risk_role') as ArrayLike<string | null>;
  const type = optionalColumn<string | null>(people, 'worker_type');
  const out: Record<string, unknown[]> = Object.fromEntries(
    ['person_id', 'worker_type', 'unit_id', 'high_risk_role', 'role_start_date', 'role_source'].map(
      (c) => [c, []],
    ),
  );
  for (let i = 0; i < people.numRows(); i++) {
    const from = start[i];
    if (from === null || from > asOf || (end[i] !== null && (end[i] as number) < asOf)) continue;
    if (workerTypes && !workerTypes.includes(type?.[i] ?? '')) continue;
    const list = byPerson.get(ids[i]);
    const at = list ? covering(list, asOf) : -1;
    let category: string | null;
    let roleStart: number;
    let unitId: string | null;
    if (at >= 0) {
      category = list![at].high_risk_role;
      unitId = list![at].unit_id;
      roleStart = category === null ? from : firstDayInRole(list!, at, category);
    } else {
      category = risk[i] || null;
      unitId = unit[i];
      roleStart = from;
    }
    if (category === null) continue;
    out.person_id.push(ids[i]);
    out.worker_type.push(type?.[i] ?? null);
    out.unit_id.push(unitId);
    out.high_risk_role.push(category);
    out.role_start_date.push(Math.max(roleStart, from));
    out.role_source.push(at >= 0 ? 'postings' : 'people');
  }
  return toTable(out);
}

/** Index of the latest posting covering `day`, or -1. */
function covering(list: readonly PostingSpan[], day: number): number {
  for (let j = list.length - 1; j >= 0; j--) {
    const p = list[j];
    if (p.from_date <= day && (p.to_date == null || p.to_date >= day)) return j;
  }
  return -1;
}

/** First day of the unbroken run of postings in `category` that ends with posting `at`. */
function firstDayInRole(list: readonly PostingSpan[], at: number, category: string): number {
  let first = list[at].from_date;
  for (let j = at - 1; j >= 0; j--) {
    const p = list[j];
    if (p.high_risk_role !== category || p.to_date == null || p.to_date < first - 1) break;
    first = Math.min(first, p.from_date);
  }
  return first;
}
