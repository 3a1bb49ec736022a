// Overtime claims summed per employment spell (or group of people) × period, in memory or pushed
// down to DuckDB. Steps: choose the engine → match each claim to the spell of its person covering its
// date and to its period → sum per grain × period → one arquero table, sorted, whatever the engine.
import type { ColumnTable } from 'arquero';
import type { Period } from '../time/periods.js';
import { periodFinder } from '../transforms/overtime/summary.js';
import { aggregate, eventInputs, type ScaleInputs, type ScaleOptions } from './engine.js';
import { COMPENSATION_CODES, type ScaleData } from './scale-data.js';
import {
  checkMeasures,
  checkScalePeriods,
  GrainPeriodRows,
  grainPeriodColumns,
  grainSql,
  grainValues,
  indexSpells,
  periodIndexSql,
  periodsSql,
} from './spells.js';
import { checkColumns, optionalColumn } from '../shared/columns.js';
import { sqlName } from './duckdb-session.js';
import { checkPeople } from '../transforms/workforce/exposure.js';

export interface ScalePeriodOptions extends ScaleOptions {
  /** Reporting periods that do not overlap (e.g. periodsBetween(from, to, 'month')). */
  periods: readonly Period[];
  /**
   * Columns of people to sum over (e.g. ['unit_id']); default ['person_id', 'start_date'], one row
   * per employment spell. Spells with an empty grouping value are left out.
   */
  by?: readonly string[];
  /** Measures to compute (default all); fewer measures make DuckDB's scan cheaper. */
  measures?: readonly string[];
}

/** The measures of summarizeOvertimeByPeriod, in output order after the grain and period columns. */
export const OVERTIME_MEASURES = [
  'claims',
  'overtime_hours',
  'paid_hours',
  'toil_hours',
  'unpaid_hours',
  'rest_days_worked',
];

/** The default grain: one employment spell (person_id + the spell's start_date). */
export const SPELL_GRAIN = ['person_id', 'start_date'];

/**
 * Overtime per employment spell (default) or group of people (`by`) and period: claims, overtime_hours
 * (all compensation types), paid_hours, toil_hours, unpaid_hours, and rest_days_worked (distinct
 * person × date pairs with a claim marked rest_day_worked). A claim counts for the spell of its person
 * in post on its date (start_date ≤ date ≤ end_date, open end = still in post) and the period holding
 * its date; other claims are left out. Only grain × period pairs with a claim appear. Columns: the
 * grain, period, period_start, period_end, the measures. Same table from either engine (sums within
 * floating-point rounding, since the engines add in different orders). `inputs` may be a ScaleData
 * (openScaleData), which reads the files once for every aggregation of a run.
 * @example summarizeOvertimeByPeriod({ people, overtime: 'big/overtime.parquet' }, { periods: months, by: ['unit_id'] })
 */
export async function summarizeOvertimeByPeriod(
  inputs: ScaleInputs | ScaleData,
  options: ScalePeriodOptions,
): Promise<ColumnTable> {
  const where = 'summarizeOvertimeByPeriod';
  const grain = [...(options.by ?? SPELL_GRAIN)];
  const measures = checkMeasures(options.measures, OVERTIME_MEASURES, where);
  checkScalePeriods(options.periods, where);
  inputs = eventInputs(inputs, 'overtime', where);
  const result = await aggregate(
    inputs,
    options,
    where,
    () => overtimeSql(options.periods, grain, measures),
    (tables) => overtimeInMemory(tables, options.periods, grain, where),
  );
  return result.select(grainPeriodColumns(grain, measures)).orderby(...grain, 'period_start');
}

const OVERTIME_SQL: Record<string, string> = {
  claims: 'count(*)::INTEGER',
  overtime_hours: 'sum(o.hours)::DOUBLE',
  paid_hours: `coalesce(sum(o.hours) FILTER (WHERE o.compensation_code = ${COMPENSATION_CODES.paid}), 0)::DOUBLE`,
  toil_hours: `coalesce(sum(o.hours) FILTER (WHERE o.compensation_code = ${COMPENSATION_CODES.toil}), 0)::DOUBLE`,
  unpaid_hours: `coalesce(sum(o.hours) FILTER (WHERE o.compensation_code = ${COMPENSATION_CODES.unpaid}), 0)::DOUBLE`,
  rest_days_worked:
    'count(DISTINCT (s.person_id, o.date)) FILTER (WHERE o.rest_day_worked)::INTEGER',
};

// Claims are summed per grain and period index k (an integer), and the period's label and bounds
// are joined to the few summed rows afterwards, not to every claim.
function overtimeSql(
  periods: readonly Period[],
  grain: readonly string[],
  measures: readonly string[],
): string {
  const g = grainSql(grain);
  const names = grain.map((c) => sqlName(c)).join(', ');
  return `
WITH sums AS (
  SELECT ${g.select}, o.k,
    ${measures.map((m) => `${OVERTIME_SQL[m]} AS ${m}`).join(',\n    ')}
  FROM (SELECT *, ${periodIndexSql(periods, 'date')} AS k FROM overtime_spells) o
    JOIN spells s ON o.spell = s.spell${g.notEmpty}
  WHERE o.k IS NOT NULL
  GROUP BY ALL
)
SELECT ${names}, p.period, p.period_start::INTEGER AS period_start, p.period_end::INTEGER AS period_end,
  ${measures.join(', ')}
FROM sums JOIN ${periodsSql(periods)} ON p.k = sums.k`;
}

function overtimeInMemory(
  tables: Partial<Record<keyof ScaleInputs, ColumnTable>>,
  periods: readonly Period[],
  grain: readonly string[],
  where: string,
): ColumnTable {
  const people = tables.people!;
  const overtime = tables.overtime!;
  checkPeople(where, people, grain);
  checkColumns(where, overtime, ['person_id', 'date', 'hours'], { what: 'overtime' });
  const spells = indexSpells(people);
  const grainOf = grainValues(people, grain);
  const person = overtime.array('person_id') as ArrayLike<string>;
  const date = overtime.array('date') as ArrayLike<number>;
  const hours = overtime.array('hours') as ArrayLike<number>;
  const comp = optionalColumn<string | null>(overtime, 'compensation');
  const rest = optionalColumn<boolean | null>(overtime, 'rest_day_worked');
  const periodAt = periodFinder(periods);
  const out = new GrainPeriodRows(grain, OVERTIME_MEASURES);
  const restDays: Set<string>[] = [];
  for (let i = 0; i < overtime.numRows(); i++) {
    const k = periodAt(date[i]);
    if (k < 0) continue;
    for (const row of spells.covering(person[i], date[i])) {
      const values = grainOf[row];
      if (values === null) continue;
      const r = out.row(values, k, periods[k]);
      if (r === restDays.length) restDays.push(new Set());
      out.add('claims', r, 1);
      out.add('overtime_hours', r, hours[i]);
      const c = comp?.[i];
      if (c === 'paid' || c === 'toil' || c === 'unpaid') out.add(`${c}_hours`, r, hours[i]);
      if (rest?.[i] === true) restDays[r].add(`${person[i]}|${date[i]}`);
    }
  }
  out.columns.rest_days_worked = restDays.map((s) => s.size);
  return out.toTable();
}
