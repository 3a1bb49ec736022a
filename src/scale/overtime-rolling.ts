// Weekly overtime per employment spell with a rolling sum over the last N weeks (the working-time
// reference period), in memory or pushed down to DuckDB. Steps: choose the engine → claims to spells
// and to 7-day weeks counted from `from` → sum per spell × week → rolling sum per spell.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { aggregate, eventInputs, type ScaleInputs, type ScaleOptions } from './engine.js';
import type { ScaleData } from './scale-data.js';
import { indexSpells } from './spells.js';
import { checkColumns } from '../shared/columns.js';
import { checkPeople } from '../transforms/workforce/exposure.js';

export interface RollingOvertimeOptions extends ScaleOptions {
  /** First day (epoch day) of the first week; weeks run 7 days from it. */
  from: number;
  /** Last day (epoch day) of claims counted; the last week may be partial. */
  to: number;
  /** Weeks in the rolling window (default 17, the Working Time Regulations reference period). */
  weeks?: number;
}

/** Output columns of summarizeRollingOvertime, in order. */
export const ROLLING_OVERTIME_COLUMNS = [
  'person_id',
  'start_date',
  'week_start',
  'overtime_hours',
  'rolling_hours',
];

/**
 * Overtime hours per employment spell (person_id + spell start_date) and week, where week n runs from
 * `from` + 7n for 7 days, and rolling_hours = overtime hours of the spell in that week and the
 * `weeks` − 1 weeks before it (weeks without claims add 0). Only weeks with a claim appear. Claims
 * count for the spell in post on their date; claims before `from` or after `to` are left out.
 * `inputs` may be a ScaleData (openScaleData), which reads the files once per run.
 * @example summarizeRollingOvertime({ people, overtime: 'overtime.csv' }, { from: 18353, to: 20178 })
 */
export async function summarizeRollingOvertime(
  inputs: ScaleInputs | ScaleData,
  options: RollingOvertimeOptions,
): Promise<ColumnTable> {
  const where = 'summarizeRollingOvertime';
  const { from, to, weeks = 17 } = options;
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) {
    throw new Error(`${where}: from and to must be epoch days with from ≤ to, got ${from}..${to}.`);
  }
  if (!Number.isInteger(weeks) || weeks < 1) {
    throw new Error(`${where}: weeks must be a whole number ≥ 1, got ${weeks}.`);
  }
  inputs = eventInputs(inputs, 'overtime', where);
  const result = await aggregate(
    inputs,
    options,
    where,
    () => rollingSql(from, to, weeks),
    (tables) => rollingInMemory(tables, from, to, weeks, where),
  );
  return result.select(ROLLING_OVERTIME_COLUMNS).orderby('person_id', 'start_date', 'week_start');
}

function rollingSql(from: number, to: number, weeks: number): string {
  return `
WITH weekly AS (
  SELECT s.person_id, s.start_date, (o.date - ${from}) // 7 AS week, sum(o.hours) AS overtime_hours
  FROM overtime_spells o JOIN spells s ON o.spell = s.spell
  WHERE o.date BETWEEN ${from} AND ${to}
  GROUP BY s.person_id, s.start_date, week
)
SELECT person_id, start_date::INTEGER AS start_date, (${from} + 7 * week)::INTEGER AS week_start,
  overtime_hours::DOUBLE AS overtime_hours,
  sum(overtime_hours) OVER (PARTITION BY person_id, start_date ORDER BY week
    RANGE BETWEEN ${weeks - 1} PRECEDING AND CURRENT ROW)::DOUBLE AS rolling_hours
FROM weekly`;
}

function rollingInMemory(
  tables: Partial<Record<keyof ScaleInputs, ColumnTable>>,
  from: number,
  to: number,
  weeks: number,
  where: string,
): ColumnTable {
  const people = tables.people!;
  const overtime = tables.overtime!;
  checkPeople(where, people);
  checkColumns(where, overtime, ['person_id', 'date', 'hours'], { what: 'overtime' });
  const spells = indexSpells(people);
  const person = overtime.array('person_id') as ArrayLike<string>;
  const date = overtime.array('date') as ArrayLike<number>;
  const hours = overtime.array('hours') as ArrayLike<number>;
  const bySpell = new Map<number, Map<number, number>>();
  for (let i = 0; i < overtime.numRows(); i++) {
    if (date[i] < from || date[i] > to) continue;
    const week = Math.floor((date[i] - from) / 7);
    for (const row of spells.covering(person[i], date[i])) {
      const w = bySpell.get(row) ?? new Map<number, number>();
      bySpell.set(row, w.set(week, (w.get(week) ?? 0) + hours[i]));
    }
  }
  const out = Object.fromEntries(ROLLING_OVERTIME_COLUMNS.map((c) => [c, [] as unknown[]]));
  for (const [row, byWeek] of bySpell) {
    const list = [...byWeek].sort((a, b) => a[0] - b[0]);
    let first = 0;
    list.forEach(([week, h], j) => {
      while (list[first][0] <= week - weeks) first++;
      // Summed afresh in week order (not kept running), so rounding matches a windowed SQL sum.
      let rolling = 0;
      for (let q = first; q <= j; q++) rolling += list[q][1];
      out.person_id.push(spells.personId[row]);
      out.start_date.push(spells.start[row]);
      out.week_start.push(from + 7 * week);
      out.overtime_hours.push(h);
      out.rolling_hours.push(rolling);
    });
  }
  return aq.table(out);
}
