// Employment spells cut at every change of posting, so that sickness, overtime and person-time count
// in the unit a person was in on the day (not the unit of their last posting).
import { table as toTable, type ColumnTable } from 'arquero';
import { personPostings, postingAt, type PostingSpan } from '../person-period/postings.js';
import { checkColumns, numbers } from '../../shared/columns.js';

/**
 * One row per person × stretch of an employment spell spent in one unit: the people columns, with
 * unit_id and high_risk_role from the posting covering the stretch (the people row's own values where
 * no posting covers it), start_date and end_date cut to the stretch, `spell_end_date` and
 * `leaver_type` of the whole spell (leaver_type only on the last stretch) and `spell_start_date`.
 * Consecutive stretches in the same unit and role category are merged. Without postings, the people
 * table with the two spell columns added.
 * @example derivePostingSpells(data.tables.people, data.tables.postings)
 */
export function derivePostingSpells(
  people: ColumnTable,
  postings: ColumnTable | undefined,
): ColumnTable {
  checkColumns('derivePostingSpells', people, ['person_id', 'start_date', 'end_date', 'unit_id']);
  const byPerson = personPostings(postings);
  const names = people.columnNames();
  const cols = Object.fromEntries(names.map((c) => [c, people.array(c) as ArrayLike<unknown>]));
  const ids = cols.person_id as ArrayLike<string>;
  const start = numbers(people, 'start_date') as ArrayLike<number>;
  const end = numbers(people, 'end_date');
  const hasRisk = names.includes('high_risk_role');
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...names, 'spell_start_date', 'spell_end_date'].map((c) => [c, []]),
  );
  const push = (i: number, from: number, to: number | null, p: PostingSpan, last: boolean) => {
    for (const c of names) out[c].push(cols[c][i]);
    const at = out.person_id.length - 1;
    out.start_date[at] = from;
    out.end_date[at] = to;
    out.unit_id[at] = p.unit_id;
    if (hasRisk) out.high_risk_role[at] = p.high_risk_role;
    if (!last && names.includes('leaver_type')) out.leaver_type[at] = null;
    out.spell_start_date.push(start[i]);
    out.spell_end_date.push(end[i]);
  };
  for (let i = 0; i < people.numRows(); i++) {
    const fallback: PostingSpan = {
      unit_id: (cols.unit_id[i] as string | null) ?? null,
      role: null,
      high_risk_role: hasRisk ? ((cols.high_risk_role[i] as string | null) ?? null) : null,
      from_date: start[i],
    };
    const list = byPerson.get(ids[i]);
    const stop = end[i];
    if (list === undefined) {
      push(i, start[i], stop, fallback, true);
      continue;
    }
    // Cut points: the spell start, each posting start and the day after each posting end inside it.
    const cuts = new Set<number>([start[i]]);
    for (const p of list) {
      for (const d of [p.from_date, p.to_date == null ? null : p.to_date + 1]) {
        if (d !== null && d > start[i] && (stop === null || d <= stop)) cuts.add(d);
      }
    }
    const days = [...cuts].sort((a, b) => a - b);
    let from = days[0];
    let current = postingAt(list, from, fallback);
    for (let k = 1; k <= days.length; k++) {
      const next = k < days.length ? postingAt(list, days[k], fallback) : null;
      if (next !== null && sameStretch(next, current)) continue;
      const to = next === null ? stop : days[k] - 1;
      push(i, from, to, current, next === null);
      if (next !== null) [from, current] = [days[k], next];
    }
  }
  return toTable(out);
}

function sameStretch(a: PostingSpan, b: PostingSpan): boolean {
  return a.unit_id === b.unit_id && (a.high_risk_role ?? null) === (b.high_risk_role ?? null);
}
