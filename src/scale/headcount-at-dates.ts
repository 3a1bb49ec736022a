// Headcount and FTE in post on given days per group, in memory or pushed down to DuckDB.
// Steps: choose the engine → for each day, the employment spells with start_date ≤ day ≤ end_date →
// count and sum FTE per group → one arquero table sorted by group then date.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { aggregate, type ScaleInputs, type ScaleOptions } from './engine.js';
import type { ScaleData } from './scale-data.js';
import { OPEN_END, fteSql, indexSpells } from './spells.js';
import { sqlName } from './duckdb-session.js';
import { checkPeople } from '../transforms/workforce/exposure.js';

export interface HeadcountAtDatesOptions extends ScaleOptions {
  /** Days (epoch days) to count on, e.g. the first day of each financial year. */
  dates: readonly number[];
  /** Grouping columns of people (e.g. ['unit_id']); rows with an empty value are left out. */
  by?: readonly string[];
}

/**
 * Per group of people and day in `dates`: headcount (employment spells in post that day:
 * start_date ≤ day ≤ end_date, open end = still in post) and fte (their FTE summed: fte, else
 * contracted hours / 40, else 1). Only group × day pairs with someone in post appear. Columns: the
 * `by` columns, date, headcount, fte. `inputs` may be a ScaleData (openScaleData).
 * @example summarizeHeadcountAtDates({ people: 'people.csv' }, { dates: [18353, 18718], by: ['unit_id'] })
 */
export async function summarizeHeadcountAtDates(
  inputs: Pick<ScaleInputs, 'people'> | ScaleData,
  options: HeadcountAtDatesOptions,
): Promise<ColumnTable> {
  const where = 'summarizeHeadcountAtDates';
  const { dates, by = [] } = options;
  if (!Array.isArray(dates) || dates.length === 0 || !dates.every(Number.isInteger)) {
    throw new Error(`${where}: dates must list at least one epoch day (whole number).`);
  }
  const unique = [...new Set(dates)].sort((a, b) => a - b);
  const result = await aggregate(
    inputs,
    options,
    where,
    () => headcountSql(unique, by),
    (tables) => headcountInMemory(tables.people!, unique, by, where),
  );
  return result.select([...by, 'date', 'headcount', 'fte']).orderby(...by, 'date');
}

function headcountSql(dates: readonly number[], by: readonly string[]): string {
  const groups = by.map((c) => `s.${sqlName(c)}`);
  const notEmpty = groups.map((g) => ` AND ${g} IS NOT NULL AND ${g}::VARCHAR <> ''`).join('');
  return `
SELECT ${groups.map((g) => `${g}, `).join('')}d.date::INTEGER AS date, count(*)::INTEGER AS headcount,
  sum(${fteSql('s', 40)})::DOUBLE AS fte
FROM spells s JOIN (VALUES ${dates.map((d) => `(${d})`).join(', ')}) AS d(date)
  ON s.start_date <= d.date AND coalesce(s.end_date, ${OPEN_END}) >= d.date${notEmpty}
GROUP BY ${[...groups, 'd.date'].join(', ')}`;
}

function headcountInMemory(
  people: ColumnTable,
  dates: readonly number[],
  by: readonly string[],
  where: string,
): ColumnTable {
  checkPeople(where, people, by);
  const spells = indexSpells(people);
  const groups = by.map((c) => people.array(c) as ArrayLike<string | number | null>);
  const at = new Map<string, number>();
  const out: Record<string, unknown[]> = Object.fromEntries(
    [...by, 'date', 'headcount', 'fte'].map((c) => [c, []]),
  );
  for (let i = 0; i < people.numRows(); i++) {
    const group = groups.map((g) => g[i]);
    if (group.some((v) => v === null || v === undefined || v === '')) continue;
    for (const day of dates) {
      if (spells.start[i] > day || (spells.end[i] ?? OPEN_END) < day) continue;
      const key = JSON.stringify([...group, day]);
      let r = at.get(key);
      if (r === undefined) {
        r = out.date.length;
        at.set(key, r);
        by.forEach((c, j) => out[c].push(group[j]));
        out.date.push(day);
        out.headcount.push(0);
        out.fte.push(0);
      }
      (out.headcount as number[])[r] += 1;
      (out.fte as number[])[r] += spells.fte[i];
    }
  }
  return aq.table(out);
}
