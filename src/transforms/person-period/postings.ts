// Posting history per person for the person-period builder: where someone was posted on a given day.
import type { ColumnTable } from 'arquero';

/** One posting: unit, role, high-risk category, first day and last day (null while current). */
export interface PostingSpan {
  unit_id: string | null;
  role: string | null;
  high_risk_role: string | null;
  from_date: number;
  to_date?: number | null;
}

/**
 * Postings per person, ascending by from_date; an empty map when the table is empty or absent.
 * @example personPostings(data.tables.postings).get('P000001')?.[0].unit_id
 */
export function personPostings(postings: ColumnTable | undefined): Map<string, PostingSpan[]> {
  const out = new Map<string, PostingSpan[]>();
  if (postings === undefined || postings.numRows() === 0) return out;
  const names = postings.columnNames();
  const get = (c: string) => (names.includes(c) ? (postings.array(c) as ArrayLike<unknown>) : null);
  const [pid, unit, role, hrr, from, to] = [
    'person_id',
    'unit_id',
    'role',
    'high_risk_role',
    'from_date',
    'to_date',
  ].map(get);
  if (pid === null || unit === null || from === null) {
    throw new Error(
      `personPostings: postings needs person_id, unit_id and from_date. Found: ${names.join(', ')}. Load it with loadDataset().`,
    );
  }
  for (let i = 0; i < postings.numRows(); i++) {
    const span: PostingSpan = {
      unit_id: unit[i] as string,
      role: (role?.[i] as string | null) ?? null,
      high_risk_role: (hrr?.[i] as string | null) || null,
      from_date: from[i] as number,
      to_date: (to?.[i] as number | null) ?? null,
    };
    const list = out.get(pid[i] as string);
    if (list === undefined) out.set(pid[i] as string, [span]);
    else list.push(span);
  }
  for (const list of out.values()) list.sort((a, b) => a.from_date - b.from_date);
  return out;
}

/**
 * The posting covering `day` (the latest one with from_date ≤ day ≤ to_date), or `fallback` (the
 * people row's unit, role and high-risk role) when no posting covers it.
 * @example postingAt(personPostings(postings).get('P1'), 19814, fallback).unit_id
 */
export function postingAt(
  list: readonly PostingSpan[] | undefined,
  day: number,
  fallback: PostingSpan,
): PostingSpan {
  if (list !== undefined) {
    for (let j = list.length - 1; j >= 0; j--) {
      const x = list[j];
      if (x.from_date <= day && (x.to_date == null || x.to_date >= day)) return x;
    }
  }
  return fallback;
}
